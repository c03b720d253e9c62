package io.headroom.server.invitation;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.guard.ApplianceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** One-time invitation codes that let a person open a session when sessions are not open to all. */
@ApplicationScoped
public class InvitationService {

    /** A new invitation: the code is shown this once. */
    public record IssuedInvitation(String code, Instant expiresAt) {
    }

    private final RandomTokens random = new RandomTokens();

    @Inject
    InvitationRepository invitations;

    @Inject
    ApplianceSecrets secrets;

    @Inject
    HeadroomSettings settings;

    @Inject
    Clock clock;

    @Transactional
    public IssuedInvitation issue(String operatorId) {
        Instant now = clock.instant();
        String code = random.next(128);
        InvitationEntity invitation = new InvitationEntity(random.id(), secrets.tokenHasher().hash(code), operatorId, now,
                now.plus(settings.invitationLifetime()));
        invitations.add(invitation);
        return new IssuedInvitation(code, invitation.expiresAt());
    }

    /**
     * Spends the code, in the caller's transaction; returns the invitation's id.
     *
     * @throws ProblemException 403 {@code invitation-invalid} when unknown, used or expired
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String redeem(String code, Instant now) {
        if (code.length() > 64) {
            throw invalid();
        }
        InvitationEntity invitation = invitations.lockByCodeHash(secrets.tokenHasher().hash(code))
                .filter(i -> i.usableAt(now)).orElseThrow(InvitationService::invalid);
        invitation.markUsed(now);
        return invitation.id();
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVITATION_INVALID,
                "This invitation code is unknown, already used or expired. Ask the studio for a new one.");
    }
}
