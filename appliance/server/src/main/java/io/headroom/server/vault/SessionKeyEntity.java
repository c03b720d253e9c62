package io.headroom.server.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session's data key, stored only wrapped by a key-encryption key from the keys directory. */
@Entity
@Table(name = "SESSION_KEYS")
public class SessionKeyEntity {

    @Id
    @Column(name = "SESSION_ID", length = 32)
    private String sessionId;

    @Column(name = "KEY_ID", nullable = false, length = 32)
    private String keyId;

    @Column(name = "KEK_ID", nullable = false, length = 64)
    private String kekId;

    @Column(name = "WRAPPED_KEY", nullable = false, length = 64)
    private byte[] wrappedKey;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected SessionKeyEntity() {
        // for JPA
    }

    SessionKeyEntity(String sessionId, String keyId, String kekId, byte[] wrappedKey, Instant createdAt) {
        this.sessionId = sessionId;
        this.keyId = keyId;
        this.kekId = kekId;
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = createdAt;
    }

    String keyId() {
        return keyId;
    }

    String kekId() {
        return kekId;
    }

    /** The same data key, wrapped anew (under another key epoch). */
    void rewrapped(String newKekId, byte[] newWrappedKey) {
        this.kekId = newKekId;
        this.wrappedKey = newWrappedKey.clone();
    }

    byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
