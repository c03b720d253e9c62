package io.headroom.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurgeSweepTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A small in-memory table of due sessions with a retry time each, as the database keeps it. */
    private static final class Table {
        final Map<String, Instant> retryAt = new LinkedHashMap<>();
        final List<String> purged = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        Table due(String... ids) {
            for (String id : ids) {
                retryAt.put(id, null);
            }
            return this;
        }

        List<String> dueAt(Instant now, int max) {
            return retryAt.entrySet().stream().filter(e -> e.getValue() == null || !e.getValue().isAfter(now))
                    .map(Map.Entry::getKey).limit(max).toList();
        }
    }

    @Test
    void aSessionWhoseStorageKeepsFailingDoesNotHoldUpTheOthersNorTheEpochs() {
        MutableClock clock = new MutableClock(T0);
        Table table = new Table().due("a", "broken", "b", "c");
        int[] epochCalls = {0};
        PurgeSweep sweep = new PurgeSweep(table::dueAt, id -> {
            if (id.equals("broken")) {
                throw new java.io.IOException("storage refused the delete");
            }
            table.retryAt.remove(id);
            table.purged.add(id);
        }, (id, at, cause) -> {
            table.failures.add(id + ":" + cause.getClass().getSimpleName());
            table.retryAt.put(id, PurgeBackoff.DEFAULT.retryAt(at, 1));
        }, now -> ++epochCalls[0], 2);

        PurgeSweep.Outcome first = sweep.run(clock);

        assertEquals(List.of("a", "b", "c"), table.purged, "every other session purged in the same sweep");
        assertEquals(List.of("broken:IOException"), table.failures);
        assertEquals(3, first.purged());
        assertEquals(1, first.failed());
        assertEquals(1, epochCalls[0], "ended epochs are destroyed even when a session failed");

        // Before its retry is due the broken session is left alone; after it, tried again.
        table.due("d");
        PurgeSweep.Outcome second = sweep.run(clock);
        assertEquals(List.of("a", "b", "c", "d"), table.purged);
        assertEquals(0, second.failed(), "the broken session waits for its back-off");
        clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(1, sweep.run(clock).failed(), "and is retried once it is over");
    }

    @Test
    void aFullBatchOfFailingSessionsWhoseFailureCannotBeRecordedEndsTheSweep() {
        MutableClock clock = new MutableClock(T0);
        Table table = new Table().due("x", "y", "z");
        PurgeSweep sweep = new PurgeSweep(table::dueAt, id -> {
            throw new IllegalStateException("down");
        }, (id, at, cause) -> {
            throw new IllegalStateException("the database is down too");
        }, now -> 0, 3);

        PurgeSweep.Outcome outcome = sweep.run(clock);

        assertEquals(3, outcome.failed(), "each tried once, then the sweep ends instead of looping");
    }

    @Test
    void anEpochFailureIsReportedAfterTheSessionsArePurged() {
        MutableClock clock = new MutableClock(T0);
        Table table = new Table().due("a");
        PurgeSweep sweep = new PurgeSweep(table::dueAt, id -> {
            table.retryAt.remove(id);
            table.purged.add(id);
        }, (id, at, cause) -> { }, now -> {
            throw new java.io.IOException("keys directory not writable");
        }, 10);

        PurgeSweep.Outcome outcome = sweep.run(clock);

        assertEquals(List.of("a"), table.purged);
        assertTrue(outcome.epochFailure().isPresent());
    }
}
