package io.headroom.server.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * The head of a hash chain (the audit log, the receipts): its last position and hash. Appending
 * takes {@link #lock} in the appending transaction, so appends queue until the one before has
 * committed and no two entries take the same place.
 */
@Entity
@Table(name = "CHAIN_HEADS")
public class ChainHeadEntity {

    @Id
    @Column(name = "NAME", length = 16)
    private String name;

    @Column(name = "SEQ", nullable = false)
    private long seq;

    @Column(name = "HASH", nullable = false, length = 64)
    private String hash;

    protected ChainHeadEntity() {
        // for JPA
    }

    /** The head of chain {@code name}, locked until the current transaction ends. */
    public static ChainHeadEntity lock(EntityManager em, String name) {
        ChainHeadEntity head = em.find(ChainHeadEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("The database has no head for the " + name + " chain");
        }
        return head;
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    /** Moves the head to the entry just appended. */
    public void advance(long newSeq, String newHash) {
        if (newSeq != seq + 1) {
            throw new IllegalStateException("a chain grows one entry at a time");
        }
        this.seq = newSeq;
        this.hash = newHash;
    }
}
