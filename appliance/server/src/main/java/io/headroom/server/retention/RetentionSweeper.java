package io.headroom.server.retention;

import io.headroom.server.audit.AuditLog;
import io.headroom.server.session.SessionRows;
import io.headroom.server.session.SessionService;
import io.headroom.server.vault.SessionVault;
import io.headroom.vault.VaultException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges sessions whose deadline has passed: once at start-up, before the appliance serves
 * (deadlines that passed while it was down), then every second. The timer is not persistent: the
 * due dates live in the sessions table, so nothing is lost when the appliance stops. Each purge is
 * the same idempotent path as "delete everything now", so one cut short finishes on the next sweep.
 */
@ApplicationScoped
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class.getName());
    static final int BATCH = 200;

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    @Inject
    SessionVault vault;

    @Inject
    AuditLog audit;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> timer;

    /** Purges what is due now, then keeps doing so every second. */
    public synchronized void start() {
        int purged = sweep();
        if (purged > 0) {
            LOG.info(() -> purged + " session(s) whose deadline passed while the appliance was down were purged at start-up");
        }
        timer = scheduler.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Purges every session due now, then destroys the keys of the epochs that have ended (every
     * deadline in them has passed); returns how many sessions were purged.
     */
    public int sweep() {
        int purged = 0;
        while (true) {
            List<String> due = due();
            for (String id : due) {
                sessions.deleteEverything(id, SessionRows.Reason.DEADLINE);
                purged++;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        try {
            int destroyed = vault.destroyEndedEpochs(clock.instant());
            if (destroyed > 0) {
                audit.record("key-epochs-destroyed", destroyed + " epoch key(s)");
                LOG.info(() -> destroyed + " key epoch(s) ended: their keys are destroyed");
            }
        } catch (VaultException e) {
            throw new IllegalStateException("Destroying ended key epochs failed; retried on the next sweep", e);
        }
        return purged;
    }

    private List<String> due() {
        return sessions.due(clock.instant(), BATCH);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The next sweep tries again; what failed stays due.
            // Class and place only: messages may carry ids.
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
