package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.server.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The deadline rows of stored objects, and a check that storage and rows agree. */
@ApplicationScoped
public class BlobDeadlines {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    BlobStore blobs;

    /** Records an object's deadline (its session's) in the caller's transaction; only {@link SealedBlobs} stores objects. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String sessionId, StorageKey key, java.time.Instant deadline) {
        em.persist(new BlobDeadlineEntity(key.value(), sessionId, deadline));
    }

    /** Moves the deadlines of a session's objects with its own (delete sooner), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveSession(String sessionId, java.time.Instant deadline) {
        em.createQuery("UPDATE BlobDeadlineEntity b SET b.deadline = :d WHERE b.sessionId = :s")
                .setParameter("d", deadline).setParameter("s", sessionId).executeUpdate();
    }

    /**
     * Forgets the deadlines of objects that were deleted because what they belonged to was never
     * recorded (an upload that lost its race with a purge). Its own transaction, after the objects
     * are gone, so an object never outlives its row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(List<StorageKey> keys) {
        for (StorageKey k : keys) {
            BlobDeadlineEntity row = em.find(BlobDeadlineEntity.class, k.value());
            if (row != null) {
                em.remove(row);
            }
        }
    }

    /**
     * Storage against the rows: objects without a deadline row (stored other than through
     * {@link SealedBlobs}) and rows whose object is missing. Both should be zero.
     * {@code incomplete}: leftovers of puts cut short by a crash, which go with their session.
     */
    public record Consistency(long objects, long rows, long objectsWithoutDeadline, long deadlinesWithoutObject, long incomplete) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Consistency check() throws StorageException {
        Set<String> stored = new HashSet<>();
        for (StorageKey k : blobs.list("")) {
            stored.add(k.value());
        }
        Set<String> recorded = new HashSet<>(em.createQuery("SELECT d.storageKey FROM BlobDeadlineEntity d", String.class).getResultList());
        long withoutDeadline = stored.stream().filter(k -> !recorded.contains(k)).count();
        long withoutObject = recorded.stream().filter(k -> !stored.contains(k)).count();
        return new Consistency(stored.size(), recorded.size(), withoutDeadline, withoutObject, blobs.incomplete("").size());
    }
}
