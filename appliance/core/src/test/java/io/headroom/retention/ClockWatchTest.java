package io.headroom.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClockWatchTest {

    private final MutableClock wall = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AtomicLong monotonic = new AtomicLong(5_000_000_000L);
    private final ClockWatch watch = new ClockWatch(wall, monotonic::get, Duration.ofMinutes(1));

    private void timePasses(Duration d) {
        wall.advance(d);
        monotonic.addAndGet(d.toNanos());
    }

    @Test
    void clocksThatAgreeGiveNoJump() {
        assertTrue(watch.look().isEmpty(), "the first look only sets the marks");
        timePasses(Duration.ofSeconds(1));
        assertTrue(watch.look().isEmpty());
        timePasses(Duration.ofHours(5));
        assertTrue(watch.look().isEmpty());
    }

    @Test
    void aClockSetBackByMoreThanTheToleranceIsABackwardJump() {
        watch.look();
        timePasses(Duration.ofSeconds(1));
        wall.advance(Duration.ofHours(-2));
        ClockWatch.Jump jump = watch.look().orElseThrow();
        assertTrue(jump.backwards());
        assertEquals(Duration.ofHours(-2), jump.by());
        timePasses(Duration.ofSeconds(1));
        assertTrue(watch.look().isEmpty(), "reported once");
    }

    @Test
    void aForwardJumpIsReportedAsSuchAndSmallDriftIsNot() {
        watch.look();
        wall.advance(Duration.ofSeconds(30)); // NTP stepping a drifting clock
        assertTrue(watch.look().isEmpty());
        wall.advance(Duration.ofDays(1));
        ClockWatch.Jump jump = watch.look().orElseThrow();
        assertEquals(Duration.ofDays(1), jump.by());
        assertTrue(!jump.backwards());
    }
}
