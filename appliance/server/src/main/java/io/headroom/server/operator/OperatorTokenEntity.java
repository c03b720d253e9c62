package io.headroom.server.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in operator's bearer token, stored only as its keyed hash. */
@Entity
@Table(name = "OPERATOR_TOKENS")
public class OperatorTokenEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "OPERATOR_ID", nullable = false, length = 32)
    private String operatorId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected OperatorTokenEntity() {
        // for JPA
    }

    OperatorTokenEntity(String tokenHash, String operatorId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.operatorId = operatorId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String operatorId() {
        return operatorId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
