package io.headroom.server.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored object of a session and when it must be gone. */
@Entity
@Table(name = "BLOB_DEADLINES")
public class BlobDeadlineEntity {

    @Id
    @Column(name = "STORAGE_KEY", length = 200)
    private String storageKey;

    @Column(name = "SESSION_ID", nullable = false, length = 32)
    private String sessionId;

    @Column(name = "DEADLINE", nullable = false)
    private Instant deadline;

    protected BlobDeadlineEntity() {
        // for JPA
    }

    BlobDeadlineEntity(String storageKey, String sessionId, Instant deadline) {
        this.storageKey = storageKey;
        this.sessionId = sessionId;
        this.deadline = deadline;
    }

    String storageKey() {
        return storageKey;
    }
}
