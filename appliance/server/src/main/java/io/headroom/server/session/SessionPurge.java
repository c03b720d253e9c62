package io.headroom.server.session;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.retention.PurgeBackoff;
import io.headroom.server.vault.SealedBlobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Purges one session, on the retention timer or when its person asks, in the order that keeps the
 * promise even if it is cut short: the session closes and its key goes (its blobs become noise),
 * then every object and half-written leftover under its storage prefix, then its rows with the
 * signed receipt. No transaction is open while storage is worked on; running it again finishes an
 * interrupted one. It never waits for a client: uploads and jobs record in short transactions.
 */
@ApplicationScoped
public class SessionPurge {

    /** An attempt that did not get through, and how many objects it deleted before it stopped. */
    public static final class Incomplete extends Exception {
        private final long deletedObjects;

        Incomplete(long deletedObjects, Throwable cause) {
            super("The purge of a session did not finish; it is retried", cause);
            this.deletedObjects = deletedObjects;
        }

        public long deletedObjects() {
            return deletedObjects;
        }
    }

    @Inject
    SessionRows rows;

    @Inject
    SealedBlobs sealed;

    /**
     * Purges the session completely.
     *
     * <p>Transactions: {@link SessionRows#begin}, then storage with none open, then
     * {@link SessionRows#finish}; each commits on its own.
     *
     * @throws Incomplete when storage or the database failed part-way; the session stays closed
     *                    and its next attempt finishes it
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void purge(String sessionId, SessionRows.Reason reason) throws Incomplete {
        long deleted = 0;
        try {
            Optional<SessionRows.Begun> begun = rows.begin(sessionId, reason);
            if (begun.isEmpty()) {
                return; // purged already
            }
            long leftovers = 0;
            String prefix = begun.get().storagePrefix();
            if (prefix != null) {
                for (StorageKey key : sealed.storedUnder(prefix)) {
                    if (sealed.delete(key)) {
                        deleted++;
                    }
                }
                for (String name : sealed.leftoversUnder(prefix)) {
                    if (sealed.deleteLeftover(name)) {
                        leftovers++;
                    }
                }
            }
            rows.finish(sessionId, deleted, leftovers);
        } catch (StorageException | RuntimeException e) {
            throw new Incomplete(deleted, e);
        }
    }

    /**
     * Records a failed attempt: the session is retried after the back-off for its count of
     * failures in a row, and the audit log says so. Returns that count.
     */
    public int failed(String sessionId, Instant at, Exception cause, PurgeBackoff backoff) {
        long deleted = cause instanceof Incomplete i ? i.deletedObjects() : 0;
        // The class only: messages of storage and database errors may carry keys or ids.
        return rows.failed(sessionId, deleted, at, backoff, rootOf(cause).getClass().getSimpleName());
    }

    /** What made an attempt fail: the storage or database error inside an {@link Incomplete}. */
    public static Throwable rootOf(Exception cause) {
        return cause instanceof Incomplete && cause.getCause() != null ? cause.getCause() : cause;
    }
}
