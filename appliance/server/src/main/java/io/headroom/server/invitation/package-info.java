/** One-time invitation codes, for appliances where {@code headroom.sessions.open=false}. */
package io.headroom.server.invitation;
