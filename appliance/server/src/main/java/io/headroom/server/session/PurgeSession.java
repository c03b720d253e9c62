package io.headroom.server.session;

import io.headroom.retention.PurgeBackoff;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.db.Transactions;
import io.headroom.server.receipt.ReceiptLedger;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: purge one session, on the retention timer (a due session) or when its person asks
 * (delete now), in the order that keeps the promise even if it is cut short.
 *
 * <p>Transactions, each short and committed on its own, none open while storage is worked on:
 * <ol>
 * <li><b>begin</b>: the session is locked and marked {@code PURGING} (from then on it is gone for
 * everyone and nothing new is recorded for it: an upload or headshot that races the purge removes
 * what it wrote), its belongings hear of it (its jobs are cancelled) and its data key is destroyed;
 * it waits only for the short transactions that record data, never for a client;</li>
 * <li>storage: every object and half-written leftover under the session's prefix is deleted,
 * with no transaction open;</li>
 * <li><b>finish</b>: the session's rows go and its signed receipt is issued in the same
 * transaction, so there is never a removed session without a receipt nor a receipt for a session
 * that is still there.</li>
 * </ol>
 * Running it again finishes an interrupted purge; a session that is gone already is left alone
 * (its receipt was issued with it). A failed attempt is recorded by {@link #failed}: the session
 * stays closed and is retried after a back-off.
 */
@ApplicationScoped
public class PurgeSession {

    /** Why a session was purged, as the receipt says. */
    public enum Reason {
        DEADLINE("deadline"), ON_REQUEST("deleted-on-request"), BY_OPERATOR("deleted-by-operator");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    /** The receipt lists what was deleted in this order; kinds it does not know come after, by name. */
    private static final List<String> RECEIPT_ORDER = List.of("photos", "headshots", "cutouts");

    /** An attempt that did not get through, and how many objects it deleted before it stopped. */
    public static final class Incomplete extends Exception {
        private final long deletedObjects;

        Incomplete(long deletedObjects, Throwable cause) {
            super("The purge of a session did not finish; it is retried", cause);
            this.deletedObjects = deletedObjects;
        }

        public long deletedObjects() {
            return deletedObjects;
        }
    }

    @Inject
    SessionRepository sessions;

    @Inject
    Instance<SessionBelongings> everyBelonging;

    /** Set from {@link #everyBelonging} at start (a unit test sets it directly). */
    List<SessionBelongings> belongings;

    @Inject
    SessionKeys keys;

    @Inject
    SealedBlobs sealed;

    @Inject
    ReceiptLedger receipts;

    @Inject
    AuditLog audit;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @PostConstruct
    void init() {
        belongings = everyBelonging.stream().toList();
    }

    /**
     * Purges the session completely.
     *
     * @throws Incomplete when storage or the database failed part-way; the session stays closed
     *                    and its next attempt finishes it
     */
    public void purge(String sessionId, Reason reason) throws Incomplete {
        long deleted = 0;
        try {
            Optional<String> begun = transactions.inNew(() -> begin(sessionId, reason));
            if (begun.isEmpty()) {
                return; // purged already
            }
            SealedBlobs.Deleted gone = new SealedBlobs.Deleted(0, 0);
            if (!begun.get().isEmpty()) {
                try {
                    gone = sealed.deleteAllOf(begun.get());
                } catch (SealedBlobs.DeletionCutShort e) {
                    deleted = e.deletedObjects();
                    throw new Incomplete(deleted, e.getCause());
                }
            }
            deleted = gone.objects();
            SealedBlobs.Deleted all = gone;
            transactions.inNew(() -> {
                finish(sessionId, all);
                return null;
            });
        } catch (RuntimeException e) {
            throw new Incomplete(deleted, e);
        }
    }

    /**
     * Delete now, as the session's person asks: the purge above, at once. Returns true when
     * everything is gone (the receipt is issued); false when the key is destroyed and the session
     * closed but storage did not finish: the attempt is recorded and the retention timer finishes
     * the rest after its back-off, then issues the receipt.
     */
    public boolean deleteNow(String sessionId) {
        return deleteNow(sessionId, Reason.ON_REQUEST);
    }

    /** As {@link #deleteNow(String)}, for {@code reason} (the person's request, or an operator's). */
    public boolean deleteNow(String sessionId, Reason reason) {
        try {
            purge(sessionId, reason);
            return true;
        } catch (Incomplete e) {
            failed(sessionId, clock.instant(), e, PurgeBackoff.DEFAULT);
            return false;
        }
    }

    /**
     * Records a failed attempt, in a transaction of its own: the session is retried after the
     * back-off for its count of failures in a row, and the audit log says so (the cause's class
     * only: messages of storage and database errors may carry keys or ids). Returns that count,
     * 0 when the session is gone.
     */
    public int failed(String sessionId, Instant at, Exception cause, PurgeBackoff backoff) {
        long deleted = cause instanceof Incomplete i ? i.deletedObjects() : 0;
        String what = rootOf(cause).getClass().getSimpleName();
        return transactions.inNew(() -> {
            SessionEntity s = sessions.lock(sessionId).orElse(null);
            if (s == null) {
                return 0;
            }
            Instant retryAt = backoff.retryAt(at, s.purgeAttempts() + 1);
            s.purgeFailed(deleted, retryAt);
            audit.record("purge-failed", "attempt " + s.purgeAttempts() + " (" + what + "), retried from " + retryAt);
            return s.purgeAttempts();
        });
    }

    /** What made an attempt fail: the storage or database error inside an {@link Incomplete}. */
    public static Throwable rootOf(Exception cause) {
        return cause instanceof Incomplete && cause.getCause() != null ? cause.getCause() : cause;
    }

    /** The storage prefix of the session whose purge began ("" when it stored nothing); empty when it is gone already. */
    private Optional<String> begin(String sessionId, Reason reason) {
        SessionEntity s = sessions.lock(sessionId).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        s.beginPurge(reason);
        belongings.forEach(b -> b.purgeBegun(sessionId));
        keys.destroyKey(sessionId);
        return Optional.of(s.storagePrefix() == null ? "" : s.storagePrefix());
    }

    private void finish(String sessionId, SealedBlobs.Deleted thisAttempt) {
        SessionEntity s = sessions.lock(sessionId).orElse(null);
        if (s == null) {
            return; // gone already: its receipt was issued with it
        }
        List<SessionBelongings.Deleted> lines = new ArrayList<>();
        belongings.forEach(b -> lines.addAll(b.deleteAllOf(sessionId)));
        lines.sort(Comparator.comparingInt((SessionBelongings.Deleted d) -> RECEIPT_ORDER.contains(d.what())
                ? RECEIPT_ORDER.indexOf(d.what()) : RECEIPT_ORDER.size()).thenComparing(SessionBelongings.Deleted::what));
        sessions.remove(s);
        String reason = s.purgeReason() == null ? Reason.DEADLINE.text : s.purgeReason();
        Map<String, Object> deleted = new LinkedHashMap<>();
        for (SessionBelongings.Deleted d : lines) {
            deleted.put(d.what(), Map.of("count", d.count(), "bytes", d.bytes()));
        }
        Map<String, Object> objects = new LinkedHashMap<>();
        // What was actually found in storage and deleted, across attempts; a half-written object
        // of a put cut short by a crash is counted apart.
        objects.put("count", s.purgedObjects() + thisAttempt.objects());
        objects.put("incomplete", thisAttempt.leftovers());
        deleted.put("storageObjects", objects);
        Map<String, Object> dataKeys = new LinkedHashMap<>();
        // A session gets its key with its first stored object, and its storage prefix with it.
        boolean hadKey = s.storagePrefix() != null;
        dataKeys.put("count", hadKey ? 1L : 0L);
        if (!hadKey) {
            dataKeys.put("note", "the session never stored anything, so it never had a data key");
        }
        deleted.put("dataKeys", dataKeys);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "headroom-deletion-receipt");
        fields.put("version", 1L);
        fields.put("session", reference(sessionId));
        fields.put("reason", reason);
        fields.put("sessionCreatedAt", s.createdAt().toString());
        fields.put("deadline", s.deletesAt().toString());
        fields.put("deletedAt", clock.instant().toString());
        fields.put("deleted", deleted);
        fields.put("keyEpoch", keyEpoch(s));
        receipts.issue(s.receiptId(), fields);
        audit.record("session-purged", reason + ": " + count(lines, "photos") + " photo(s), " + count(lines, "headshots") + " headshot(s)"
                + (s.purgeAttempts() > 0 ? " after " + (s.purgeAttempts() + 1) + " attempts" : ""));
    }

    /**
     * Which epoch key wraps the session's data key, and when it is destroyed; for a key wrapped
     * anew under an earlier epoch (delete sooner), also the epoch of the copies made before: the
     * database's superseded pages and every copy of the data directory made before the change hold
     * the key wrapped under it, until it ends.
     */
    private Map<String, Object> keyEpoch(SessionEntity s) {
        SessionKeys.Epoch epoch = keys.epochOf(s.deletesAt());
        Map<String, Object> keyEpoch = new LinkedHashMap<>();
        keyEpoch.put("epoch", epoch.number());
        keyEpoch.put("keyDestroyedBy", epoch.keyDestroyedBy().toString());
        s.earlierKeyEpoch().ifPresent(n -> {
            SessionKeys.Epoch earlier = keys.epoch(n);
            keyEpoch.put("earlierCopies", Map.of("madeBefore", s.keyRewrappedAt().toString(), "epoch", earlier.number(),
                    "keyDestroyedBy", earlier.keyDestroyedBy().toString()));
        });
        return keyEpoch;
    }

    private static long count(List<SessionBelongings.Deleted> lines, String what) {
        return lines.stream().filter(d -> d.what().equals(what)).mapToLong(SessionBelongings.Deleted::count).sum();
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
}
