package io.headroom.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.fakes.FakeTransactions;
import io.headroom.server.fakes.MemoryAudit;
import io.headroom.server.fakes.MemoryKeys;
import io.headroom.server.fakes.MemorySealedBlobs;
import io.headroom.server.fakes.MemorySessions;
import io.headroom.MutableClock;
import io.headroom.session.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Delete sooner without a server: the deadline, the key's epoch and every object's deadline move together, or nothing does. */
class ShortenDeadlineTest {

    private final FakeTransactions tx = new FakeTransactions();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final MemorySessions sessions = new MemorySessions(tx);
    private final MemoryKeys keys = new MemoryKeys(tx);
    private final MemorySealedBlobs sealed = new MemorySealedBlobs(tx);
    private final MemoryAudit audit = new MemoryAudit();
    private final ShortenDeadline shorten = new ShortenDeadline();
    private SessionEntity session;

    @BeforeEach
    void wire() throws Exception {
        shorten.sessions = sessions;
        shorten.keys = keys;
        shorten.sealed = sealed;
        shorten.audit = audit;
        shorten.transactions = tx;
        shorten.clock = clock;
        shorten.policy = new RetentionPolicy(Duration.ofDays(3));
        session = TestSessions.open("s1", clock.instant(), Duration.ofDays(3));
        tx.inNew(() -> {
            sessions.add(session);
            String prefix = session.storagePrefix(() -> "p1");
            try (var key = keys.keyForWriting("s1", session.deletesAt())) {
                sealed.put("s1", session.deletesAt(), prefix, "a", new byte[]{1}, key);
                sealed.put("s1", session.deletesAt(), prefix, "b", new byte[]{2}, key);
            }
            return null;
        });
    }

    @Test
    void theDeadlineTheKeysEpochAndEveryObjectMoveTogether() {
        Instant expected = clock.instant().plus(Duration.ofHours(2));

        SessionEntity s = shorten.shorten("s1", new DeadlineRequest(null, "PT2H"));

        assertEquals(expected, s.deletesAt());
        assertEquals(expected, keys.wrappedFor.get("s1"), "the key is wrapped for the earlier epoch");
        assertEquals(List.of(expected, expected), sealed.of("s1").stream().map(MemorySealedBlobs.Stored::deadline).toList());
        assertEquals(List.of("deadline-shortened: "), audit.events);
    }

    /**
     * The copy of the key wrapped before a change lives until its own epoch ends: the session keeps
     * the first (latest) epoch its key left and when it last left one, for the receipt.
     */
    @Test
    void theSessionRemembersTheLatestEpochItsKeyWasEverWrappedUnder() {
        long original = keys.epochOf(session.deletesAt()).number();
        Instant first = clock.instant();
        shorten.shorten("s1", new DeadlineRequest("2026-12-09T09:00:00Z", null));
        assertEquals(java.util.Optional.of(original), session.earlierKeyEpoch());
        assertEquals(first, session.keyRewrappedAt());

        clock.advance(Duration.ofMinutes(5));
        shorten.shorten("s1", new DeadlineRequest(null, "PT2H"));
        assertEquals(java.util.Optional.of(original), session.earlierKeyEpoch(), "still the first epoch left: copies under it live longest");
        assertEquals(clock.instant(), session.keyRewrappedAt(), "copies made before the last change may hold any of the earlier wraps");

        Instant second = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        shorten.shorten("s1", new DeadlineRequest(null, "PT1H"));
        assertEquals(second, session.keyRewrappedAt(), "re-wrapped within the same epoch: no copy under another one was made");
    }

    @Test
    void aSessionWhoseKeyStaysInItsEpochHasNoEarlierCopies() {
        shorten.shorten("s1", new DeadlineRequest("2026-12-10T09:00:00Z", null)); // the same day: the same epoch here
        assertEquals(java.util.Optional.empty(), session.earlierKeyEpoch());
        assertEquals(null, session.keyRewrappedAt());
    }

    @Test
    void aMomentWorksAsWellAsADelay() {
        SessionEntity s = shorten.shorten("s1", new DeadlineRequest("2026-12-08T09:00:00Z", null));
        assertEquals(Instant.parse("2026-12-08T09:00:00Z"), s.deletesAt());
    }

    @ParameterizedTest(name = "deletesAt={0} in={1}")
    @CsvSource(nullValues = "null", value = {
            "null, null", "2026-12-08T09:00:00Z, PT1H", "tomorrow, null", "null, an hour",
            "null, PT99999999999999H", "null, PT-5M", "2026-12-07T10:00:30Z, null", "2026-12-20T10:00:00Z, null",
            "+1000000000-01-01T00:00:00Z, null"})
    void anythingElseIsA400AndChangesNothing(String deletesAt, String in) {
        Instant before = session.deletesAt();
        int transactions = tx.begun();

        ProblemException e = assertThrows(ProblemException.class, () -> shorten.shorten("s1", new DeadlineRequest(deletesAt, in)));

        assertEquals(ProblemType.INVALID_REQUEST, e.type());
        assertEquals(before, session.deletesAt());
        assertEquals(before, keys.wrappedFor.get("s1"));
        assertEquals(List.of(before, before), sealed.of("s1").stream().map(MemorySealedBlobs.Stored::deadline).toList());
        assertEquals(List.of(), audit.events);
        assertEquals(true, tx.begun() <= transactions + 1);
    }
}
