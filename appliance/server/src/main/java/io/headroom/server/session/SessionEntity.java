package io.headroom.server.session;

import io.headroom.session.SessionState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An anonymous session as stored: no name, no address, no token — only the token's keyed hash.
 * Lifecycle: see {@link SessionState}.
 */
@Entity
@Table(name = "SESSIONS")
public class SessionEntity {

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "TOKEN_HASH", nullable = false, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private SessionState state;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "DELETES_AT", nullable = false)
    private Instant deletesAt;

    @Column(name = "CONSENT_AT", nullable = false)
    private Instant consentAt;

    @Column(name = "POLICY_VERSION", nullable = false, length = 64)
    private String policyVersion;

    @Column(name = "RECEIPT_ID", nullable = false, length = 32)
    private String receiptId;

    @Column(name = "INVITATION_ID", length = 32)
    private String invitationId;

    @Column(name = "STORAGE_PREFIX", length = 32)
    private String storagePrefix;

    @Column(name = "PURGE_REASON", length = 32)
    private String purgeReason;

    @Column(name = "PURGE_ATTEMPTS", nullable = false)
    private int purgeAttempts;

    @Column(name = "PURGE_RETRY_AT")
    private Instant purgeRetryAt;

    @Column(name = "PURGED_OBJECTS", nullable = false)
    private long purgedObjects;

    @Column(name = "EARLIER_KEY_EPOCH")
    private Long earlierKeyEpoch;

    @Column(name = "KEY_REWRAPPED_AT")
    private Instant keyRewrappedAt;

    protected SessionEntity() {
        // for JPA
    }

    SessionEntity(String id, String tokenHash, Instant createdAt, Instant deletesAt, Instant consentAt,
                  String policyVersion, String receiptId, String invitationId) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.state = SessionState.OPEN;
        this.createdAt = createdAt;
        this.deletesAt = deletesAt;
        this.consentAt = consentAt;
        this.policyVersion = policyVersion;
        this.receiptId = receiptId;
        this.invitationId = invitationId;
    }

    public String id() {
        return id;
    }

    String tokenHash() {
        return tokenHash;
    }

    public SessionState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deletesAt() {
        return deletesAt;
    }

    /** Moves the deadline earlier (the caller has checked it against the policy). */
    void shortenTo(Instant deadline) {
        if (deadline.isAfter(deletesAt)) {
            throw new IllegalArgumentException("a deadline only ever moves earlier");
        }
        this.deletesAt = deadline;
    }

    /**
     * The session's data key was just wrapped anew, at {@code now}, out of key epoch
     * {@code previous} into an earlier one. The first such epoch is kept: it is the latest the key
     * was ever wrapped under, so every older copy of the wrapped key dies when it ends.
     */
    void keyMovedOutOf(long previous, Instant now) {
        if (earlierKeyEpoch == null) {
            earlierKeyEpoch = previous;
        }
        keyRewrappedAt = now;
    }

    /** The latest key epoch the data key was wrapped under before a delete-sooner, if it ever moved. */
    public java.util.Optional<Long> earlierKeyEpoch() {
        return java.util.Optional.ofNullable(earlierKeyEpoch);
    }

    /** When the data key was last wrapped anew under an earlier epoch (null when it never was). */
    public Instant keyRewrappedAt() {
        return keyRewrappedAt;
    }

    public Instant consentAt() {
        return consentAt;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public String receiptId() {
        return receiptId;
    }

    /** The random first segment of this session's storage keys, if it has stored anything. */
    public String storagePrefix() {
        return storagePrefix;
    }

    /** The storage prefix, chosen now from {@code fresh} if the session has none yet. */
    public String storagePrefix(java.util.function.Supplier<String> fresh) {
        if (storagePrefix == null) {
            storagePrefix = fresh.get();
        }
        return storagePrefix;
    }

    /**
     * Whether the session is gone for everyone at {@code now}: from its deadline on, or once its
     * purge has begun, even before the purge has finished.
     */
    public boolean goneAt(Instant now) {
        return state == SessionState.PURGING || !deletesAt.isAfter(now);
    }

    /** The purge begins (again, after a failed attempt): nothing new is recorded from now on. */
    void beginPurge(PurgeSession.Reason reason) {
        if (state != SessionState.PURGING) {
            state = SessionState.PURGING;
            purgeReason = reason.text;
        }
    }

    /** Why the purge began, as its first attempt was told. */
    String purgeReason() {
        return purgeReason;
    }

    /** An attempt failed after deleting {@code deleted} objects; the next is due at {@code retryAt}. */
    void purgeFailed(long deleted, Instant retryAt) {
        purgeAttempts++;
        purgedObjects += deleted;
        purgeRetryAt = retryAt;
    }

    int purgeAttempts() {
        return purgeAttempts;
    }

    /** Objects deleted by earlier attempts that did not finish. */
    long purgedObjects() {
        return purgedObjects;
    }
}
