package io.headroom.server.photo;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.server.session.SessionAccess;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionVault;
import io.headroom.session.SessionState;
import io.headroom.vault.VaultException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The short transactions of an upload, none of which is open while the client sends: the upload
 * is prepared ({@link #prepare}), each photo is stored with its deadline as soon as it is cleaned
 * ({@link #store}), and all of them are recorded at the end ({@link #record}). Each locks the
 * session's row only for its own moment and checks again that the session still takes photos, so
 * a purge that began meanwhile wins and the upload removes what it wrote.
 */
@ApplicationScoped
public class PhotoRecords {

    private final RandomTokens random = new RandomTokens();

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    SessionVault vault;

    @Inject
    SealedBlobs sealed;

    @Inject
    Clock clock;

    /** Where an upload goes: the session's storage prefix and key, and how many photos it has. */
    public record Prepared(String prefix, SessionVault.OpenKey key, long existing) {
    }

    /**
     * Gives the session its storage prefix and data key if it has none yet (committed together,
     * so a session that stored anything always has both), and counts its photos.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Prepared prepare(String sessionId) throws VaultException {
        SessionEntity session = accepting(sessionId);
        String prefix = session.storagePrefix(random::hexId);
        return new Prepared(prefix, vault.keyForWriting(sessionId, session.deletesAt()), count(sessionId));
    }

    /** Seals and stores one cleaned photo; its deadline row commits with it. Wipes {@code plaintext}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(String sessionId, String prefix, String blobId, byte[] plaintext, SessionVault.OpenKey key) throws IOException {
        SessionEntity session;
        try {
            session = accepting(sessionId);
        } catch (RuntimeException e) {
            java.util.Arrays.fill(plaintext, (byte) 0);
            throw e;
        }
        sealed.put(sessionId, session.deletesAt(), prefix, blobId, plaintext, key);
    }

    /** Records the stored photos, if the session still takes them and they fit in it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String sessionId, List<PhotoEntity> photos, int maxPhotos) {
        accepting(sessionId);
        // Counted again under the lock: two uploads at once must not pass the limit together.
        if (count(sessionId) + photos.size() > maxPhotos) {
            throw PhotoService.tooMany(maxPhotos);
        }
        photos.forEach(em::persist);
    }

    /** Whether the session is past its deadline, being purged or purged, now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean goneNow(String sessionId) {
        SessionEntity session = em.find(SessionEntity.class, sessionId);
        return session == null || session.goneAt(clock.instant());
    }

    /** The session, locked for this transaction, if it takes photos now; else 404 or 409. */
    private SessionEntity accepting(String sessionId) {
        SessionEntity session = em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || session.goneAt(clock.instant())) {
            throw SessionAccess.notFound();
        }
        if (session.state() != SessionState.OPEN) {
            throw new ProblemException(ProblemType.SESSION_CLOSED, "This session's headshots are being made or done; it takes no more photos.");
        }
        return session;
    }

    private long count(String sessionId) {
        return em.createQuery("SELECT COUNT(p) FROM PhotoEntity p WHERE p.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
    }
}
