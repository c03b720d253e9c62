package io.headroom.vault;

/**
 * Holds key-encryption keys and wraps and unwraps data keys with them. The default keeps its
 * key in a BCFKS keystore in the keys directory ({@link KeystoreKeyProvider}); an HSM (PKCS#11)
 * implementation can take its place without the rest of the vault changing.
 *
 * <p>Implementations never write a data key or a key-encryption key in clear anywhere, and never
 * put key material in an exception message.
 */
public interface KeyProvider {

    /** Encrypts a data key under the current key-encryption key. */
    WrappedKey wrap(DataKey dataKey) throws VaultException;

    /**
     * Decrypts a wrapped data key. The caller destroys the returned key after use.
     *
     * @throws VaultException when the key-encryption key is unknown or the wrapped key was altered
     */
    DataKey unwrap(WrappedKey wrapped) throws VaultException;
}
