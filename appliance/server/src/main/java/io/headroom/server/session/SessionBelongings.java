package io.headroom.server.session;

import java.util.List;

/**
 * What another feature keeps of a session (its photos, its headshots, its jobs). The session does
 * not know them; they know the session and take part in its purge through this, so a purge never
 * reaches into their tables.
 *
 * <p>Order of calls, for one purge: {@link #purgeBegun} in the purge's first transaction (the
 * session is already marked {@code PURGING} and locked), possibly again in each retry; then, after
 * storage is emptied, {@link #deleteAllOf} exactly once, in the purge's last transaction, which
 * also removes the session and issues its receipt. An implementation works in the caller's
 * transaction and must not open its own.
 */
public interface SessionBelongings {

    /** A line of the deletion receipt: how many of a kind, and their bytes. */
    record Deleted(String what, long count, long bytes) {
    }

    /** The session's purge has begun: work on it stops (its jobs are cancelled). Nothing by default. */
    default void purgeBegun(String sessionId) {
    }

    /**
     * Deletes the session's rows this feature keeps and says what they were, for the receipt; an
     * empty list when the schema's cascade removes them with the session.
     */
    List<Deleted> deleteAllOf(String sessionId);
}
