package io.headroom.server.session;

/**
 * A session's purge has begun: fired synchronously inside {@link SessionRows#begin}'s transaction,
 * so what observes it (its jobs are cancelled) commits with the session's closing or not at all.
 * The session does not know who keeps work of its own; they know the session.
 */
public record PurgeBegun(String sessionId) {
}
