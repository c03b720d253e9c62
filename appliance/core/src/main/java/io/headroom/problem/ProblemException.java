package io.headroom.problem;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error a person caused or can act on, reported to the client as problem+json.
 *
 * <p>The detail is shown to the person, so it must never carry a token, a key, a file name
 * given by the user, or anything else from the request that should stay private.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.retryAfter = retryAfter;
    }

    public ProblemType type() {
        return type;
    }

    /** The message for the person. */
    public String detail() {
        return getMessage();
    }

    /** When the client may try again, for 429 and 503. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
