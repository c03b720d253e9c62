package io.headroom.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreKeyProviderTest {

    @TempDir
    Path keys;

    private final SecureRandom random = new SecureRandom();

    @Test
    void wrapsAndUnwrapsAcrossRestarts() throws Exception {
        DataKey key = DataKey.generate(random);
        byte[] raw = key.getEncoded();
        WrappedKey wrapped = KeystoreKeyProvider.openOrCreate(keys, null, random).wrap(key);
        assertEquals("kek-1", wrapped.kekId());
        assertFalse(java.util.Arrays.equals(raw, java.util.Arrays.copyOf(wrapped.wrapped(), 32)), "wrapped, not raw");
        DataKey back = KeystoreKeyProvider.openOrCreate(keys, null, random).unwrap(wrapped);
        assertArrayEquals(raw, back.getEncoded());
    }

    @Test
    void keystoreAndGeneratedPassphraseAreOwnerOnly() throws Exception {
        KeystoreKeyProvider.openOrCreate(keys, null, random);
        for (String f : new String[] {KeystoreKeyProvider.KEYSTORE_FILE, KeystoreKeyProvider.PASSPHRASE_FILE}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(f))), f);
        }
    }

    @Test
    void aConfiguredPassphraseIsUsedAndAWrongOneRefused() throws Exception {
        KeystoreKeyProvider.openOrCreate(keys, "operator passphrase".toCharArray(), random);
        assertFalse(Files.exists(keys.resolve(KeystoreKeyProvider.PASSPHRASE_FILE)), "nothing generated when configured");
        KeystoreKeyProvider.openOrCreate(keys, "operator passphrase".toCharArray(), random);
        VaultException e = assertThrows(VaultException.class,
                () -> KeystoreKeyProvider.openOrCreate(keys, "Zq7-not-it".toCharArray(), random));
        assertFalse(e.getMessage().contains("Zq7-not-it"), "no passphrase in messages");
    }

    @Test
    void anotherKeystoreCannotUnwrapAndAlteredWrapsFail(@TempDir Path otherKeys) throws Exception {
        WrappedKey wrapped = KeystoreKeyProvider.openOrCreate(keys, null, random).wrap(DataKey.generate(random));
        assertThrows(IntegrityException.class, () -> KeystoreKeyProvider.openOrCreate(otherKeys, null, random).unwrap(wrapped));
        byte[] altered = wrapped.wrapped();
        altered[3] ^= 1;
        assertThrows(IntegrityException.class,
                () -> KeystoreKeyProvider.openOrCreate(keys, null, random).unwrap(new WrappedKey("kek-1", altered)));
        assertThrows(VaultException.class,
                () -> KeystoreKeyProvider.openOrCreate(keys, null, random).unwrap(new WrappedKey("kek-9", wrapped.wrapped())));
    }

    @Test
    void aRotatedKeyBecomesCurrentAndADestroyedOneIsGoneForGoodAcrossRestarts() throws Exception {
        KeystoreKeyProvider provider = KeystoreKeyProvider.openOrCreate(keys, null, random);
        WrappedKey underFirst = provider.wrap(DataKey.generate(random));
        Path oldBlocks = keys.resolve("old-inode");
        Files.createLink(oldBlocks, keys.resolve(KeystoreKeyProvider.KEYSTORE_FILE));
        byte[] before = Files.readAllBytes(oldBlocks);

        assertEquals("kek-2", provider.rotate());
        assertEquals("kek-2", provider.wrap(DataKey.generate(random)).kekId());
        provider.unwrap(underFirst).destroy();
        assertThrows(IllegalArgumentException.class, () -> provider.destroy("kek-2"), "never the current one");
        provider.destroy("kek-1");

        KeystoreKeyProvider restarted = KeystoreKeyProvider.openOrCreate(keys, null, random);
        assertEquals("kek-2", restarted.currentKekId());
        assertEquals(java.util.Set.of("kek-2"), restarted.kekIds());
        assertThrows(VaultException.class, () -> restarted.unwrap(underFirst));
        assertArrayEquals(new byte[before.length], Files.readAllBytes(oldBlocks), "the keystore's old content is overwritten in place");
    }
}
