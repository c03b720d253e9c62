package io.headroom.server.session;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.guard.BearerToken;
import io.headroom.server.guard.ClientGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The door to every session endpoint: the session whose id and token match, or the same 404 for
 * every kind of wrong, counted against the client's guessing budget.
 */
@ApplicationScoped
public class SessionAccess {

    @Inject
    SessionRepository sessions;

    @Inject
    ClientGuard guard;

    @Inject
    java.time.Clock clock;

    @Inject
    io.headroom.server.guard.ApplianceSecrets secrets;

    /**
     * @throws ProblemException 404 for an unknown session, a wrong token or a session past its
     *                          deadline (or being purged), 429 when guessing
     */
    public SessionEntity authorize(String id, String authorizationHeader, HttpServletRequest request) {
        String client = guard.clientOf(request);
        guard.checkNotBlocked(client);
        SessionEntity session = find(id, BearerToken.from(authorizationHeader)).orElseThrow(() -> {
            guard.recordFailure(client);
            return notFound();
        });
        // From its deadline on a session is gone, even before its purge has run; the right token
        // is no guess, so it is not counted.
        if (session.goneAt(clock.instant())) {
            throw notFound();
        }
        return session;
    }

    /**
     * The session with this id whose token is {@code token}; empty when either is wrong, so a
     * caller cannot tell an unknown session from a wrong token.
     */
    private java.util.Optional<SessionEntity> find(String id, String token) {
        if (id == null || token == null || id.length() > 32 || token.length() > 128) {
            return java.util.Optional.empty();
        }
        SessionEntity s = sessions.find(id).orElse(null);
        String expected = s == null ? null : s.tokenHash();
        // Hash even when there is no session, so timing does not tell the two cases apart.
        boolean matches = secrets.tokenHasher().matches(token, expected == null ? "" : expected);
        return matches && s != null ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    /** The answer for any session that is not there (for this caller). */
    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no session here for this token. Check the link you were given.");
    }
}
