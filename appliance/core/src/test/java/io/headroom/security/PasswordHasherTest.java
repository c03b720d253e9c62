package io.headroom.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Small cost keeps the test fast; the format and checks are the same. */
    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom());

    @Test
    void hashIsPhcArgon2idWithParameters() {
        String h = hasher.hash("correct horse".toCharArray());
        assertTrue(h.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), h);
        assertFalse(h.contains("correct horse"));
    }

    @Test
    void verifiesRightPasswordOnly() {
        String h = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), h));
        assertFalse(hasher.verify("correct hors".toCharArray(), h));
        assertFalse(hasher.verify("".toCharArray(), h));
    }

    @Test
    void saltMakesEveryHashDifferent() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void verifiesWithTheParametersStoredInTheHash() {
        String weak = hasher.hash("pw".toCharArray());
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Cost(2048, 2, 1), new SecureRandom());
        assertTrue(stronger.verify("pw".toCharArray(), weak), "old hashes keep working after raising the cost");
        assertTrue(stronger.needsRehash(weak));
        assertFalse(hasher.needsRehash(weak));
    }

    @Test
    void nonAsciiPasswordsWork() {
        String h = hasher.hash("pässwörd—密码".toCharArray());
        assertTrue(hasher.verify("pässwörd—密码".toCharArray(), h));
        assertFalse(hasher.verify("passwort—密码".toCharArray(), h));
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertFalse(hasher.verify("x".toCharArray(), null));
        assertFalse(hasher.verify("x".toCharArray(), "plain-text-password"));
        assertFalse(hasher.verify("x".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA"));
    }
}
