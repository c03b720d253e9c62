package io.headroom.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Notices when the wall clock jumps. Deadlines are wall-clock times, so a clock set back by an
 * hour purges an hour late, and an air-gapped box has no NTP server to keep it right. At each look
 * (the retention timer looks every second) it compares how far the wall clock moved with how much
 * time really passed (the monotonic clock, which nobody can set); a difference beyond the tolerance
 * is a jump. A forward jump needs nothing more than the timer already does (what became due is
 * purged); a backward one must be told to the operator.
 */
public final class ClockWatch {

    /** The wall clock moved {@code by} more (negative: less) than real time, noticed at {@code at}. */
    public record Jump(Duration by, Instant at) {
        public boolean backwards() {
            return by.isNegative();
        }
    }

    private final Clock wall;
    private final LongSupplier monotonicNanos;
    private final Duration tolerance;
    private Instant lastWall;
    private long lastMonotonic;

    /**
     * @param monotonicNanos {@code System::nanoTime} in the appliance
     * @param tolerance      how far the two may drift apart between looks without it being a jump
     */
    public ClockWatch(Clock wall, LongSupplier monotonicNanos, Duration tolerance) {
        this.wall = wall;
        this.monotonicNanos = monotonicNanos;
        this.tolerance = tolerance;
    }

    /** Looks at both clocks; the jump since the last look, if there was one. */
    public synchronized Optional<Jump> look() {
        Instant now = wall.instant();
        long monotonic = monotonicNanos.getAsLong();
        Optional<Jump> jump = Optional.empty();
        if (lastWall != null) {
            Duration difference = Duration.between(lastWall, now).minus(Duration.ofNanos(monotonic - lastMonotonic));
            if (difference.abs().compareTo(tolerance) > 0) {
                // To the second: the time between two looks is not part of the jump.
                jump = Optional.of(new Jump(Duration.ofSeconds(Math.round(difference.toMillis() / 1000.0)), now));
            }
        }
        lastWall = now;
        lastMonotonic = monotonic;
        return jump;
    }
}
