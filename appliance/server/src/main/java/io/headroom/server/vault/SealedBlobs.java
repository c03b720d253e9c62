package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * The one door to storage for a session's objects: sealed on the way in, with their deadline row
 * recorded in the same transaction; opened on the way out; discarded when what they belong to was
 * not recorded; all of a session deleted at its purge. Keys are
 * {@code <session's random prefix>/<random blob id>}; an object's address binds session and blob
 * id into its ciphertext. Nothing else reaches the storage driver.
 */
public interface SealedBlobs {

    static StorageKey keyOf(String prefix, String blobId) {
        return new StorageKey(prefix + "/" + blobId);
    }

    /**
     * Seals {@code plaintext} with {@code key} and stores it, and records its deadline (its
     * session's, {@code deadline}, read by the caller in the same transaction) in the caller's
     * transaction, which must exist: the object and its row commit together or not at all, so no
     * object is stored without a deadline. Wipes {@code plaintext}, also when it fails.
     */
    void put(String sessionId, Instant deadline, String prefix, String blobId, byte[] plaintext, SessionKeys.OpenKey key)
            throws IOException;

    /**
     * Opens an object with the session's key and writes its plaintext to {@code out}, segment by
     * segment as each is authenticated; an {@link io.headroom.vault.IntegrityException} stops it.
     */
    void copyTo(String sessionId, String prefix, String blobId, OutputStream out) throws IOException;

    /** As {@link #copyTo(String, String, String, OutputStream)}, with a key the caller opened once for all its reads and writes. */
    void copyTo(String sessionId, String prefix, String blobId, OutputStream out, SessionKeys.OpenKey key) throws IOException;

    /**
     * Compensation for objects whose owner was never recorded (an upload that lost its race with a
     * purge, a headshot whose job was cancelled, an earlier attempt of a job run again): the
     * objects go first, then their deadline rows in a transaction of their own, so an object never
     * outlives its row. Stops at the first object storage will not delete: only ciphertext stays,
     * with its row, and goes with its session.
     *
     * @throws StorageException when an object could not be deleted
     */
    void discard(List<StorageKey> stored) throws StorageException;

    /** What a purge found and deleted under a session's prefix. */
    record Deleted(long objects, long leftovers) {
    }

    /** A purge's deletion stopped part-way: how many objects it had deleted, and why. */
    final class DeletionCutShort extends Exception {
        private final long deletedObjects;

        public DeletionCutShort(long deletedObjects, Throwable cause) {
            super("Deleting a session's stored objects stopped part-way", cause);
            this.deletedObjects = deletedObjects;
        }

        public long deletedObjects() {
            return deletedObjects;
        }
    }

    /**
     * Deletes every object of a session, and every half-written leftover of a put a crash cut
     * short, under its prefix; no transaction is needed (the key is gone before). Running it again
     * finishes what an interrupted run left.
     */
    Deleted deleteAllOf(String prefix) throws DeletionCutShort;

    /** The deadlines of a session's objects follow its own (delete sooner), in the caller's transaction. */
    void deadlineMoved(String sessionId, Instant deadline);

    /**
     * Storage against the deadline rows: objects without a row (stored other than through this
     * door) and rows whose object is missing; both should be zero. {@code incomplete}: leftovers of
     * puts cut short by a crash, which go with their session.
     */
    record Consistency(long objects, long rows, long objectsWithoutDeadline, long deadlinesWithoutObject, long incomplete) {
    }

    Consistency consistency() throws StorageException;
}
