package io.headroom.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One sweep of the retention timer: every session due now is purged, each on its own, then the
 * keys of the key epochs that have ended are destroyed.
 *
 * <p>A session whose purge throws is handed to {@link Failures} (which schedules its retry and
 * reports it) and the sweep goes on with the next one; neither a failing session nor a failure to
 * record it stops the others or the end of the epochs. {@link DueSessions} must leave out sessions
 * that are waiting for their retry, so a batch full of failing sessions cannot make the sweep
 * loop.
 */
public final class PurgeSweep {

    /** Sessions whose deadline is at or before {@code now} and that are not waiting for a retry, soonest first. */
    @FunctionalInterface
    public interface DueSessions {
        List<String> due(Instant now, int max);
    }

    /** Purges one session completely; idempotent, so an interrupted purge finishes on the next call. */
    @FunctionalInterface
    public interface Purger {
        void purge(String sessionId) throws Exception;
    }

    /** Records that a session's purge failed: schedules its retry, reports it. */
    @FunctionalInterface
    public interface Failures {
        void failed(String sessionId, Instant at, Exception cause);
    }

    /** Destroys the keys of the key epochs that have ended by {@code now}; returns how many. */
    @FunctionalInterface
    public interface EpochEnd {
        int destroyEnded(Instant now) throws Exception;
    }

    /** What a sweep did. */
    public record Outcome(int purged, int failed, int epochsEnded, Optional<Exception> epochFailure) {
    }

    private final DueSessions due;
    private final Purger purger;
    private final Failures failures;
    private final EpochEnd epochs;
    private final int batch;

    public PurgeSweep(DueSessions due, Purger purger, Failures failures, EpochEnd epochs, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.due = due;
        this.purger = purger;
        this.failures = failures;
        this.epochs = epochs;
        this.batch = batch;
    }

    /** Purges what is due at {@code now}, session by session, then ends the epochs that are over. */
    public Outcome run(java.time.Clock clock) {
        int purged = 0;
        int failed = 0;
        Instant start = clock.instant();
        java.util.Set<String> tried = new java.util.HashSet<>();
        while (true) {
            List<String> ids = due.due(start, batch);
            boolean fresh = false;
            for (String id : ids) {
                if (!tried.add(id)) {
                    continue; // failed earlier in this sweep and its retry could not be recorded
                }
                fresh = true;
                try {
                    purger.purge(id);
                    purged++;
                } catch (Exception e) {
                    failed++;
                    report(id, clock.instant(), e);
                }
            }
            if (ids.size() < batch || !fresh) {
                break;
            }
        }
        int ended = 0;
        Optional<Exception> epochFailure = Optional.empty();
        try {
            ended = epochs.destroyEnded(clock.instant());
        } catch (Exception e) {
            epochFailure = Optional.of(e);
        }
        return new Outcome(purged, failed, ended, epochFailure);
    }

    private void report(String id, Instant at, Exception cause) {
        try {
            failures.failed(id, at, cause);
        } catch (RuntimeException e) {
            // The session stays due and is found again by the next sweep; the others go on.
            java.util.logging.Logger.getLogger(PurgeSweep.class.getName())
                    .warning("A failed purge could not be recorded: " + e.getClass().getName());
        }
    }
}
