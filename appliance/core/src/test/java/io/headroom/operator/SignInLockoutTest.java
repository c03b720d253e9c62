package io.headroom.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SignInLockout lockout = new SignInLockout(new Lockout(3, Duration.ofMinutes(15)), 100, clock);

    @Test
    void aNameLocksForTheAddressThatFailedOnly() {
        assertTrue(lockout.failed("ada", "6.6.6.6").isEmpty());
        assertTrue(lockout.failed("ada", "6.6.6.6").isEmpty());
        assertEquals(Optional.of(Duration.ofMinutes(15)), lockout.failed("ada", "6.6.6.6"));
        assertTrue(lockout.lockedFor("ada", "6.6.6.6").isPresent());
        assertTrue(lockout.lockedFor("ada", "192.168.1.20").isEmpty(), "the operator at the studio's desk still signs in");
        clock.advance(Duration.ofMinutes(15));
        assertTrue(lockout.lockedFor("ada", "6.6.6.6").isEmpty(), "the lock ends");
        assertTrue(lockout.failed("ada", "6.6.6.6").isEmpty(), "and counting starts again");
    }

    @Test
    void anUnknownNameLocksExactlyLikeARealOne() {
        for (String name : new String[]{"ada", "nobody-of-that-name"}) {
            lockout.failed(name, "6.6.6.6");
            lockout.failed(name, "6.6.6.6");
            assertEquals(Optional.of(Duration.ofMinutes(15)), lockout.failed(name, "6.6.6.6"), name);
        }
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        lockout.failed("ada", "6.6.6.6");
        lockout.failed("ada", "6.6.6.6");
        lockout.succeeded("ada", "6.6.6.6");
        assertTrue(lockout.failed("ada", "6.6.6.6").isEmpty());
        assertTrue(lockout.failed("ada", "6.6.6.6").isEmpty());
    }
}
