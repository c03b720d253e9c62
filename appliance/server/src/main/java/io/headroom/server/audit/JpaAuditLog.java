package io.headroom.server.audit;

import io.headroom.audit.AuditEntry;
import io.headroom.server.db.ChainHeadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** {@link AuditLog} on the {@code AUDIT_LOG} table, chained through the {@code audit} chain head. */
@ApplicationScoped
class JpaAuditLog implements AuditLog {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String event, String detail) {
        ChainHeadEntity head = ChainHeadEntity.lock(em, "audit");
        AuditEntry entry = AuditEntry.next(head.seq(), head.hash(), clock.instant(), event, detail);
        em.persist(new AuditEntity(entry));
        head.advance(entry.seq(), entry.hash());
        em.flush();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public List<AuditEntry> entries() {
        return em.createQuery("SELECT a FROM AuditEntity a ORDER BY a.seq", AuditEntity.class).getResultStream()
                .map(AuditEntity::entry).toList();
    }
}
