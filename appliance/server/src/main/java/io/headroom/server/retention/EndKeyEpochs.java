package io.headroom.server.retention;

import io.headroom.server.audit.AuditLog;
import io.headroom.server.vault.SessionVault;
import io.headroom.vault.VaultException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Use case: end the key epochs whose time has come. Each epoch's key wraps the data keys of the
 * sessions due in it; destroying it makes every copy of those keys (in the database, in a backup)
 * useless. Runs on the retention timer after the due sessions, on its own: a failure is retried on
 * the next sweep and delays no purge. No database transaction: the epoch keys live in the keys
 * directory; the audit entry is its own short transaction once they are gone.
 */
@ApplicationScoped
public class EndKeyEpochs {

    private static final Logger LOG = Logger.getLogger(EndKeyEpochs.class.getName());

    @Inject
    SessionVault vault;

    @Inject
    AuditLog audit;

    /** Destroys the keys of the epochs ended by {@code now}; returns how many. */
    public int endedBy(Instant now) throws VaultException {
        int destroyed = vault.destroyEndedEpochs(now);
        if (destroyed > 0) {
            audit.record("key-epochs-destroyed", destroyed + " epoch key(s)");
            LOG.info(() -> destroyed + " key epoch(s) ended: their keys are destroyed");
        }
        return destroyed;
    }
}
