package io.headroom.session;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a session's data may live: the operator's retention (default 24 hours, at least one
 * minute). A person may ask for less, never for more.
 */
public record RetentionPolicy(Duration retention) {

    public static final Duration MINIMUM = Duration.ofMinutes(1);

    public RetentionPolicy {
        if (retention == null || retention.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("Retention must be at least one minute (an ISO-8601 duration such as PT24H)");
        }
    }

    /** Parses an ISO-8601 duration such as {@code PT24H}. */
    public static RetentionPolicy parse(String isoDuration) {
        try {
            return new RetentionPolicy(Duration.parse(isoDuration.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Retention is an ISO-8601 duration such as PT24H, not '" + isoDuration + "'", e);
        }
    }

    /**
     * The deadline a person asks for instead of {@code current}: never later than it, and at least
     * a minute from {@code now} (so what they are doing is not cut off mid-request).
     *
     * @throws IllegalArgumentException with a sentence for the person when the request is not allowed
     */
    public Instant shortened(Instant current, Instant requested, Instant now) {
        if (requested.isAfter(current)) {
            throw new IllegalArgumentException("A session's data can be kept for less time, never for more: the latest possible deadline is "
                    + current + ".");
        }
        if (requested.isBefore(now.plus(MINIMUM))) {
            throw new IllegalArgumentException("The new deadline must be at least a minute from now; to delete everything at once, "
                    + "use \"Delete everything now\".");
        }
        return requested;
    }

    /** When data created at {@code createdAt} is due for deletion. */
    public Instant deadlineFor(Instant createdAt) {
        return createdAt.plus(retention);
    }
}
