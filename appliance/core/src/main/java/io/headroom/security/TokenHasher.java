package io.headroom.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA-256) of high-entropy tokens, so the database stores only digests.
 *
 * <p>The key lives in the keys directory, never beside the database: a copy of the data
 * directory alone cannot even confirm a guessed token. Tokens are random and long, so a fast
 * keyed hash is enough here; passwords use {@link PasswordHasher}.
 */
public final class TokenHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key at least 32 bytes; copied */
    public TokenHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the token hashing key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Lower-case hex digest of the token, 64 characters. */
    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Whether the token hashes to {@code expectedHash}, compared in constant time. */
    public boolean matches(String token, String expectedHash) {
        if (token == null || expectedHash == null) {
            return false;
        }
        byte[] actual = hash(token).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = expectedHash.getBytes(StandardCharsets.US_ASCII);
        boolean equal = MessageDigest.isEqual(actual, expected);
        Arrays.fill(actual, (byte) 0);
        return equal;
    }
}
