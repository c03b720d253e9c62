package io.headroom.server.retention;

import io.headroom.retention.ClockWatch;
import io.headroom.retention.PurgeBackoff;
import io.headroom.retention.PurgeSweep;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.session.PurgeSession;
import io.headroom.server.session.SessionRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges sessions whose deadline has passed: once at start-up, before the appliance serves
 * (deadlines that passed while it was down), then every second. The timer is not persistent: the
 * due dates live in the sessions table, so nothing is lost when the appliance stops.
 *
 * <p>Each due session is purged on its own ({@link PurgeSweep}): one whose purge fails is retried
 * with back-off, counted for {@code /health} and recorded in the audit log, and neither delays the
 * others nor the end of key epochs, at start-up or later.
 */
@ApplicationScoped
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class.getName());
    static final int BATCH = 200;

    @Inject
    SessionRepository sessions;

    @Inject
    PurgeSession purge;

    @Inject
    Clock clock;

    @Inject
    EndKeyEpochs epochs;

    @Inject
    AuditLog audit;

    /** How long /health shows a backward jump of the wall clock. */
    static final Duration CLOCK_WARNING_FOR = Duration.ofHours(24);

    private ClockWatch clockWatch;
    private volatile ClockWatch.Jump lastBackwardJump;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> timer;
    private PurgeSweep sweep;
    private volatile long failing;

    @PostConstruct
    void init() {
        clockWatch = new ClockWatch(clock, System::nanoTime, Duration.ofMinutes(1));
        sweep = new PurgeSweep(sessions::due, id -> purge.purge(id, PurgeSession.Reason.DEADLINE), this::failed, epochs::endedBy, BATCH);
    }

    /** Purges what is due now, then keeps doing so every second. */
    public synchronized void start() {
        // Sessions still waiting for a retry from before a restart are reported from the start.
        failing = sessions.failingPurges();
        int purged = sweep().purged();
        if (purged > 0) {
            LOG.info(() -> purged + " session(s) whose deadline passed while the appliance was down were purged at start-up");
        }
        timer = scheduler.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** One sweep: every due session on its own, then the ended key epochs. */
    public PurgeSweep.Outcome sweep() {
        clockWatch.look().ifPresent(this::clockJumped);
        PurgeSweep.Outcome outcome = sweep.run(clock);
        outcome.epochFailure().ifPresent(e -> LOG.warning("Destroying ended key epochs failed and is retried on the next sweep: "
                + e.getClass().getName()));
        if (outcome.failed() > 0 || failing > 0) {
            failing = sessions.failingPurges();
        }
        return outcome;
    }

    /** Sessions whose purge failed and waits for its retry (a warning on {@code /health}). */
    public long failingPurges() {
        return failing;
    }

    /**
     * A jump of the wall clock: deadlines are wall-clock times, so a clock set back purges late by
     * as much; the operator hears of it in the log, the audit log and on /health. A forward jump
     * only means that what became due is purged now.
     */
    private void clockJumped(ClockWatch.Jump jump) {
        if (jump.backwards()) {
            lastBackwardJump = jump;
            LOG.warning(() -> "The wall clock went back by " + jump.by().negated() + ": purges run that much later until it is set right");
            audit.record("clock-jumped-back", "the wall clock went back by " + jump.by().negated()
                    + "; deadlines are wall-clock times, so purges run that much later until the clock is set right");
        } else {
            LOG.info(() -> "The wall clock went forward by " + jump.by() + "; what became due is purged now");
            audit.record("clock-jumped-forward", "the wall clock went forward by " + jump.by() + "; what became due is purged now");
        }
    }

    /** A backward jump of the wall clock within the last day, for /health. */
    public Optional<ClockWatch.Jump> recentBackwardJump() {
        ClockWatch.Jump j = lastBackwardJump;
        return j != null && clock.instant().isBefore(j.at().plus(CLOCK_WARNING_FOR)) ? Optional.of(j) : Optional.empty();
    }

    private void failed(String sessionId, java.time.Instant at, Exception cause) {
        int attempts = purge.failed(sessionId, at, cause, PurgeBackoff.DEFAULT);
        Throwable root = PurgeSession.rootOf(cause);
        // Class and place only: messages may carry ids or storage keys.
        StackTraceElement where = root.getStackTrace().length > 0 ? root.getStackTrace()[0] : null;
        LOG.warning("A session's purge failed (attempt " + attempts + ") and will be retried; the others go on: "
                + root.getClass().getName() + " at " + where);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // Only the list of due sessions can throw here (the database is down): retried next second.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.log(Level.WARNING, "A retention sweep failed and will be retried: " + e.getClass().getName() + " at " + at);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
