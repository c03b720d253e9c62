package io.headroom.server.session;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.session.Consent;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.db.Transactions;
import io.headroom.server.guard.ApplianceSecrets;
import io.headroom.server.invitation.InvitationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Use case: open an anonymous session after consent. One transaction: when sessions are by
 * invitation only the code is redeemed in it, so a code is never spent without a session or the
 * other way round.
 */
@ApplicationScoped
public class OpenSession {

    /** A session as just created: the only moment the token exists outside the client. */
    public record Opened(SessionEntity session, String token) {
    }

    private final RandomTokens random = new RandomTokens();

    @Inject
    SessionRepository sessions;

    @Inject
    HeadroomSettings settings;

    @Inject
    ApplianceSecrets secrets;

    @Inject
    InvitationService invitations;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /**
     * @throws ProblemException 400 without consent or for an old policy version, 403 when an
     *                          invitation is needed and missing or cannot be used
     */
    public Opened open(Boolean consentGiven, String policyVersion, String invitationCode) {
        Instant now = clock.instant();
        Consent consent = Consent.given(consentGiven, policyVersion, settings.policyVersion(), now);
        return transactions.inNew(() -> {
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
            sessions.add(session);
            audit.record("session-created", "");
            return new Opened(session, token);
        });
    }
}
