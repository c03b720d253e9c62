package io.headroom.server.vault;

import io.headroom.vault.DataKey;
import io.headroom.vault.VaultException;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions' data keys: made with a session's first stored object, kept only wrapped under the key
 * of its deadline's epoch, opened for the moment they are needed, destroyed before the session's
 * objects are (without the key they are noise).
 */
public interface SessionKeys {

    /** An unwrapped data key and its id; close it to zero the key. */
    record OpenKey(String keyId, DataKey key) implements AutoCloseable {
        @Override
        public void close() {
            key.destroy();
        }
    }

    /** The key epoch of a deadline, and when that epoch's key is destroyed. */
    record Epoch(long number, Instant keyDestroyedBy) {
    }

    /**
     * The session's key, made (and stored wrapped) in the caller's transaction if it has none;
     * {@code deadline} is the session's, read by the caller in the same transaction.
     */
    OpenKey keyForWriting(String sessionId, Instant deadline) throws VaultException;

    /** The session's key, if it has one. */
    Optional<OpenKey> keyForReading(String sessionId) throws VaultException;

    /**
     * The session's deadline moved earlier: its data key is wrapped anew under the key of the new
     * deadline's epoch, in the caller's transaction, so it dies with that (earlier) epoch.
     *
     * @return the epoch the key was wrapped under until now, when that is another one than the new
     *         deadline's: the copy wrapped under it lives on in the database's superseded pages and
     *         in every copy of the data directory made before, until that epoch ends; empty when
     *         the session has no key yet or its key stays in the same epoch
     */
    Optional<Epoch> deadlineMoved(String sessionId, Instant newDeadline) throws VaultException;

    /**
     * Crypto-shredding: deletes the wrapped key in the caller's transaction, which commits before
     * any object is touched. Returns whether there was one.
     */
    boolean destroyKey(String sessionId);

    /** The key epoch of a deadline. */
    Epoch epochOf(Instant deadline);

    /** The key epoch numbered {@code number}. */
    Epoch epoch(long number);
}
