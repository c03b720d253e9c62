package io.headroom.server.session;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.session.Consent;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.invitation.InvitationService;
import io.headroom.server.guard.ApplianceSecrets;
import io.headroom.server.vault.SessionVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Opens anonymous sessions and finds them again by their capability token. */
@ApplicationScoped
public class SessionService {

    /** A session as just created: the only moment the token exists outside the client. */
    public record OpenedSession(SessionEntity session, String token) {
    }

    private final RandomTokens random = new RandomTokens();

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    HeadroomSettings settings;

    @Inject
    ApplianceSecrets secrets;

    @Inject
    InvitationService invitations;

    @Inject
    Clock clock;

    @Inject
    SessionVault vault;

    @Inject
    io.headroom.server.vault.BlobDeadlines deadlines;

    @Inject
    AuditLog audit;

    /**
     * Opens a session after consent; when sessions are by invitation only, redeems the code in the
     * same transaction, so a code is never spent without a session or the other way round.
     */
    @Transactional
    public OpenedSession open(Boolean consentGiven, String policyVersion, String invitationCode) {
        Instant now = clock.instant();
        Consent consent = Consent.given(consentGiven, policyVersion, settings.policyVersion(), now);
        String invitationId = null;
        if (!settings.sessionsOpen()) {
            if (invitationCode == null || invitationCode.isBlank()) {
                throw new ProblemException(ProblemType.INVITATION_REQUIRED,
                        "This appliance opens sessions by invitation only. Ask the studio for an invitation code and send it as \"invitation\".");
            }
            invitationId = invitations.redeem(invitationCode, now);
        }
        String token = random.capability();
        SessionEntity session = new SessionEntity(random.id(), secrets.tokenHasher().hash(token), now,
                settings.retentionPolicy().deadlineFor(now), consent.givenAt(), consent.policyVersion(),
                random.id(), invitationId);
        em.persist(session);
        audit.record("session-created", "");
        return new OpenedSession(session, token);
    }

    /**
     * Moves a session's deadline earlier, as its person asks: never later, never under a minute
     * from now. The data key moves to the new deadline's key epoch and every stored object's
     * deadline follows, in one transaction.
     */
    @Transactional
    public SessionEntity shortenDeadline(String sessionId, DeadlineRequest request) {
        if (request == null || (request.deletesAt() == null) == (request.in() == null)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "Give either \"deletesAt\" (a moment, such as 2026-11-22T18:00:00Z) or \"in\" (a delay, such as PT1H).");
        }
        Instant now = clock.instant();
        Instant requested;
        try {
            requested = request.deletesAt() != null ? Instant.parse(request.deletesAt()) : now.plus(java.time.Duration.parse(request.in()));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "\"deletesAt\" is a moment such as 2026-11-22T18:00:00Z; \"in\" is a delay such as PT1H.");
        }
        SessionEntity s = em.find(SessionEntity.class, sessionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Instant deadline;
        try {
            deadline = settings.retentionPolicy().shortened(s.deletesAt(), requested, now);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        s.shortenTo(deadline);
        try {
            vault.deadlineMoved(sessionId, deadline);
        } catch (io.headroom.vault.VaultException e) {
            throw new IllegalStateException("Moving the session's key to the earlier key epoch failed", e);
        }
        deadlines.moveSession(sessionId, deadline);
        audit.record("deadline-shortened", "");
        return s;
    }

    /**
     * Ids of sessions to purge at {@code now}, soonest deadline first: those whose deadline has
     * passed and those whose purge began on request, except the ones whose failed purge waits
     * for its retry.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> due(Instant now, int max) {
        // Two indexed queries rather than one OR, which would scan every session each second.
        List<String> due = new java.util.ArrayList<>(em.createQuery("SELECT s.id FROM SessionEntity s WHERE s.deletesAt <= :now"
                        + " AND (s.purgeRetryAt IS NULL OR s.purgeRetryAt <= :now) ORDER BY s.deletesAt", String.class)
                .setParameter("now", now).setMaxResults(max).getResultList());
        if (due.size() < max) {
            for (String id : em.createQuery("SELECT s.id FROM SessionEntity s WHERE s.state = :purging AND s.deletesAt > :now"
                            + " AND (s.purgeRetryAt IS NULL OR s.purgeRetryAt <= :now) ORDER BY s.deletesAt", String.class)
                    .setParameter("now", now).setParameter("purging", io.headroom.session.SessionState.PURGING)
                    .setMaxResults(max - due.size()).getResultList()) {
                due.add(id);
            }
        }
        return due;
    }

    /**
     * The session with this id whose token is {@code token}; empty when either is wrong, so a
     * caller cannot tell an unknown session from a wrong token.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SessionEntity> find(String id, String token) {
        if (id == null || token == null || id.length() > 32 || token.length() > 128) {
            return Optional.empty();
        }
        SessionEntity s = em.find(SessionEntity.class, id);
        String expected = s == null ? null : s.tokenHash();
        // Hash even when there is no session, so timing does not tell the two cases apart.
        boolean matches = secrets.tokenHasher().matches(token, expected == null ? "" : expected);
        return matches && s != null ? Optional.of(s) : Optional.empty();
    }

    /** How many sessions are in each state (every state present, 0 where none). */
    public java.util.Map<io.headroom.session.SessionState, Long> countByState() {
        java.util.Map<io.headroom.session.SessionState, Long> counts = new java.util.EnumMap<>(io.headroom.session.SessionState.class);
        for (io.headroom.session.SessionState s : io.headroom.session.SessionState.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("SELECT s.state, COUNT(s) FROM SessionEntity s GROUP BY s.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((io.headroom.session.SessionState) row[0], (Long) row[1]));
        return counts;
    }

    /** The {@code n} sessions due first (soonest deadline, then id). */
    public List<SessionEntity> dueFirst(int n) {
        return em.createQuery("SELECT s FROM SessionEntity s ORDER BY s.deletesAt, s.id", SessionEntity.class)
                .setMaxResults(n).getResultList();
    }
}
