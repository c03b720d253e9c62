package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link BlobDeadlineRepository} on the {@code BLOB_DEADLINES} table. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaBlobDeadlineRepository implements BlobDeadlineRepository {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public void add(String sessionId, StorageKey key, Instant deadline) {
        em.persist(new BlobDeadlineEntity(key.value(), sessionId, deadline));
    }

    @Override
    public void moveSession(String sessionId, Instant deadline) {
        em.createQuery("UPDATE BlobDeadlineEntity b SET b.deadline = :d WHERE b.sessionId = :s")
                .setParameter("d", deadline).setParameter("s", sessionId).executeUpdate();
    }

    @Override
    public void remove(List<StorageKey> keys) {
        for (StorageKey k : keys) {
            BlobDeadlineEntity row = em.find(BlobDeadlineEntity.class, k.value());
            if (row != null) {
                em.remove(row);
            }
        }
    }

    @Override
    public Set<String> allKeys() {
        return new HashSet<>(em.createQuery("SELECT d.storageKey FROM BlobDeadlineEntity d", String.class).getResultList());
    }
}
