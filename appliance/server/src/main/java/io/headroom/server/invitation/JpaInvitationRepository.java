package io.headroom.server.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** {@link InvitationRepository} on the {@code INVITATIONS} table. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaInvitationRepository implements InvitationRepository {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public void add(InvitationEntity invitation) {
        em.persist(invitation);
    }

    @Override
    public Optional<InvitationEntity> lockByCodeHash(String codeHash) {
        return em.createQuery("SELECT i FROM InvitationEntity i WHERE i.codeHash = :hash", InvitationEntity.class)
                .setParameter("hash", codeHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }
}
