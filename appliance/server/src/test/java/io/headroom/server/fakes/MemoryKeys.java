package io.headroom.server.fakes;

import io.headroom.server.vault.SessionKeys;
import io.headroom.vault.DataKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Data keys by session, with the deadline each is wrapped for; epochs are days. */
public final class MemoryKeys implements SessionKeys {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final Map<String, byte[]> keys = new HashMap<>();
    /** The deadline each session's key is wrapped for (its epoch). */
    public final Map<String, Instant> wrappedFor = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final FakeTransactions transactions;

    public MemoryKeys(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public OpenKey keyForWriting(String sessionId, Instant deadline) {
        transactions.requireOpen("a key made");
        if (!keys.containsKey(sessionId)) {
            byte[] k = new byte[DataKey.BYTES];
            random.nextBytes(k);
            keys.put(sessionId, k);
            wrappedFor.put(sessionId, deadline);
        }
        return keyForReading(sessionId).orElseThrow();
    }

    @Override
    public Optional<OpenKey> keyForReading(String sessionId) {
        byte[] k = keys.get(sessionId);
        return k == null ? Optional.empty() : Optional.of(new OpenKey("key-" + sessionId, new DataKey(k.clone())));
    }

    @Override
    public Optional<Epoch> deadlineMoved(String sessionId, Instant newDeadline) {
        transactions.requireOpen("a key re-wrapped");
        if (!keys.containsKey(sessionId)) {
            return Optional.empty();
        }
        Epoch before = epochOf(wrappedFor.put(sessionId, newDeadline));
        return before.equals(epochOf(newDeadline)) ? Optional.empty() : Optional.of(before);
    }

    @Override
    public boolean destroyKey(String sessionId) {
        transactions.requireOpen("a key destroyed");
        wrappedFor.remove(sessionId);
        return keys.remove(sessionId) != null;
    }

    public boolean has(String sessionId) {
        return keys.containsKey(sessionId);
    }

    @Override
    public Epoch epochOf(Instant deadline) {
        return epoch(Math.floorDiv(deadline.toEpochMilli(), DAY));
    }

    @Override
    public Epoch epoch(long number) {
        return new Epoch(number, Instant.ofEpochMilli((number + 1) * DAY));
    }
}
