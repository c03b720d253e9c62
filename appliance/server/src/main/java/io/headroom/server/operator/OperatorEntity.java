package io.headroom.server.operator;

import io.headroom.operator.Lockout;
import io.headroom.operator.OperatorRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator account as stored: name, role, Argon2id hash and lockout state. */
@Entity
@Table(name = "OPERATORS")
public class OperatorEntity {

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "NAME", nullable = false, length = 64)
    private String name;

    @Column(name = "ROLE", nullable = false, length = 16)
    private String role;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "FAILED_ATTEMPTS", nullable = false)
    private int failedAttempts;

    @Column(name = "LOCKED_UNTIL")
    private Instant lockedUntil;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_SIGN_IN_AT")
    private Instant lastSignInAt;

    protected OperatorEntity() {
        // for JPA; operators are created by the command line (headroom operator add)
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OperatorRole role() {
        return OperatorRole.of(role);
    }

    String passwordHash() {
        return passwordHash;
    }

    Lockout.AccountGuard guard() {
        return new Lockout.AccountGuard(failedAttempts, lockedUntil);
    }

    void guard(Lockout.AccountGuard guard) {
        this.failedAttempts = guard.failedAttempts();
        this.lockedUntil = guard.lockedUntil();
    }

    void signedIn(Instant now) {
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.lastSignInAt = now;
    }
}
