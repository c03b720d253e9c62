package io.headroom.server.guard;

import io.headroom.guard.ClientLimiter;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.config.HeadroomSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * What one client address may do: guess (session tokens, invitation codes and operator passwords
 * all count against one budget, so one address cannot try many secrets) and open sessions. Both
 * budgets are counted per address, and per network (/24, /64) once very many addresses are seen,
 * so a flood limits its own networks and never everyone.
 *
 * <p>The client's address is the connection's, unless the connection comes from a trusted reverse
 * proxy ({@code headroom.http.trusted-proxies}): anyone can send forwarding headers.
 */
@ApplicationScoped
public class ClientGuard {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    @Inject
    HeadroomSettings settings;

    @Inject
    Clock clock;

    private ClientLimiter guesses;
    private ClientLimiter sessionOpens;

    @PostConstruct
    void init() {
        guesses = new ClientLimiter(settings.guardMaxFailures(), settings.guardWindow(), MAX_TRACKED_CLIENTS, clock);
        sessionOpens = new ClientLimiter(settings.limits().sessionOpensPerMinute(), Duration.ofMinutes(1), MAX_TRACKED_CLIENTS, clock);
    }

    public String clientOf(HttpServletRequest request) {
        return settings.trustedProxies().clientOf(request.getRemoteAddr(), request.getHeader("Forwarded"),
                request.getHeader("X-Forwarded-For"));
    }

    /** @throws ProblemException 429 with Retry-After when this client has guessed wrong too often */
    public void checkNotBlocked(String client) {
        guesses.blockedFor(client).ifPresent(wait -> {
            throw new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                    "Too many attempts with a wrong token, code or password from your address. Please wait before trying again.",
                    wait);
        });
    }

    public void recordFailure(String client) {
        guesses.record(client, 1);
    }

    /** Counts a session opened by this client. @throws ProblemException 429 with Retry-After past the limit */
    public void admitSessionOpen(String client) {
        sessionOpens.tryAcquire(client).ifPresent(wait -> {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                    "Too many sessions were opened from your address in the last minute. Please wait a moment and try again.", wait);
        });
    }
}
