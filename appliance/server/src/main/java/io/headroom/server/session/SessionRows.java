package io.headroom.server.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The last step of deleting a session: its rows (jobs and keys go with it, by foreign-key cascade). */
@ApplicationScoped
public class SessionRows {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void removeSession(String sessionId) {
        em.createQuery("DELETE FROM HeadshotEntity h WHERE h.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        em.createQuery("DELETE FROM PhotoEntity p WHERE p.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        if (s != null) {
            em.remove(s);
        }
    }
}
