package io.headroom.vault;

/**
 * A data key encrypted under a key-encryption key: safe to store beside the data it protects,
 * useless without the key-encryption key, which lives only in the keys directory (or an HSM).
 *
 * @param kekId   which key-encryption key wrapped it
 * @param wrapped the ciphertext of the data key
 */
public record WrappedKey(String kekId, byte[] wrapped) {

    public WrappedKey {
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }
}
