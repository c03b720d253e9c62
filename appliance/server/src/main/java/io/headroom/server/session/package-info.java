/** Anonymous sessions over HTTP: opening one with consent, reading it with its token. */
package io.headroom.server.session;
