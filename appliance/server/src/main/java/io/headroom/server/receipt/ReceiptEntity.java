package io.headroom.server.receipt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed deletion receipt as stored: its place in the chain, its hash and its JSON. */
@Entity
@Table(name = "RECEIPTS")
public class ReceiptEntity {

    /** Place in the chain, from 1; assigned by the ledger, which issues one receipt at a time. */
    @Id
    @Column(name = "SEQ")
    private long seq;

    @Column(name = "ID", nullable = false, length = 32)
    private String id;

    @Column(name = "HASH", nullable = false, length = 64)
    private String hash;

    @Column(name = "BODY", nullable = false, length = 8000)
    private String body;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected ReceiptEntity() {
        // for JPA
    }

    ReceiptEntity(long seq, String id, String hash, String body, Instant createdAt) {
        this.seq = seq;
        this.id = id;
        this.hash = hash;
        this.body = body;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String body() {
        return body;
    }
}
