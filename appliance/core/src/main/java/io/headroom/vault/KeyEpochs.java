package io.headroom.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.security.KeyFileReplacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Cipher;

/**
 * Key epochs: crypto-shredding that also holds for copies of the data directory. Each session's
 * data key is wrapped under the key of its deadline's epoch (deadlines cut into slices of
 * {@code length}); epoch keys live only in the keys directory, in one small file
 * ({@code key-epochs.json}, themselves wrapped by the {@link KeyProvider}), replaced atomically
 * on every change with the old content overwritten in place. Once an epoch has ended, every
 * deadline in it has passed: its key is destroyed, the key-encryption key rotates and the file is
 * rewritten, and from then on no copy of the data directory (database pages, logs, backups,
 * snapshots) can yield any data key of those sessions.
 *
 * <p>Thread-safe.
 */
public final class KeyEpochs {

    static final String FILE = "key-epochs.json";
    static final String PREFIX = "epoch:";

    private final Path file;
    private final KeyProvider master;
    private final long lengthMillis;
    private final SecureRandom random;
    /** Epoch number → its key, wrapped by the master key provider. */
    private final Map<Long, WrappedKey> epochs = new TreeMap<>();

    private KeyEpochs(Path file, KeyProvider master, Duration length, SecureRandom random) {
        this.file = file;
        this.master = master;
        this.lengthMillis = length.toMillis();
        this.random = random;
    }

    /** Reads the epoch file of the keys directory (none yet: no epochs). */
    public static KeyEpochs open(Path keysDirectory, KeyProvider master, Duration length, SecureRandom random) throws VaultException {
        if (length.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("A key epoch lasts at least one minute");
        }
        KeyEpochs k = new KeyEpochs(keysDirectory.resolve(FILE), master, length, random);
        if (Files.exists(k.file)) {
            try {
                for (JsonNode e : new ObjectMapper().readTree(k.file.toFile()).path("epochs")) {
                    k.epochs.put(e.path("epoch").asLong(),
                            new WrappedKey(e.path("kek").asText(), Base64.getDecoder().decode(e.path("wrapped").asText())));
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new VaultException("The key-epoch file " + k.file + " is damaged", e);
            }
        }
        return k;
    }

    /** The epoch a deadline falls in. */
    public long epochOf(Instant deadline) {
        return Math.floorDiv(deadline.toEpochMilli(), lengthMillis);
    }

    /** When an epoch ends: every deadline in it has passed, and its key is destroyed. */
    public Instant endOf(long epoch) {
        return Instant.ofEpochMilli((epoch + 1) * lengthMillis);
    }

    /** Wraps a data key under the key of the deadline's epoch, creating that key if needed. */
    public synchronized WrappedKey wrap(DataKey dataKey, Instant deadline) throws VaultException {
        long epoch = epochOf(deadline);
        WrappedKey stored = epochs.get(epoch);
        DataKey epochKey;
        if (stored == null) {
            epochKey = DataKey.generate(random);
            Map<Long, WrappedKey> next = new TreeMap<>(epochs);
            next.put(epoch, master.wrap(epochKey));
            write(next);
            epochs.put(epoch, next.get(epoch));
        } else {
            epochKey = master.unwrap(stored);
        }
        try (epochKey) {
            Cipher c = Cipher.getInstance("AESWrap");
            c.init(Cipher.WRAP_MODE, epochKey);
            return new WrappedKey(PREFIX + epoch, c.wrap(dataKey));
        } catch (GeneralSecurityException e) {
            throw new VaultException("Wrapping a data key failed", e);
        }
    }

    /** Whether a wrapped key was made by this scheme (rather than wrapped by the master key directly). */
    public static boolean isEpochWrapped(WrappedKey wrapped) {
        return wrapped.kekId().startsWith(PREFIX);
    }

    /** The epoch whose key wrapped a data key wrapped by {@link #wrap}. */
    public static long epochNumber(WrappedKey wrapped) throws VaultException {
        try {
            return Long.parseLong(wrapped.kekId().substring(PREFIX.length()));
        } catch (RuntimeException e) {
            throw new VaultException("Not an epoch-wrapped key");
        }
    }

    /**
     * Unwraps a data key wrapped by {@link #wrap}.
     *
     * @throws VaultException when its epoch key has been destroyed (the data is gone for good)
     */
    public DataKey unwrap(WrappedKey wrapped) throws VaultException {
        long epoch = epochNumber(wrapped);
        try (DataKey epochKey = epochKey(epoch)) {
            Cipher c = Cipher.getInstance("AESWrap");
            c.init(Cipher.UNWRAP_MODE, epochKey);
            Key k = c.unwrap(wrapped.wrapped(), "AES", Cipher.SECRET_KEY);
            return new DataKey(k.getEncoded());
        } catch (java.security.InvalidKeyException e) {
            throw new IntegrityException("A wrapped data key does not unwrap: altered, or from another installation");
        } catch (GeneralSecurityException e) {
            throw new VaultException("Unwrapping a data key failed", e);
        }
    }

    /**
     * An epoch's key, unwrapped under the lock: a rotation cannot destroy the key-encryption key
     * that wraps it between the lookup and the unwrap.
     */
    private synchronized DataKey epochKey(long epoch) throws VaultException {
        WrappedKey stored = epochs.get(epoch);
        if (stored == null) {
            throw new VaultException("The key of epoch " + epoch + " has been destroyed: what it protected cannot be opened");
        }
        return master.unwrap(stored);
    }

    /**
     * Destroys the keys of every epoch that has ended by {@code now}; returns those epochs. When
     * any has ended, the key-encryption key rotates too: the remaining epoch keys are wrapped
     * under a new one, the file is replaced with its old content overwritten in place, and the
     * key-encryption keys nothing needs any more are destroyed (see {@link #retireKeks}), so an
     * ended epoch's key recovered from an old disk block is wrapped by a key that is gone as well.
     *
     * @param keksInUse key-encryption keys that wrap something else still stored (session keys
     *                  wrapped before key epochs existed): kept; asked only when an epoch has ended
     */
    public synchronized List<Long> destroyEnded(Instant now, Supplier<Set<String>> keksInUse) throws VaultException {
        List<Long> ended = new ArrayList<>();
        for (Long epoch : epochs.keySet()) {
            if (!endOf(epoch).isAfter(now)) {
                ended.add(epoch);
            }
        }
        if (!ended.isEmpty()) {
            master.rotate();
            Map<Long, WrappedKey> next = new TreeMap<>();
            for (Map.Entry<Long, WrappedKey> e : epochs.entrySet()) {
                if (!ended.contains(e.getKey())) {
                    try (DataKey epochKey = master.unwrap(e.getValue())) {
                        next.put(e.getKey(), master.wrap(epochKey));
                    }
                }
            }
            write(next);
            epochs.clear();
            epochs.putAll(next);
            retireKeks(keksInUse.get());
        }
        return ended;
    }

    /**
     * Destroys every key-encryption key that is not the current one, wraps no live epoch key and
     * is not in {@code keksInUse}. Run at every epoch end and at start (a crash between a rotation
     * and its retirement leaves an old key behind).
     */
    public synchronized void retireKeks(Set<String> keksInUse) throws VaultException {
        Set<String> needed = new HashSet<>(keksInUse);
        needed.add(master.currentKekId());
        epochs.values().forEach(w -> needed.add(w.kekId()));
        for (String kek : master.kekIds()) {
            if (!needed.contains(kek)) {
                master.destroy(kek);
            }
        }
    }

    /** Epochs whose keys exist now. */
    public synchronized List<Long> live() {
        return List.copyOf(epochs.keySet());
    }

    /**
     * Writes the whole file anew (owner-only, synced), renames it over the old one and overwrites
     * the old one's content where it lay.
     */
    private void write(Map<Long, WrappedKey> content) throws VaultException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        root.put("epochLengthMillis", lengthMillis);
        ArrayNode list = root.putArray("epochs");
        content.forEach((epoch, key) -> list.addObject().put("epoch", epoch).put("kek", key.kekId())
                .put("wrapped", Base64.getEncoder().encodeToString(key.wrapped())));
        try {
            KeyFileReplacement.replace(file, json.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new VaultException("The key-epoch file " + file + " cannot be written", e);
        }
    }
}
