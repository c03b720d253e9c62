package io.headroom.server.session;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.session.RetentionPolicy;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.db.Transactions;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionKeys;
import io.headroom.vault.VaultException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: delete sooner. Moves a session's deadline earlier, as its person asks: never later,
 * never under the policy's minimum from now. The request is checked before any transaction; then,
 * in one transaction with the session's row locked, the deadline moves, the data key is wrapped
 * anew under the new deadline's key epoch and every stored object's deadline follows, so all of it
 * moves or none. When the key leaves an epoch, the session remembers which one (the first it
 * left, the latest of all), because the copy wrapped under it is not gone before that epoch ends:
 * the receipt says so.
 */
@ApplicationScoped
public class ShortenDeadline {

    @Inject
    SessionRepository sessions;

    @Inject
    SessionKeys keys;

    @Inject
    SealedBlobs sealed;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    HeadroomSettings settings;

    /** From the settings at start (a unit test sets it directly). */
    RetentionPolicy policy;

    @PostConstruct
    void init() {
        policy = settings.retentionPolicy();
    }

    /**
     * @return the session with its new deadline
     * @throws ProblemException 400 for a malformed request or a deadline the policy refuses
     */
    public SessionEntity shorten(String sessionId, DeadlineRequest request) {
        Instant now = clock.instant();
        Instant requested = requested(request, now);
        return transactions.inNew(() -> {
            SessionEntity s = sessions.lock(sessionId).orElseThrow(SessionAccess::notFound);
            Instant deadline;
            try {
                deadline = policy.shortened(s.deletesAt(), requested, now);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
            }
            s.shortenTo(deadline);
            try {
                keys.deadlineMoved(sessionId, deadline).ifPresent(left -> s.keyMovedOutOf(left.number(), now));
            } catch (VaultException e) {
                throw new IllegalStateException("Moving the session's key to the earlier key epoch failed", e);
            }
            sealed.deadlineMoved(sessionId, deadline);
            audit.record("deadline-shortened", "");
            return s;
        });
    }

    private static Instant requested(DeadlineRequest request, Instant now) {
        if (request == null || (request.deletesAt() == null) == (request.in() == null)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "Give either \"deletesAt\" (a moment, such as 2026-11-22T18:00:00Z) or \"in\" (a delay, such as PT1H).");
        }
        try {
            return request.deletesAt() != null ? Instant.parse(request.deletesAt()) : now.plus(Duration.parse(request.in()));
        } catch (DateTimeException | ArithmeticException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "\"deletesAt\" is a moment such as 2026-11-22T18:00:00Z; \"in\" is a delay such as PT1H.");
        }
    }
}
