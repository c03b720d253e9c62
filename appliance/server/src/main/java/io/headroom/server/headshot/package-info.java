/** Finished headshots over HTTP: list, single image, ZIP built on the fly. */
package io.headroom.server.headshot;
