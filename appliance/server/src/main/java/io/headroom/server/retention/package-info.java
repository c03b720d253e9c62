/** Retention: sessions purged when their deadline passes, also across restarts. */
package io.headroom.server.retention;
