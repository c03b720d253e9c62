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

    /** When data created at {@code createdAt} is due for deletion. */
    public Instant deadlineFor(Instant createdAt) {
        return createdAt.plus(retention);
    }
}
