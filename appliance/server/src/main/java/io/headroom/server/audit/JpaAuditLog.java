package io.headroom.server.audit;

import io.headroom.audit.AuditChain;
import io.headroom.audit.AuditEntry;
import io.headroom.server.db.ChainHeadEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Appends operator-visible events (session created, job finished, session purged, plugin loaded,
 * key epoch destroyed, appliance started) to the audit log, in the caller's transaction when there
 * is one, so an event is recorded exactly when what it reports commits. Details never hold
 * personal data: no tokens, ids of sessions or photos, file names or pixels.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String event, String detail) {
        ChainHeadEntity head = ChainHeadEntity.lock(em, "audit");
        AuditEntry entry = AuditEntry.next(head.seq(), head.hash(), clock.instant(), event, detail);
        em.persist(new AuditEntity(entry));
        head.advance(entry.seq(), entry.hash());
        em.flush();
    }

    /** The whole log, oldest first. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<AuditEntry> entries() {
        return em.createQuery("SELECT a FROM AuditEntity a ORDER BY a.seq", AuditEntity.class).getResultStream()
                .map(AuditEntity::entry).toList();
    }

    /** Where the chain breaks, if it does (see {@link AuditChain#firstBreak}). */
    public OptionalLong firstBreak() {
        return AuditChain.firstBreak(entries());
    }
}
