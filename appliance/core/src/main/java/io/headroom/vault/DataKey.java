package io.headroom.vault;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.security.auth.Destroyable;

/**
 * A session's AES-256 data key in memory. {@link #destroy()} zeroes it; a destroyed key cannot
 * be used. Never serialised, never logged: only its wrapped form is stored.
 */
public final class DataKey implements SecretKey, Destroyable, AutoCloseable {

    private static final long serialVersionUID = 1L;
    public static final int BYTES = 32;

    private final transient byte[] key;
    private transient volatile boolean destroyed;

    /** Takes ownership of {@code key} (32 bytes): the caller must not keep or reuse the array. */
    public DataKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a data key has 32 bytes");
        }
        this.key = key;
    }

    public static DataKey generate(SecureRandom random) {
        byte[] k = new byte[BYTES];
        random.nextBytes(k);
        return new DataKey(k);
    }

    @Override
    public String getAlgorithm() {
        return "AES";
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /** A copy of the key bytes; the JDK's AES copies them again into its own schedule. */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("the data key was destroyed");
        }
        return key.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
