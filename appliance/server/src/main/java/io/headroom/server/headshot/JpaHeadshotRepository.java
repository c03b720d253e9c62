package io.headroom.server.headshot;

import io.headroom.server.db.SessionOwned;
import io.headroom.server.session.SessionBelongings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link HeadshotRepository} on the {@code HEADSHOTS} table; a session's headshot rows go with its purge. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaHeadshotRepository implements HeadshotRepository, SessionBelongings {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public void add(HeadshotEntity headshot) {
        em.persist(headshot);
    }

    @Override
    public List<HeadshotEntity> of(String sessionId) {
        return em.createQuery("SELECT h FROM HeadshotEntity h WHERE h.sessionId = :s ORDER BY h.createdAt, h.id", HeadshotEntity.class)
                .setParameter("s", sessionId).getResultList();
    }

    @Override
    public List<HeadshotEntity> ofJob(String jobId) {
        return em.createQuery("SELECT h FROM HeadshotEntity h WHERE h.jobId = :j ORDER BY h.createdAt, h.id", HeadshotEntity.class)
                .setParameter("j", jobId).getResultList();
    }

    @Override
    public Optional<HeadshotEntity> find(String sessionId, String headshotId) {
        return SessionOwned.find(em, HeadshotEntity.class, sessionId, headshotId);
    }

    @Override
    public List<HeadshotEntity> removeAllOfJob(String jobId) {
        List<HeadshotEntity> done = em.createQuery("SELECT h FROM HeadshotEntity h WHERE h.jobId = :j", HeadshotEntity.class)
                .setParameter("j", jobId).getResultList();
        done.forEach(em::remove);
        return done;
    }

    @Override
    public List<Deleted> deleteAllOf(String sessionId) {
        // COUNT of the cut-out's blob id counts only the headshots that have one.
        Object[] h = em.createQuery("SELECT COUNT(h), COALESCE(SUM(h.bytes), 0), COUNT(h.cutoutBlobId), COALESCE(SUM(h.cutoutBytes), 0)"
                + " FROM HeadshotEntity h WHERE h.sessionId = :id", Object[].class).setParameter("id", sessionId).getSingleResult();
        em.createQuery("DELETE FROM HeadshotEntity h WHERE h.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        return List.of(new Deleted("headshots", number(h[0]), number(h[1])), new Deleted("cutouts", number(h[2]), number(h[3])));
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
