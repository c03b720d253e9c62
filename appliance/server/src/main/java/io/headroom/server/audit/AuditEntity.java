package io.headroom.server.audit;

import io.headroom.audit.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An audit entry as stored; rows are only ever inserted. */
@Entity
@Table(name = "AUDIT_LOG")
public class AuditEntity {

    @Id
    @Column(name = "SEQ")
    private long seq;

    @Column(name = "AT", nullable = false)
    private Instant at;

    @Column(name = "EVENT", nullable = false, length = 64)
    private String event;

    @Column(name = "DETAIL", nullable = false, length = 500)
    private String detail;

    @Column(name = "PREVIOUS", nullable = false, length = 64)
    private String previous;

    @Column(name = "HASH", nullable = false, length = 64)
    private String hash;

    protected AuditEntity() {
        // for JPA
    }

    AuditEntity(AuditEntry e) {
        this.seq = e.seq();
        this.at = e.at();
        this.event = e.event();
        this.detail = e.detail();
        this.previous = e.previous();
        this.hash = e.hash();
    }

    AuditEntry entry() {
        return new AuditEntry(seq, at, event, detail, previous, hash);
    }
}
