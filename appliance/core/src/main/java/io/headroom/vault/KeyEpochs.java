package io.headroom.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;

/**
 * Key epochs: crypto-shredding that also holds for copies of the data directory. Each session's
 * data key is wrapped under the key of its deadline's epoch (deadlines cut into slices of
 * {@code length}); epoch keys live only in the keys directory, in one small file
 * ({@code key-epochs.json}, themselves wrapped by the {@link KeyProvider}), rewritten atomically
 * on every change. Once an epoch has ended, every deadline in it has passed: its key is destroyed
 * and the file rewritten, and from then on no copy of the data directory (database pages, logs,
 * backups, snapshots) can yield any data key of those sessions.
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
        WrappedKey stored;
        synchronized (this) {
            stored = epochs.get(epoch);
        }
        if (stored == null) {
            throw new VaultException("The key of epoch " + epoch + " has been destroyed: what it protected cannot be opened");
        }
        try (DataKey epochKey = master.unwrap(stored)) {
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

    /** Destroys the keys of every epoch that has ended by {@code now}; returns those epochs. */
    public synchronized List<Long> destroyEnded(Instant now) throws VaultException {
        List<Long> ended = new ArrayList<>();
        for (Long epoch : epochs.keySet()) {
            if (!endOf(epoch).isAfter(now)) {
                ended.add(epoch);
            }
        }
        if (!ended.isEmpty()) {
            Map<Long, WrappedKey> next = new TreeMap<>(epochs);
            ended.forEach(next::remove);
            write(next);
            ended.forEach(epochs::remove);
        }
        return ended;
    }

    /** Epochs whose keys exist now. */
    public synchronized List<Long> live() {
        return List.copyOf(epochs.keySet());
    }

    /** Writes the whole file anew (owner-only, fsynced) and renames it over the old one. */
    private void write(Map<Long, WrappedKey> content) throws VaultException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        root.put("epochLengthMillis", lengthMillis);
        ArrayNode list = root.putArray("epochs");
        content.forEach((epoch, key) -> list.addObject().put("epoch", epoch).put("kek", key.kekId())
                .put("wrapped", Base64.getEncoder().encodeToString(key.wrapped())));
        try {
            Path temp = Files.createTempFile(file.getParent(), ".key-epochs-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(json.writeValueAsBytes(root)));
                    ch.force(true);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                    dir.force(true); // the rename itself survives a crash
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new VaultException("The key-epoch file " + file + " cannot be written", e);
        }
    }
}
