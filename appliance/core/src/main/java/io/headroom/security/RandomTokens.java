package io.headroom.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe strings for capability tokens, invitation codes and opaque ids. */
public final class RandomTokens {

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public RandomTokens(SecureRandom random) {
        this.random = random;
    }

    public RandomTokens() {
        this(new SecureRandom());
    }

    /**
     * A URL-safe token carrying {@code bits} random bits (rounded up to whole bytes).
     *
     * @param bits at least 64
     */
    public String next(int bits) {
        if (bits < 64) {
            throw new IllegalArgumentException("tokens carry at least 64 random bits");
        }
        byte[] bytes = new byte[(bits + 7) / 8];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** A 256-bit capability token, for example a session token. */
    public String capability() {
        return next(256);
    }

    /** A 128-bit identifier as 32 lower-case hex digits: fit for storage keys and file names. */
    public String hexId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A 128-bit opaque identifier that reveals nothing (not time, not order). */
    public String id() {
        return next(128);
    }
}
