package io.headroom.server.photo;

import io.headroom.guard.AttemptLimiter;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.config.HeadroomSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bytes each session may upload per minute ({@code headroom.limits.upload-bytes-per-minute}):
 * counted as the parts arrive, so an upload that goes past the budget is refused whole (nothing of
 * it is kept) and the session's next upload waits for the minute to end.
 */
@ApplicationScoped
public class UploadBudget {

    private static final int MAX_TRACKED_SESSIONS = 100_000;

    @Inject
    HeadroomSettings settings;

    @Inject
    Clock clock;

    private AttemptLimiter bytes;

    @PostConstruct
    void init() {
        bytes = new AttemptLimiter(settings.limits().uploadPerMinute().bytes(), Duration.ofMinutes(1), MAX_TRACKED_SESSIONS, clock);
    }

    /** @throws ProblemException 429 with Retry-After when the session has used its budget */
    public void check(String sessionId) {
        Optional<Duration> wait = bytes.blockedFor(sessionId);
        if (wait.isPresent()) {
            throw spent(wait.get());
        }
    }

    /** The parts, each counted against the session's budget as it arrives. */
    public UploadPhotos.Parts counted(String sessionId, UploadPhotos.Parts parts) {
        return () -> {
            byte[] part = parts.next();
            if (part != null) {
                bytes.record(sessionId, part.length);
                Optional<Duration> wait = bytes.blockedFor(sessionId);
                if (wait.isPresent()) {
                    Arrays.fill(part, (byte) 0);
                    throw spent(wait.get());
                }
            }
            return part;
        };
    }

    private static ProblemException spent(Duration wait) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                "This session has uploaded as much as it may in one minute. Nothing of this upload was kept; please try again shortly.",
                wait);
    }
}
