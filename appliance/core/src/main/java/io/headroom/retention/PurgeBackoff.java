package io.headroom.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try again to purge a session whose purge failed: after 1 s, then twice as long after
 * each further failure, at most {@code ceiling}. The session stays due (and unreachable) all the
 * while; the back-off only keeps one broken session from taking every sweep's time.
 */
public record PurgeBackoff(Duration first, Duration ceiling) {

    public static final PurgeBackoff DEFAULT = new PurgeBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public PurgeBackoff {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("the first delay must be positive and not above the ceiling");
        }
    }

    /** The delay after the {@code attempts}-th failure in a row (1 for the first). */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
        // Doubling past 2^20 s is far beyond any ceiling; stop there so the shift cannot overflow.
        int doublings = Math.min(attempts - 1, 20);
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(ceiling) > 0 ? ceiling : d;
    }

    /** When the next attempt is due, after the {@code attempts}-th failure at {@code now}. */
    public Instant retryAt(Instant now, int attempts) {
        return now.plus(delayAfter(attempts));
    }
}
