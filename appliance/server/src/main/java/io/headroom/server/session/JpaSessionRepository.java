package io.headroom.server.session;

import io.headroom.session.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SessionRepository} on the {@code SESSIONS} table. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaSessionRepository implements SessionRepository {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public void add(SessionEntity session) {
        em.persist(session);
    }

    @Override
    public Optional<SessionEntity> find(String id) {
        return id == null || id.length() > 32 ? Optional.empty() : Optional.ofNullable(em.find(SessionEntity.class, id));
    }

    @Override
    public Optional<SessionEntity> lock(String id) {
        return Optional.ofNullable(em.find(SessionEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void remove(SessionEntity session) {
        em.remove(session);
    }

    @Override
    public List<String> due(Instant now, int max) {
        // Two indexed queries rather than one OR, which would scan every session each second.
        List<String> due = new ArrayList<>(em.createQuery("SELECT s.id FROM SessionEntity s WHERE s.deletesAt <= :now"
                        + " AND (s.purgeRetryAt IS NULL OR s.purgeRetryAt <= :now) ORDER BY s.deletesAt", String.class)
                .setParameter("now", now).setMaxResults(max).getResultList());
        if (due.size() < max) {
            due.addAll(em.createQuery("SELECT s.id FROM SessionEntity s WHERE s.state = :purging AND s.deletesAt > :now"
                            + " AND (s.purgeRetryAt IS NULL OR s.purgeRetryAt <= :now) ORDER BY s.deletesAt", String.class)
                    .setParameter("now", now).setParameter("purging", SessionState.PURGING)
                    .setMaxResults(max - due.size()).getResultList());
        }
        return due;
    }

    @Override
    public long failingPurges() {
        return em.createQuery("SELECT COUNT(s) FROM SessionEntity s WHERE s.purgeAttempts > 0", Long.class).getSingleResult();
    }

    @Override
    public Map<SessionState, Long> countByState() {
        Map<SessionState, Long> counts = new EnumMap<>(SessionState.class);
        for (SessionState s : SessionState.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("SELECT s.state, COUNT(s) FROM SessionEntity s GROUP BY s.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((SessionState) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public List<SessionEntity> dueFirst(int n) {
        return em.createQuery("SELECT s FROM SessionEntity s ORDER BY s.deletesAt, s.id", SessionEntity.class)
                .setMaxResults(n).getResultList();
    }
}
