package io.headroom.server.invitation;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.guard.ApplianceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One-time invitation codes that let a person open a session when sessions are not open to all. */
@ApplicationScoped
public class InvitationService {

    /** A new invitation: the code is shown this once. */
    public record IssuedInvitation(String code, Instant expiresAt) {
    }

    private final RandomTokens random = new RandomTokens();

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

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
        em.persist(invitation);
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
        List<InvitationEntity> found = em.createQuery(
                        "SELECT i FROM InvitationEntity i WHERE i.codeHash = :hash", InvitationEntity.class)
                .setParameter("hash", secrets.tokenHasher().hash(code))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty() || !found.get(0).usableAt(now)) {
            throw invalid();
        }
        InvitationEntity invitation = found.get(0);
        invitation.markUsed(now);
        return invitation.id();
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVITATION_INVALID,
                "This invitation code is unknown, already used or expired. Ask the studio for a new one.");
    }
}
