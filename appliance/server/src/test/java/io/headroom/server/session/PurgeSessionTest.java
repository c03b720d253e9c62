package io.headroom.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.retention.PurgeBackoff;
import io.headroom.server.fakes.FakeTransactions;
import io.headroom.server.fakes.MemoryAudit;
import io.headroom.server.fakes.MemoryKeys;
import io.headroom.server.fakes.MemoryReceipts;
import io.headroom.server.fakes.MemorySealedBlobs;
import io.headroom.server.fakes.MemorySessions;
import io.headroom.MutableClock;
import io.headroom.session.SessionState;
import io.headroom.server.vault.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge use case without a server: its order, its transactions, its receipt, its retries. */
class PurgeSessionTest {

    private final FakeTransactions tx = new FakeTransactions();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final MemorySessions sessions = new MemorySessions(tx);
    private final MemoryKeys keys = new MemoryKeys(tx);
    private final MemorySealedBlobs sealed = new MemorySealedBlobs(tx);
    private final MemoryReceipts receipts = new MemoryReceipts(tx);
    private final MemoryAudit audit = new MemoryAudit();
    /** What the session's belongings were told, in order. */
    private final List<String> told = new ArrayList<>();
    private final PurgeSession purge = new PurgeSession();

    /** A feature keeping rows of the session: two photos of 300 bytes in all. */
    private final SessionBelongings photos = new SessionBelongings() {
        @Override
        public void purgeBegun(String sessionId) {
            tx.requireOpen("belongings told of the purge");
            told.add("begun " + sessionId);
        }

        @Override
        public List<Deleted> deleteAllOf(String sessionId) {
            tx.requireOpen("belongings deleted");
            told.add("deleted " + sessionId);
            return List.of(new Deleted("photos", 2, 300));
        }
    };

    @BeforeEach
    void wire() {
        purge.sessions = sessions;
        purge.belongings = List.of(photos);
        purge.keys = keys;
        purge.sealed = sealed;
        purge.receipts = receipts;
        purge.audit = audit;
        purge.transactions = tx;
        purge.clock = clock;
    }

    /** A session that stored {@code objects} objects under its prefix. */
    private SessionEntity storedSession(String id, int objects) throws Exception {
        SessionEntity s = TestSessions.open(id, clock.instant(), Duration.ofHours(1));
        tx.inNew(() -> {
            sessions.add(s);
            String prefix = s.storagePrefix(() -> "prefix-" + id);
            try (var key = keys.keyForWriting(id, s.deletesAt())) {
                for (int i = 0; i < objects; i++) {
                    sealed.put(id, s.deletesAt(), prefix, "blob" + i, new byte[]{1, 2, 3}, key);
                }
            }
            return null;
        });
        return s;
    }

    /** The receipt names the epoch of the key as it is, and, after a delete-sooner, the epoch of the copies made before. */
    @Test
    void theReceiptSaysWhenEachCopyOfTheWrappedKeyDies() throws Exception {
        SessionEntity plain = storedSession("plain", 1);
        SessionEntity moved = storedSession("moved", 1);
        long later = keys.epochOf(moved.deletesAt()).number() + 2;
        Instant rewrapped = clock.instant();
        moved.keyMovedOutOf(later, rewrapped);

        purge.purge("plain", PurgeSession.Reason.ON_REQUEST);
        purge.purge("moved", PurgeSession.Reason.ON_REQUEST);

        SessionKeys.Epoch epoch = keys.epochOf(plain.deletesAt());
        assertEquals(Map.of("epoch", epoch.number(), "keyDestroyedBy", epoch.keyDestroyedBy().toString()),
                receipts.issued.get(plain.receiptId()).get("keyEpoch"));
        @SuppressWarnings("unchecked")
        Map<String, Object> keyEpoch = (Map<String, Object>) receipts.issued.get(moved.receiptId()).get("keyEpoch");
        assertEquals(epoch.number(), keyEpoch.get("epoch"));
        assertEquals(Map.of("madeBefore", rewrapped.toString(), "epoch", later,
                "keyDestroyedBy", keys.epoch(later).keyDestroyedBy().toString()), keyEpoch.get("earlierCopies"));
    }

    @Test
    void theKeyGoesBeforeAnyObjectAndTheRowsWithTheReceipt() throws Exception {
        SessionEntity s = storedSession("s1", 3);
        storedSession("other", 2);
        // When storage is emptied the key is gone already and no transaction is open (checked by the fake).
        sealed.beforeDeleteAll(prefix -> {
            assertFalse(keys.has("s1"), "objects deleted while their key still existed");
            assertEquals(List.of("begun s1"), told, "the belongings hear of the purge before storage is touched");
        });

        purge.purge("s1", PurgeSession.Reason.ON_REQUEST);

        assertTrue(sessions.find("s1").isEmpty());
        assertEquals(List.of(), sealed.of("s1"));
        assertEquals(2, sealed.of("other").size(), "another session's objects stay");
        assertTrue(keys.has("other"));
        assertEquals(List.of("begun s1", "deleted s1"), told);
        Map<String, Object> receipt = receipts.issued.get(s.receiptId());
        assertEquals("deleted-on-request", receipt.get("reason"));
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) receipt.get("deleted");
        assertEquals(Map.of("count", 2L, "bytes", 300L), deleted.get("photos"));
        assertEquals(Map.of("count", 3L, "incomplete", 0L), deleted.get("storageObjects"));
        assertEquals(Map.of("count", 1L), deleted.get("dataKeys"));
        assertEquals(List.of("photos", "storageObjects", "dataKeys"), List.copyOf(deleted.keySet()));
        assertEquals(PurgeSession.reference("s1"), receipt.get("session"), "the receipt names a hash of the id, never the id");
        assertEquals(List.of("session-purged: deleted-on-request: 2 photo(s), 0 headshot(s)"), audit.events);
    }

    @Test
    void anInterruptedPurgeLeavesTheSessionClosedAndTheNextAttemptFinishesIt() throws Exception {
        SessionEntity s = storedSession("s1", 5);
        sealed.failDeletionAfter(2);

        PurgeSession.Incomplete cut = assertThrows(PurgeSession.Incomplete.class, () -> purge.purge("s1", PurgeSession.Reason.DEADLINE));
        assertEquals(2, cut.deletedObjects());
        assertEquals(SessionState.PURGING, s.state(), "the session stays closed");
        assertTrue(s.goneAt(clock.instant()), "and gone for everyone");
        assertFalse(keys.has("s1"), "its key is destroyed already");
        assertTrue(receipts.issued.isEmpty(), "no receipt before everything is gone");

        assertEquals(1, purge.failed("s1", clock.instant(), cut, PurgeBackoff.DEFAULT));
        assertEquals(List.of("purge-failed: attempt 1 (StorageException), retried from "
                + PurgeBackoff.DEFAULT.retryAt(clock.instant(), 1)), audit.events);

        purge.purge("s1", PurgeSession.Reason.DEADLINE);
        assertTrue(sessions.find("s1").isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) receipts.issued.get(s.receiptId()).get("deleted");
        assertEquals(Map.of("count", 5L, "incomplete", 0L), deleted.get("storageObjects"), "both attempts' deletions are counted");
        assertEquals("session-purged: deadline: 2 photo(s), 0 headshot(s) after 2 attempts", audit.events.get(1));
    }

    @Test
    void aSessionThatNeverStoredAnythingHadNoKey() throws Exception {
        SessionEntity s = TestSessions.open("empty", clock.instant(), Duration.ofHours(1));
        tx.inNew(() -> {
            sessions.add(s);
            return null;
        });
        sealed.beforeDeleteAll(prefix -> {
            throw new AssertionError("nothing to delete in storage for a session without a prefix");
        });

        purge.purge("empty", PurgeSession.Reason.DEADLINE);

        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) receipts.issued.get(s.receiptId()).get("deleted");
        assertEquals(Map.of("count", 0L, "note", "the session never stored anything, so it never had a data key"), deleted.get("dataKeys"));
        assertEquals("deadline", receipts.issued.get(s.receiptId()).get("reason"));
    }

    @Test
    void aSessionPurgedAlreadyIsLeftAloneAndGetsNoSecondReceipt() throws Exception {
        storedSession("s1", 1);
        purge.purge("s1", PurgeSession.Reason.DEADLINE);
        int transactions = tx.begun();

        purge.purge("s1", PurgeSession.Reason.DEADLINE);

        assertEquals(1, receipts.issued.size());
        assertEquals(transactions + 1, tx.begun(), "one look at the session, nothing else");
        assertEquals(0, purge.failed("s1", clock.instant(), new IllegalStateException(), PurgeBackoff.DEFAULT));
    }

    @Test
    void theReasonIsTheFirstAttemptsEvenWhenTheTimerFinishesIt() throws Exception {
        SessionEntity s = storedSession("s1", 2);
        sealed.failDeletionAfter(0);
        assertThrows(PurgeSession.Incomplete.class, () -> purge.purge("s1", PurgeSession.Reason.ON_REQUEST));

        purge.purge("s1", PurgeSession.Reason.DEADLINE);

        assertEquals("deleted-on-request", receipts.issued.get(s.receiptId()).get("reason"));
    }

    @Test
    void deleteNowSaysWhetherEverythingIsGoneAndLeavesTheRestToTheTimer() throws Exception {
        storedSession("s1", 3);
        storedSession("s2", 3);
        sealed.failDeletionAfter(1);

        assertFalse(purge.deleteNow("s1"), "storage did not finish");
        assertFalse(keys.has("s1"), "but the key is gone at once");
        assertTrue(audit.events.get(0).startsWith("purge-failed: attempt 1"), "the timer retries it: " + audit.events);
        assertTrue(purge.deleteNow("s2"));
        assertTrue(sessions.find("s2").isEmpty());
    }
}
