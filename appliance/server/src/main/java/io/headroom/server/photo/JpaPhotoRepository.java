package io.headroom.server.photo;

import io.headroom.server.db.SessionOwned;
import io.headroom.server.session.SessionBelongings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link PhotoRepository} on the {@code PHOTOS} table; a session's photo rows go with its purge. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaPhotoRepository implements PhotoRepository, SessionBelongings {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public void add(PhotoEntity photo) {
        em.persist(photo);
    }

    @Override
    public long count(String sessionId) {
        return em.createQuery("SELECT COUNT(p) FROM PhotoEntity p WHERE p.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
    }

    @Override
    public List<PhotoEntity> of(String sessionId) {
        return em.createQuery("SELECT p FROM PhotoEntity p WHERE p.sessionId = :s ORDER BY p.createdAt, p.id", PhotoEntity.class)
                .setParameter("s", sessionId).getResultList();
    }

    @Override
    public Optional<PhotoEntity> find(String sessionId, String photoId) {
        return SessionOwned.find(em, PhotoEntity.class, sessionId, photoId);
    }

    @Override
    public List<Deleted> deleteAllOf(String sessionId) {
        Object[] photos = em.createQuery("SELECT COUNT(p), COALESCE(SUM(p.bytes), 0) FROM PhotoEntity p WHERE p.sessionId = :id", Object[].class)
                .setParameter("id", sessionId).getSingleResult();
        em.createQuery("DELETE FROM PhotoEntity p WHERE p.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        return List.of(new Deleted("photos", ((Number) photos[0]).longValue(), ((Number) photos[1]).longValue()));
    }
}
