package io.headroom.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void blocksAfterMaxFailuresUntilWindowEnds() {
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(10), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.blockedFor("a").isEmpty());
            limiter.recordFailure("a");
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), limiter.blockedFor("a"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Optional.of(Duration.ofMinutes(6)), limiter.blockedFor("a"));
        clock.advance(Duration.ofMinutes(6));
        assertTrue(limiter.blockedFor("a").isEmpty(), "a new window starts");
    }

    @Test
    void clientsAreCountedApart() {
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofMinutes(1), 100, clock);
        limiter.recordFailure("a");
        assertTrue(limiter.blockedFor("a").isPresent());
        assertTrue(limiter.blockedFor("b").isEmpty());
    }

    @Test
    void resetForgetsFailures() {
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofMinutes(1), 100, clock);
        limiter.recordFailure("a");
        limiter.reset("a");
        assertTrue(limiter.blockedFor("a").isEmpty());
    }

    @Test
    void failsClosedWhenEveryTrackedSlotIsLive() {
        AttemptLimiter limiter = new AttemptLimiter(5, Duration.ofMinutes(1), 2, clock);
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        assertTrue(limiter.blockedFor("c").isPresent(), "a flood of addresses cannot push out counts");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(limiter.blockedFor("c").isEmpty(), "expired windows make room again");
    }

    @Test
    void retryAfterIsNeverZero() {
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofSeconds(10), 10, clock);
        limiter.recordFailure("a");
        clock.advance(Duration.ofMillis(9_999));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.blockedFor("a"));
    }
}
