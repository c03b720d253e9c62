package io.headroom.server.audit;

import io.headroom.audit.AuditChain;
import io.headroom.audit.AuditEntry;
import java.util.List;
import java.util.OptionalLong;

/**
 * Appends operator-visible events (session created, job finished, session purged, plugin loaded,
 * key epoch destroyed, appliance started) to the audit log, in the caller's transaction when there
 * is one, so an event is recorded exactly when what it reports commits. Details never hold
 * personal data: no tokens, ids of sessions or photos, file names or pixels.
 */
public interface AuditLog {

    void record(String event, String detail);

    /** The whole log, oldest first. */
    List<AuditEntry> entries();

    /** Where the chain breaks, if it does (see {@link AuditChain#firstBreak}). */
    default OptionalLong firstBreak() {
        return AuditChain.firstBreak(entries());
    }
}
