package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.server.retention.RetentionScope;
import io.headroom.server.storage.BlobStore;
import io.headroom.vault.BlobAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A session's blobs, sealed on the way into storage and opened on the way out. Keys are
 * {@code <session's random prefix>/<random blob id>}; the blob's address binds session and blob
 * id into its ciphertext.
 */
@ApplicationScoped
public class SealedBlobs {

    @Inject
    SessionVault vault;

    @Inject
    BlobStore blobs;

    public static StorageKey keyOf(String prefix, String blobId) {
        return new StorageKey(prefix + "/" + blobId);
    }

    /**
     * Seals {@code plaintext} with {@code key} and stores it; wipes {@code plaintext} afterwards.
     * Only inside a {@link io.headroom.server.retention.Retained} method, which records its deadline.
     */
    public void put(String sessionId, String prefix, String blobId, byte[] plaintext, SessionVault.OpenKey key) throws IOException {
        StorageKey storageKey = keyOf(prefix, blobId);
        try (InputStream sealed = vault.seal(new ByteArrayInputStream(plaintext), key, new BlobAddress(sessionId, blobId))) {
            RetentionScope.created(sessionId, storageKey.value()); // before writing: outside a @Retained method nothing is stored
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
        try (SessionVault.OpenKey key = vault.keyForReading(sessionId).orElseThrow(() -> new IOException("the session has no key"));
             InputStream plain = vault.open(blobs.get(keyOf(prefix, blobId)), key, new BlobAddress(sessionId, blobId))) {
            plain.transferTo(out);
        }
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
