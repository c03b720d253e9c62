/** MicroProfile Health checks served at {@code /health}. */
package io.headroom.server.health;
