package io.headroom.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeBackoffTest {

    @Test
    void doublesFromOneSecondUpToFiveMinutes() {
        PurgeBackoff b = PurgeBackoff.DEFAULT;
        assertEquals(Duration.ofSeconds(1), b.delayAfter(1));
        assertEquals(Duration.ofSeconds(2), b.delayAfter(2));
        assertEquals(Duration.ofSeconds(256), b.delayAfter(9));
        assertEquals(Duration.ofMinutes(5), b.delayAfter(10));
        assertEquals(Duration.ofMinutes(5), b.delayAfter(Integer.MAX_VALUE), "no overflow however often it failed");
        assertEquals(Instant.parse("2026-12-01T10:00:04Z"), b.retryAt(Instant.parse("2026-12-01T10:00:00Z"), 3));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PurgeBackoff.DEFAULT.delayAfter(0));
        assertThrows(IllegalArgumentException.class, () -> new PurgeBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new PurgeBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
