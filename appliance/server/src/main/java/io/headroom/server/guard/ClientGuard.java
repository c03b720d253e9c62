package io.headroom.server.guard;

import io.headroom.guard.AttemptLimiter;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.config.HeadroomSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/**
 * Rate-limits guessing per client address: session tokens, invitation codes and operator
 * passwords all count against the same budget, so one address cannot try many secrets.
 *
 * <p>The client address is the connection's peer address; forwarded headers are not trusted,
 * since anyone can set them.
 */
@ApplicationScoped
public class ClientGuard {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    @Inject
    HeadroomSettings settings;

    @Inject
    Clock clock;

    private AttemptLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new AttemptLimiter(settings.guardMaxFailures(), settings.guardWindow(), MAX_TRACKED_CLIENTS, clock);
    }

    public String clientOf(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** @throws ProblemException 429 with Retry-After when this client has guessed wrong too often */
    public void checkNotBlocked(String client) {
        limiter.blockedFor(client).ifPresent(wait -> {
            throw new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                    "Too many attempts with a wrong token, code or password from your address. Please wait before trying again.",
                    wait);
        });
    }

    public void recordFailure(String client) {
        limiter.recordFailure(client);
    }
}
