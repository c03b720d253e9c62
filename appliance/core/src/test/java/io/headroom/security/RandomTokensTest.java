package io.headroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTokensTest {

    private final RandomTokens tokens = new RandomTokens();

    @Test
    void capabilityCarries256BitsUrlSafe() {
        String t = tokens.capability();
        assertEquals(43, t.length(), "32 bytes in unpadded base64url");
        assertTrue(t.matches("[A-Za-z0-9_-]+"), "URL-safe alphabet only");
    }

    @Test
    void idCarries128Bits() {
        assertEquals(22, tokens.id().length());
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(tokens.id()));
        }
    }

    @Test
    void refusesWeakTokens() {
        assertThrows(IllegalArgumentException.class, () -> tokens.next(32));
    }
}
