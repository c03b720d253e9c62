/** Session data keys (stored wrapped) and sealing through the core vault. */
package io.headroom.server.vault;
