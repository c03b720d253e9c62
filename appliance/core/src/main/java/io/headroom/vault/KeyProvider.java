package io.headroom.vault;

import java.util.Set;

/**
 * Holds key-encryption keys and wraps and unwraps data keys with them. The default keeps its
 * keys in a BCFKS keystore in the keys directory ({@link KeystoreKeyProvider}); an HSM (PKCS#11)
 * implementation can take its place without the rest of the vault changing.
 *
 * <p>One key-encryption key is current: {@link #wrap} uses it. {@link #rotate} makes a new one
 * current; the earlier ones keep unwrapping what they wrapped until {@link #destroy}ed. Key epochs
 * rotate at every epoch end and destroy the key before, so an ended epoch's key recovered from an
 * old disk block is wrapped by a key that is gone too.
 *
 * <p>Implementations never write a data key or a key-encryption key in clear anywhere, never put
 * key material in an exception message, and are safe for use by several threads.
 */
public interface KeyProvider {

    /** Encrypts a data key under the current key-encryption key. */
    WrappedKey wrap(DataKey dataKey) throws VaultException;

    /** The id of the current key-encryption key. */
    String currentKekId();

    /** The ids of every key-encryption key that exists, the current one among them. */
    Set<String> kekIds() throws VaultException;

    /**
     * Makes a new key-encryption key, stored durably before this returns, and makes it current.
     *
     * @return its id
     */
    String rotate() throws VaultException;

    /**
     * Destroys a key-encryption key that is not the current one, durably before this returns:
     * nothing it wrapped can be unwrapped any more. Unknown ids are ignored.
     *
     * @throws IllegalArgumentException for the current key
     */
    void destroy(String kekId) throws VaultException;

    /**
     * Decrypts a wrapped data key. The caller destroys the returned key after use.
     *
     * @throws VaultException when the key-encryption key is unknown or the wrapped key was altered
     */
    DataKey unwrap(WrappedKey wrapped) throws VaultException;
}
