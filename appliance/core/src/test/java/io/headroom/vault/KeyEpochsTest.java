package io.headroom.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEpochsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aDataKeyOpensUntilItsEpochEndsAndNeverAfterEvenFromACopy(@TempDir Path keys) throws Exception {
        KeyProvider master = KeystoreKeyProvider.openOrCreate(keys, null, RANDOM);
        KeyEpochs epochs = KeyEpochs.open(keys, master, HOUR, RANDOM);
        Instant deadline = Instant.parse("2026-11-22T10:20:00Z");
        DataKey key = DataKey.generate(RANDOM);
        byte[] original = key.getEncoded();
        WrappedKey wrapped = epochs.wrap(key, deadline); // what the database (data directory) keeps
        assertTrue(KeyEpochs.isEpochWrapped(wrapped));
        assertEquals(Instant.parse("2026-11-22T11:00:00Z"), epochs.endOf(epochs.epochOf(deadline)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(KeyEpochs.FILE))));

        // Another start reads the same file and opens the copy of the wrapped key.
        assertArrayEquals(original, KeyEpochs.open(keys, master, HOUR, RANDOM).unwrap(wrapped).getEncoded());

        assertEquals(List.of(), epochs.destroyEnded(Instant.parse("2026-11-22T10:59:59Z"), Set::of), "not before the epoch ends");
        assertEquals(List.of(epochs.epochOf(deadline)), epochs.destroyEnded(Instant.parse("2026-11-22T11:00:00Z"), Set::of));
        assertThrows(VaultException.class, () -> epochs.unwrap(wrapped));
        KeyEpochs restarted = KeyEpochs.open(keys, master, HOUR, RANDOM);
        VaultException e = assertThrows(VaultException.class, () -> restarted.unwrap(wrapped), "the copy stays shut after a restart");
        assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
        assertFalse(Files.readString(keys.resolve(KeyEpochs.FILE)).contains("\"epoch\":" + epochs.epochOf(deadline)));
    }

    @Test
    void sessionsOfDifferentEpochsHaveDifferentKeysAndOnlyEndedOnesGo(@TempDir Path keys) throws Exception {
        KeyProvider master = KeystoreKeyProvider.openOrCreate(keys, null, RANDOM);
        KeyEpochs epochs = KeyEpochs.open(keys, master, HOUR, RANDOM);
        WrappedKey early = epochs.wrap(DataKey.generate(RANDOM), Instant.parse("2026-11-22T10:20:00Z"));
        WrappedKey late = epochs.wrap(DataKey.generate(RANDOM), Instant.parse("2026-11-22T12:20:00Z"));
        assertEquals(2, epochs.live().size());
        epochs.destroyEnded(Instant.parse("2026-11-22T11:30:00Z"), Set::of);
        assertThrows(VaultException.class, () -> epochs.unwrap(early));
        epochs.unwrap(late).destroy();
        assertEquals(1, epochs.live().size());
    }

    /**
     * An ended epoch's key recovered from an old block of the keys file (here: a copy of the file
     * taken before the epoch ended) is wrapped by a key-encryption key that is gone too; the
     * epochs still running keep working under the new one, across a restart.
     */
    @Test
    void theKeyEncryptionKeyRotatesWhenAnEpochEndsSoAnOldCopyOfTheKeysFileYieldsNothing(@TempDir Path root) throws Exception {
        Path keys = Files.createDirectory(root.resolve("keys"));
        KeyProvider master = KeystoreKeyProvider.openOrCreate(keys, null, RANDOM);
        KeyEpochs epochs = KeyEpochs.open(keys, master, HOUR, RANDOM);
        WrappedKey early = epochs.wrap(DataKey.generate(RANDOM), Instant.parse("2026-11-22T10:20:00Z"));
        DataKey lateKey = DataKey.generate(RANDOM);
        byte[] lateRaw = lateKey.getEncoded();
        WrappedKey late = epochs.wrap(lateKey, Instant.parse("2026-11-22T12:20:00Z"));
        Path oldBlock = Files.copy(keys.resolve(KeyEpochs.FILE), root.resolve("old-block.json"));
        assertEquals(Set.of("kek-1"), master.kekIds());

        epochs.destroyEnded(Instant.parse("2026-11-22T11:30:00Z"), Set::of);

        assertEquals(Set.of("kek-2"), master.kekIds(), "the old key-encryption key is destroyed");
        assertTrue(Files.readString(keys.resolve(KeyEpochs.FILE)).contains("\"kek\":\"kek-2\""));
        KeyProvider reopened = KeystoreKeyProvider.openOrCreate(keys, null, RANDOM);
        assertArrayEquals(lateRaw, KeyEpochs.open(keys, reopened, HOUR, RANDOM).unwrap(late).getEncoded(),
                "the running epoch opens after a restart");
        Path recovered = Files.createDirectory(root.resolve("recovered"));
        Files.copy(oldBlock, recovered.resolve(KeyEpochs.FILE));
        KeyEpochs fromOldBlock = KeyEpochs.open(recovered, reopened, HOUR, RANDOM);
        assertThrows(VaultException.class, () -> fromOldBlock.unwrap(early), "the old copy's epoch key was wrapped by kek-1, gone");
    }

    @Test
    void aKeyEncryptionKeyThatStillWrapsASessionKeyDirectlyIsKept(@TempDir Path keys) throws Exception {
        KeyProvider master = KeystoreKeyProvider.openOrCreate(keys, null, RANDOM);
        WrappedKey legacy = master.wrap(DataKey.generate(RANDOM)); // made before key epochs existed
        KeyEpochs epochs = KeyEpochs.open(keys, master, HOUR, RANDOM);
        epochs.wrap(DataKey.generate(RANDOM), Instant.parse("2026-11-22T10:20:00Z"));

        epochs.destroyEnded(Instant.parse("2026-11-22T11:30:00Z"), () -> Set.of(legacy.kekId()));
        master.unwrap(legacy).destroy();
        assertEquals(Set.of("kek-1", "kek-2"), master.kekIds());

        epochs.retireKeks(Set.of()); // that session is gone now
        assertEquals(Set.of("kek-2"), master.kekIds());
        assertThrows(VaultException.class, () -> master.unwrap(legacy));
    }
}
