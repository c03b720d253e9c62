package io.headroom.server.session;

import io.headroom.server.audit.AuditLog;
import io.headroom.server.receipt.ReceiptLedger;
import io.headroom.server.vault.SessionVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last step of deleting a session: its rows (jobs and keys go with it, by foreign-key
 * cascade) and, in the same transaction, its signed deletion receipt, so there is never a
 * removed session without a receipt nor a receipt for a session that is still there.
 */
@ApplicationScoped
public class SessionRows {

    /** Why a session was purged, as the receipt says. */
    public enum Reason {
        DEADLINE("deadline"), ON_REQUEST("deleted-on-request");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    ReceiptLedger receipts;

    @Inject
    Clock clock;

    @Inject
    SessionVault vault;

    @Inject
    AuditLog audit;

    /** Where a session that still exists keeps its blobs ({@code storagePrefix} null: it stored nothing). */
    public record Stored(String storagePrefix) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<Stored> stored(String sessionId) {
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(new Stored(s.storagePrefix()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void removeSession(String sessionId, Reason reason) {
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        if (s == null) {
            return; // gone already: its receipt was issued with it
        }
        Object[] photos = em.createQuery("SELECT COUNT(p), COALESCE(SUM(p.bytes), 0) FROM PhotoEntity p WHERE p.sessionId = :id", Object[].class)
                .setParameter("id", sessionId).getSingleResult();
        Object[] headshots = em.createQuery("SELECT COUNT(h), COALESCE(SUM(h.bytes), 0) FROM HeadshotEntity h WHERE h.sessionId = :id",
                Object[].class).setParameter("id", sessionId).getSingleResult();
        em.createQuery("DELETE FROM HeadshotEntity h WHERE h.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        em.createQuery("DELETE FROM PhotoEntity p WHERE p.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        em.remove(s);
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("photos", Map.of("count", number(photos[0]), "bytes", number(photos[1])));
        deleted.put("headshots", Map.of("count", number(headshots[0]), "bytes", number(headshots[1])));
        deleted.put("storageObjects", Map.of("count", number(photos[0]) + number(headshots[0])));
        deleted.put("dataKeys", Map.of("count", 1L));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "headroom-deletion-receipt");
        fields.put("version", 1L);
        fields.put("session", reference(sessionId));
        fields.put("reason", reason.text);
        fields.put("sessionCreatedAt", s.createdAt().toString());
        fields.put("deadline", s.deletesAt().toString());
        fields.put("deletedAt", clock.instant().toString());
        fields.put("deleted", deleted);
        SessionVault.Epoch epoch = vault.epochOf(s.deletesAt());
        fields.put("keyEpoch", Map.of("epoch", epoch.number(), "keyDestroyedBy", epoch.keyDestroyedBy().toString()));
        receipts.issue(s.receiptId(), fields);
        audit.record("session-purged", reason.text + ": " + number(photos[0]) + " photo(s), " + number(headshots[0]) + " headshot(s)");
    }

    /** What a receipt calls the session: a hash of its id, never its token. */
    static String reference(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("headroom-session:" + sessionId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
