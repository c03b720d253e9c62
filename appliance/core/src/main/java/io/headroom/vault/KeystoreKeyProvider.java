package io.headroom.vault;

import io.headroom.security.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key-encryption keys in a BouncyCastle BCFKS keystore ({@code vault.bcfks}) in the keys
 * directory. The keystore's passphrase comes from configuration, or is generated on first start
 * into {@code vault-keystore.pass} (0600) beside it. Data keys are wrapped with AES key wrap
 * (RFC 3394) under the current key-encryption key.
 */
public final class KeystoreKeyProvider implements KeyProvider {

    static final String KEYSTORE_FILE = "vault.bcfks";
    static final String PASSPHRASE_FILE = "vault-keystore.pass";
    static final String CURRENT_KEK = "kek-1";

    private final KeyStore keyStore;
    private final char[] passphrase;

    private KeystoreKeyProvider(KeyStore keyStore, char[] passphrase) {
        this.keyStore = keyStore;
        this.passphrase = passphrase;
    }

    /**
     * Opens the keystore in {@code keysDirectory}, creating it with a fresh key-encryption key on
     * first start.
     *
     * @param configuredPassphrase the operator's passphrase, or null to use (or generate) the
     *                             passphrase file; the array is copied
     */
    public static KeystoreKeyProvider openOrCreate(Path keysDirectory, char[] configuredPassphrase, SecureRandom random)
            throws VaultException {
        char[] passphrase = configuredPassphrase != null && configuredPassphrase.length > 0
                ? configuredPassphrase.clone()
                : generatedPassphrase(keysDirectory);
        Path file = keysDirectory.resolve(KEYSTORE_FILE);
        try {
            KeyStore ks = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, passphrase);
                }
            } else {
                ks.load(null, passphrase);
                byte[] kek = new byte[32];
                random.nextBytes(kek);
                ks.setEntry(CURRENT_KEK, new KeyStore.SecretKeyEntry(new SecretKeySpec(kek, "AES")),
                        new KeyStore.PasswordProtection(passphrase));
                Arrays.fill(kek, (byte) 0);
                store(ks, file, passphrase);
            }
            if (!ks.isKeyEntry(CURRENT_KEK)) {
                throw new VaultException("The vault keystore has no key-encryption key " + CURRENT_KEK);
            }
            return new KeystoreKeyProvider(ks, passphrase);
        } catch (IOException e) {
            throw new VaultException("The vault keystore " + file + " cannot be opened: wrong passphrase or damaged file", e);
        } catch (GeneralSecurityException e) {
            throw new VaultException("The vault keystore " + file + " cannot be opened", e);
        }
    }

    private static char[] generatedPassphrase(Path keysDirectory) {
        byte[] secret = new SecretFiles(keysDirectory).loadOrCreate(PASSPHRASE_FILE, 32);
        try {
            return Base64.getEncoder().encodeToString(secret).toCharArray();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static void store(KeyStore ks, Path file, char[] passphrase) throws IOException, GeneralSecurityException {
        Path temp = Files.createTempFile(file.getParent(), ".new-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                ks.store(out, passphrase);
            }
            try (var ch = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private SecretKey kek(String id) throws VaultException {
        try {
            Key k = keyStore.getKey(id, passphrase);
            if (!(k instanceof SecretKey secret)) {
                throw new VaultException("Unknown key-encryption key " + id);
            }
            return secret;
        } catch (GeneralSecurityException e) {
            throw new VaultException("The key-encryption key " + id + " cannot be read", e);
        }
    }

    @Override
    public WrappedKey wrap(DataKey dataKey) throws VaultException {
        try {
            Cipher c = Cipher.getInstance("AESWrap");
            c.init(Cipher.WRAP_MODE, kek(CURRENT_KEK));
            return new WrappedKey(CURRENT_KEK, c.wrap(dataKey));
        } catch (GeneralSecurityException e) {
            throw new VaultException("Wrapping a data key failed", e);
        }
    }

    @Override
    public DataKey unwrap(WrappedKey wrapped) throws VaultException {
        try {
            Cipher c = Cipher.getInstance("AESWrap");
            c.init(Cipher.UNWRAP_MODE, kek(wrapped.kekId()));
            Key k = c.unwrap(wrapped.wrapped(), "AES", Cipher.SECRET_KEY);
            return new DataKey(k.getEncoded());
        } catch (java.security.InvalidKeyException e) {
            throw new IntegrityException("A wrapped data key does not unwrap: altered, or wrapped by another keystore");
        } catch (GeneralSecurityException e) {
            throw new VaultException("Unwrapping a data key failed", e);
        }
    }
}
