/** The local filesystem storage driver, shipped in every installation's {@code plugins/}. */
package io.headroom.storage.localfs;
