package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.server.storage.BlobStore;
import io.headroom.vault.BlobAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import jakarta.transaction.Transactional;

/**
 * The one door to storage for a session's blobs: sealed on the way in, with their deadline row
 * recorded in the same transaction; opened on the way out; deleted one by one, or all of a session
 * at its purge. Keys are {@code <session's random prefix>/<random blob id>}; the blob's address
 * binds session and blob id into its ciphertext.
 */
@ApplicationScoped
public class SealedBlobs {

    @Inject
    SessionVault vault;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDeadlines deadlines;

    public static StorageKey keyOf(String prefix, String blobId) {
        return new StorageKey(prefix + "/" + blobId);
    }

    /**
     * Seals {@code plaintext} with {@code key} and stores it, and records its deadline (its
     * session's, {@code deadline}, read by the caller in the same transaction) in the caller's
     * transaction, so the object and its row commit together or not at all: no stored object
     * without a deadline. Wipes {@code plaintext} afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String sessionId, java.time.Instant deadline, String prefix, String blobId, byte[] plaintext, SessionVault.OpenKey key)
            throws IOException {
        StorageKey storageKey = keyOf(prefix, blobId);
        try (InputStream sealed = vault.seal(new ByteArrayInputStream(plaintext), key, new BlobAddress(sessionId, blobId))) {
            deadlines.record(sessionId, storageKey, deadline);
            blobs.put(storageKey, sealed);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Opens a blob and writes its plaintext to {@code out}, segment by segment as each is
     * authenticated; an {@link io.headroom.vault.IntegrityException} stops it.
     */
    public void copyTo(String sessionId, String prefix, String blobId, OutputStream out) throws IOException {
        try (SessionVault.OpenKey key = vault.keyForReading(sessionId).orElseThrow(() -> new IOException("the session has no key"))) {
            copyTo(sessionId, prefix, blobId, out, key);
        }
    }

    /** As {@link #copyTo(String, String, String, OutputStream)}, with a key the caller opened once for all its reads and writes. */
    public void copyTo(String sessionId, String prefix, String blobId, OutputStream out, SessionVault.OpenKey key) throws IOException {
        try (InputStream plain = vault.open(blobs.get(keyOf(prefix, blobId)), key, new BlobAddress(sessionId, blobId))) {
            plain.transferTo(out);
        }
    }

    /**
     * Compensation for objects whose owner was never recorded (an upload that lost its race with
     * a purge): the objects go first, then their deadline rows in a transaction of their own, so
     * an object never outlives its row. Stops at the first object storage will not delete: only
     * ciphertext stays, with its row, and goes with its session.
     *
     * @throws StorageException when an object could not be deleted
     */
    public void discard(List<StorageKey> stored) throws StorageException {
        for (StorageKey k : stored) {
            blobs.delete(k);
        }
        deadlines.forget(stored);
    }

    /** The session's stored objects under {@code prefix} (for its purge). */
    public List<StorageKey> storedUnder(String prefix) throws StorageException {
        return blobs.list(prefix);
    }

    /** Deletes one stored object; false when it was not there. */
    public boolean delete(StorageKey key) throws StorageException {
        return blobs.delete(key);
    }

    /** Half-written leftovers of puts a crash cut short, under {@code prefix}. */
    public List<String> leftoversUnder(String prefix) throws StorageException {
        return blobs.incomplete(prefix);
    }

    /** Deletes one half-written leftover; false when it was not there. */
    public boolean deleteLeftover(String name) throws StorageException {
        return blobs.deleteIncomplete(name);
    }

    /** Deletes a blob, for compensation when what it belongs to was not recorded. */
    public void deleteQuietly(String prefix, String blobId) {
        try {
            blobs.delete(keyOf(prefix, blobId));
        } catch (StorageException e) {
            java.util.logging.Logger.getLogger(SealedBlobs.class.getName())
                    .warning("An unrecorded blob could not be deleted; it is sealed and will go with its session");
        }
    }
}
