package io.headroom.server.session;

import io.headroom.retention.PurgeBackoff;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.receipt.ReceiptLedger;
import io.headroom.server.vault.SessionVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transactions of a purge, each short and committed on its own: {@link #begin} (the session
 * closes, its jobs are cancelled and its key destroyed, at once), {@link #finish} (its rows go,
 * jobs and keys by foreign-key cascade, and its signed receipt is issued in the same transaction,
 * so there is never a removed session without a receipt nor a receipt for a session that is still
 * there), and {@link #failed} when an attempt between the two did not get through.
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

    /** Who keeps work of a session (its jobs) hears of its purge in the same transaction. */
    @Inject
    jakarta.enterprise.event.Event<PurgeBegun> purgeBegun;

    @Inject
    AuditLog audit;

    /** A session whose purge has begun: where its blobs are ({@code storagePrefix} null: it stored nothing). */
    public record Begun(String storagePrefix) {
    }

    /**
     * The first step of a purge, and of every retry: marks the session {@code PURGING} (from then
     * on nothing new is recorded for it: an upload or headshot that races the purge removes what
     * it wrote), cancels its jobs and destroys its data key. Waits only for the short
     * transactions that record data, never for a client. Empty when the session is gone already.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Begun> begin(String sessionId, Reason reason) {
        SessionEntity s = em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return Optional.empty(); // purged already: its receipt was issued with it
        }
        s.beginPurge(reason);
        purgeBegun.fire(new PurgeBegun(sessionId));
        vault.destroyKey(sessionId);
        return Optional.of(new Begun(s.storagePrefix()));
    }

    /**
     * The last step: the session's rows and its receipt. {@code deletedObjects} and
     * {@code deletedLeftovers} are what this attempt deleted from storage; earlier attempts'
     * deletions are added.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String sessionId, long deletedObjects, long deletedLeftovers) {
        SessionEntity s = em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return; // gone already: its receipt was issued with it
        }
        Object[] photos = em.createQuery("SELECT COUNT(p), COALESCE(SUM(p.bytes), 0) FROM PhotoEntity p WHERE p.sessionId = :id", Object[].class)
                .setParameter("id", sessionId).getSingleResult();
        // COUNT of the cut-out's blob id counts only the headshots that have one.
        Object[] headshots = em.createQuery("SELECT COUNT(h), COALESCE(SUM(h.bytes), 0), COUNT(h.cutoutBlobId), COALESCE(SUM(h.cutoutBytes), 0)"
                + " FROM HeadshotEntity h WHERE h.sessionId = :id", Object[].class).setParameter("id", sessionId).getSingleResult();
        em.createQuery("DELETE FROM HeadshotEntity h WHERE h.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        em.createQuery("DELETE FROM PhotoEntity p WHERE p.sessionId = :id").setParameter("id", sessionId).executeUpdate();
        em.remove(s);
        String reason = s.purgeReason() == null ? Reason.DEADLINE.text : s.purgeReason();
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("photos", Map.of("count", number(photos[0]), "bytes", number(photos[1])));
        deleted.put("headshots", Map.of("count", number(headshots[0]), "bytes", number(headshots[1])));
        deleted.put("cutouts", Map.of("count", number(headshots[2]), "bytes", number(headshots[3])));
        Map<String, Object> objects = new LinkedHashMap<>();
        // What was actually found in storage and deleted, across attempts; a half-written object
        // of a put cut short by a crash is counted apart.
        objects.put("count", s.purgedObjects() + deletedObjects);
        objects.put("incomplete", deletedLeftovers);
        deleted.put("storageObjects", objects);
        Map<String, Object> keys = new LinkedHashMap<>();
        // A session gets its key with its first stored object, and its storage prefix with it.
        boolean hadKey = s.storagePrefix() != null;
        keys.put("count", hadKey ? 1L : 0L);
        if (!hadKey) {
            keys.put("note", "the session never stored anything, so it never had a data key");
        }
        deleted.put("dataKeys", keys);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "headroom-deletion-receipt");
        fields.put("version", 1L);
        fields.put("session", reference(sessionId));
        fields.put("reason", reason);
        fields.put("sessionCreatedAt", s.createdAt().toString());
        fields.put("deadline", s.deletesAt().toString());
        fields.put("deletedAt", clock.instant().toString());
        fields.put("deleted", deleted);
        SessionVault.Epoch epoch = vault.epochOf(s.deletesAt());
        fields.put("keyEpoch", Map.of("epoch", epoch.number(), "keyDestroyedBy", epoch.keyDestroyedBy().toString()));
        receipts.issue(s.receiptId(), fields);
        audit.record("session-purged", reason + ": " + number(photos[0]) + " photo(s), " + number(headshots[0]) + " headshot(s)"
                + (s.purgeAttempts() > 0 ? " after " + (s.purgeAttempts() + 1) + " attempts" : ""));
    }

    /**
     * An attempt failed at {@code at} after deleting {@code deletedObjects} objects: the session
     * stays {@code PURGING} (and unreachable), is retried after the back-off for its failures in a
     * row, and the failure is in the audit log. Returns the number of failures in a row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failed(String sessionId, long deletedObjects, Instant at, PurgeBackoff backoff, String cause) {
        SessionEntity s = em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return 0;
        }
        Instant retryAt = backoff.retryAt(at, s.purgeAttempts() + 1);
        s.purgeFailed(deletedObjects, retryAt);
        audit.record("purge-failed", "attempt " + s.purgeAttempts() + " (" + cause + "), retried from " + retryAt);
        return s.purgeAttempts();
    }

    /** How many sessions have a purge that failed and waits for its retry. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long failing() {
        return em.createQuery("SELECT COUNT(s) FROM SessionEntity s WHERE s.purgeAttempts > 0", Long.class).getSingleResult();
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
