package io.headroom.vault;

import io.headroom.security.KeyFileReplacement;
import io.headroom.security.SecretFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key-encryption keys in a BouncyCastle BCFKS keystore ({@code vault.bcfks}) in the keys
 * directory. The keystore's passphrase comes from configuration, or is generated on first start
 * into {@code vault-keystore.pass} (0600) beside it. Data keys are wrapped with AES key wrap
 * (RFC 3394) under the current key-encryption key, the highest-numbered {@code kek-N}. The
 * keystore file is replaced with its old content overwritten in place ({@link KeyFileReplacement})
 * whenever a key is added or destroyed.
 */
public final class KeystoreKeyProvider implements KeyProvider {

    static final String KEYSTORE_FILE = "vault.bcfks";
    static final String PASSPHRASE_FILE = "vault-keystore.pass";
    static final String KEK_PREFIX = "kek-";

    private final KeyStore keyStore;
    private final char[] passphrase;
    private final Path file;
    private final SecureRandom random;
    private String current;

    private KeystoreKeyProvider(KeyStore keyStore, char[] passphrase, Path file, SecureRandom random) throws VaultException {
        this.keyStore = keyStore;
        this.passphrase = passphrase;
        this.file = file;
        this.random = random;
        this.current = newest(kekIds());
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
                addKek(ks, KEK_PREFIX + 1, passphrase, random);
                store(ks, file, passphrase);
            }
            return new KeystoreKeyProvider(ks, passphrase, file, random);
        } catch (IOException e) {
            throw new VaultException("The vault keystore " + file + " cannot be opened: wrong passphrase or damaged file", e);
        } catch (GeneralSecurityException e) {
            throw new VaultException("The vault keystore " + file + " cannot be opened", e);
        }
    }

    private static void addKek(KeyStore ks, String id, char[] passphrase, SecureRandom random) throws GeneralSecurityException {
        byte[] kek = new byte[32];
        random.nextBytes(kek);
        try {
            ks.setEntry(id, new KeyStore.SecretKeyEntry(new SecretKeySpec(kek, "AES")), new KeyStore.PasswordProtection(passphrase));
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static String newest(Set<String> ids) throws VaultException {
        return ids.stream().max(Comparator.comparingLong(KeystoreKeyProvider::number))
                .orElseThrow(() -> new VaultException("The vault keystore has no key-encryption key"));
    }

    private static long number(String kekId) {
        return Long.parseLong(kekId.substring(KEK_PREFIX.length()));
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, passphrase);
        KeyFileReplacement.replace(file, out.toByteArray());
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
    public synchronized String currentKekId() {
        return current;
    }

    @Override
    public synchronized Set<String> kekIds() throws VaultException {
        try {
            Set<String> ids = new TreeSet<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (alias.startsWith(KEK_PREFIX) && keyStore.isKeyEntry(alias)) {
                    ids.add(alias);
                }
            }
            return ids;
        } catch (GeneralSecurityException e) {
            throw new VaultException("The vault keystore cannot be read", e);
        }
    }

    @Override
    public synchronized String rotate() throws VaultException {
        String next = KEK_PREFIX + (number(current) + 1);
        try {
            addKek(keyStore, next, passphrase, random);
            store(keyStore, file, passphrase);
        } catch (IOException | GeneralSecurityException e) {
            throw new VaultException("A new key-encryption key cannot be stored in " + file, e);
        }
        current = next;
        return next;
    }

    @Override
    public synchronized void destroy(String kekId) throws VaultException {
        if (kekId.equals(current)) {
            throw new IllegalArgumentException("the current key-encryption key cannot be destroyed");
        }
        try {
            if (!keyStore.containsAlias(kekId)) {
                return;
            }
            keyStore.deleteEntry(kekId);
            store(keyStore, file, passphrase);
        } catch (IOException | GeneralSecurityException e) {
            throw new VaultException("The key-encryption key " + kekId + " cannot be removed from " + file, e);
        }
    }

    @Override
    public synchronized WrappedKey wrap(DataKey dataKey) throws VaultException {
        try {
            Cipher c = Cipher.getInstance("AESWrap");
            c.init(Cipher.WRAP_MODE, kek(current));
            return new WrappedKey(current, c.wrap(dataKey));
        } catch (GeneralSecurityException e) {
            throw new VaultException("Wrapping a data key failed", e);
        }
    }

    @Override
    public synchronized DataKey unwrap(WrappedKey wrapped) throws VaultException {
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
