package io.headroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenHasherTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void hashIsStableHexAndNeverTheToken() {
        TokenHasher h = new TokenHasher(key(1));
        String hash = h.hash("some-token");
        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, h.hash("some-token"));
        assertFalse(hash.contains("some-token"));
    }

    @Test
    void differentKeysGiveDifferentHashes() {
        assertNotEquals(new TokenHasher(key(1)).hash("t"), new TokenHasher(key(2)).hash("t"));
    }

    @Test
    void matchesOnlyTheRightToken() {
        TokenHasher h = new TokenHasher(key(7));
        String stored = h.hash("right");
        assertTrue(h.matches("right", stored));
        assertFalse(h.matches("wrong", stored));
        assertFalse(h.matches(null, stored));
        assertFalse(h.matches("right", null));
        assertFalse(h.matches("right", ""));
    }

    @Test
    void refusesShortKeys() {
        assertThrows(IllegalArgumentException.class, () -> new TokenHasher(new byte[16]));
    }

    @Test
    void keyIsCopiedSoCallerCanWipeIt() {
        byte[] k = key(3);
        TokenHasher h = new TokenHasher(k);
        String before = h.hash("x");
        Arrays.fill(k, (byte) 0);
        assertEquals(before, h.hash("x"));
    }
}
