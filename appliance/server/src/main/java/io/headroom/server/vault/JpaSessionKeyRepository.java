package io.headroom.server.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** {@link SessionKeyRepository} on the {@code SESSION_KEYS} table. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaSessionKeyRepository implements SessionKeyRepository {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public Optional<SessionKeyEntity> find(String sessionId) {
        return Optional.ofNullable(em.find(SessionKeyEntity.class, sessionId));
    }

    @Override
    public void add(SessionKeyEntity key) {
        em.persist(key);
    }

    @Override
    public void remove(SessionKeyEntity key) {
        em.remove(key);
    }

    @Override
    public Set<String> keksWrappingDirectly() {
        return Set.copyOf(em.createQuery("SELECT DISTINCT k.kekId FROM SessionKeyEntity k WHERE k.kekId NOT LIKE :epoch", String.class)
                .setParameter("epoch", "epoch:%").getResultList());
    }
}
