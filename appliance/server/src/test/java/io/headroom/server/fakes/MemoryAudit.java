package io.headroom.server.fakes;

import io.headroom.audit.AuditEntry;
import io.headroom.server.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;

/** The audit log's events, in order, as "event: detail". */
public final class MemoryAudit implements AuditLog {

    public final List<String> events = new ArrayList<>();

    @Override
    public void record(String event, String detail) {
        events.add(event + ": " + detail);
    }

    @Override
    public List<AuditEntry> entries() {
        return List.of();
    }
}
