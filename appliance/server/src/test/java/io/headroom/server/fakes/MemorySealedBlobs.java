package io.headroom.server.fakes;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Storage with deadline rows, in memory (the plaintext is kept as it is: what matters here is
 * which objects exist, with which deadline, and when they are written and deleted).
 */
public final class MemorySealedBlobs implements SealedBlobs {

    /** A stored object: its session, its deadline row, its bytes. */
    public record Stored(String sessionId, Instant deadline, byte[] bytes) {
    }

    public final Map<StorageKey, Stored> objects = new LinkedHashMap<>();
    private final FakeTransactions transactions;
    private int deletesBeforeFailure = -1;
    private Consumer<String> beforeDeleteAll = prefix -> { };

    public MemorySealedBlobs(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    /** The next purge's deletion stops with a storage error after {@code n} objects. */
    public void failDeletionAfter(int n) {
        deletesBeforeFailure = n;
    }

    /** Runs at the start of every {@link #deleteAllOf}, with the prefix. */
    public void beforeDeleteAll(Consumer<String> check) {
        beforeDeleteAll = check;
    }

    public List<StorageKey> under(String prefix) {
        return objects.keySet().stream().filter(k -> k.value().startsWith(prefix + "/")).toList();
    }

    public List<Stored> of(String sessionId) {
        return objects.values().stream().filter(s -> s.sessionId().equals(sessionId)).toList();
    }

    @Override
    public void put(String sessionId, Instant deadline, String prefix, String blobId, byte[] plaintext, SessionKeys.OpenKey key)
            throws IOException {
        try {
            transactions.requireOpen("an object stored");
            objects.put(SealedBlobs.keyOf(prefix, blobId), new Stored(sessionId, deadline, plaintext.clone()));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public void copyTo(String sessionId, String prefix, String blobId, OutputStream out) throws IOException {
        copyTo(sessionId, prefix, blobId, out, null);
    }

    @Override
    public void copyTo(String sessionId, String prefix, String blobId, OutputStream out, SessionKeys.OpenKey key) throws IOException {
        Stored s = objects.get(SealedBlobs.keyOf(prefix, blobId));
        if (s == null || !s.sessionId().equals(sessionId)) {
            throw new IOException("no such object");
        }
        out.write(s.bytes());
    }

    @Override
    public void discard(List<StorageKey> stored) {
        stored.forEach(objects::remove);
    }

    @Override
    public Deleted deleteAllOf(String prefix) throws DeletionCutShort {
        if (transactions.open()) {
            throw new AssertionError("storage emptied inside a transaction");
        }
        beforeDeleteAll.accept(prefix);
        long deleted = 0;
        for (StorageKey k : under(prefix)) {
            if (deletesBeforeFailure == 0) {
                deletesBeforeFailure = -1;
                throw new DeletionCutShort(deleted, new StorageException("storage went away"));
            }
            if (deletesBeforeFailure > 0) {
                deletesBeforeFailure--;
            }
            objects.remove(k);
            deleted++;
        }
        return new Deleted(deleted, 0);
    }

    @Override
    public void deadlineMoved(String sessionId, Instant deadline) {
        transactions.requireOpen("deadlines moved");
        objects.replaceAll((k, s) -> s.sessionId().equals(sessionId) ? new Stored(sessionId, deadline, s.bytes()) : s);
    }

    @Override
    public Consistency consistency() {
        return new Consistency(objects.size(), objects.size(), 0, 0, 0);
    }
}
