package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.server.db.Transactions;
import io.headroom.server.storage.BlobStore;
import io.headroom.vault.BlobAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link SealedBlobs} through the vault's sealing and the storage driver. */
@ApplicationScoped
class VaultSealedBlobs implements SealedBlobs {

    @Inject
    SessionVault vault;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDeadlineRepository deadlines;

    @Inject
    Transactions transactions;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String sessionId, Instant deadline, String prefix, String blobId, byte[] plaintext, SessionKeys.OpenKey key)
            throws IOException {
        StorageKey storageKey = SealedBlobs.keyOf(prefix, blobId);
        try (InputStream sealed = vault.seal(new ByteArrayInputStream(plaintext), key, new BlobAddress(sessionId, blobId))) {
            deadlines.add(sessionId, storageKey, deadline);
            blobs.put(storageKey, sealed);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public void copyTo(String sessionId, String prefix, String blobId, OutputStream out) throws IOException {
        try (SessionKeys.OpenKey key = vault.keyForReading(sessionId).orElseThrow(() -> new IOException("the session has no key"))) {
            copyTo(sessionId, prefix, blobId, out, key);
        }
    }

    @Override
    public void copyTo(String sessionId, String prefix, String blobId, OutputStream out, SessionKeys.OpenKey key) throws IOException {
        try (InputStream plain = vault.open(blobs.get(SealedBlobs.keyOf(prefix, blobId)), key, new BlobAddress(sessionId, blobId))) {
            plain.transferTo(out);
        }
    }

    @Override
    public void discard(List<StorageKey> stored) throws StorageException {
        if (stored.isEmpty()) {
            return;
        }
        for (StorageKey k : stored) {
            blobs.delete(k);
        }
        transactions.inNew(() -> {
            deadlines.remove(stored);
            return null;
        });
    }

    @Override
    public Deleted deleteAllOf(String prefix) throws DeletionCutShort {
        long objects = 0;
        long leftovers = 0;
        try {
            for (StorageKey key : blobs.list(prefix)) {
                if (blobs.delete(key)) {
                    objects++;
                }
            }
            for (String name : blobs.incomplete(prefix)) {
                if (blobs.deleteIncomplete(name)) {
                    leftovers++;
                }
            }
        } catch (StorageException | RuntimeException e) {
            throw new DeletionCutShort(objects, e);
        }
        return new Deleted(objects, leftovers);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineMoved(String sessionId, Instant deadline) {
        deadlines.moveSession(sessionId, deadline);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Consistency consistency() throws StorageException {
        Set<String> stored = new HashSet<>();
        for (StorageKey k : blobs.list("")) {
            stored.add(k.value());
        }
        Set<String> recorded = deadlines.allKeys();
        long withoutDeadline = stored.stream().filter(k -> !recorded.contains(k)).count();
        long withoutObject = recorded.stream().filter(k -> !stored.contains(k)).count();
        return new Consistency(stored.size(), recorded.size(), withoutDeadline, withoutObject, blobs.incomplete("").size());
    }
}
