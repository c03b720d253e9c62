package io.headroom.server.photo;

import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.session.SessionAccess;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.storage.BlobStore;
import io.headroom.server.retention.Retained;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionVault;
import io.headroom.session.SessionState;
import io.headroom.vault.IntegrityException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's photos: cleaned by intake, sealed with the session's key, stored through the
 * storage driver, recorded; read back by opening them on the fly.
 *
 * <p>An upload is all or nothing: if any photo of a request is refused, the blobs already stored
 * for that request are deleted and no row stays behind.
 */
@ApplicationScoped
public class PhotoService {

    private static final Logger LOG = Logger.getLogger(PhotoService.class.getName());

    private final RandomTokens random = new RandomTokens();
    private PhotoCleaner cleaner;
    private IntakeLimits limits;

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    HeadroomSettings settings;

    @Inject
    SessionVault vault;

    @Inject
    BlobStore blobs;

    @Inject
    Clock clock;

    @Inject
    SealedBlobs sealed;

    @PostConstruct
    void init() {
        limits = settings.intakeLimits();
        cleaner = new PhotoCleaner(limits, new DecodeBudget(settings.decodeBudgetPixels(), settings.decodeWait()));
    }

    long maxBytes() {
        return limits.maxBytes();
    }

    /** Cleans, seals and stores every photo part; returns them in upload order. */
    @Transactional
    @Retained
    public List<PhotoView> upload(String sessionId, PhotoParts parts) {
        SessionEntity session = em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw SessionAccess.notFound();
        }
        if (session.state() != SessionState.OPEN) {
            throw new ProblemException(ProblemType.SESSION_CLOSED, "This session's headshots are being made or done; it takes no more photos.");
        }
        long existing = em.createQuery("SELECT COUNT(p) FROM PhotoEntity p WHERE p.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        String prefix = session.storagePrefix(random::hexId);
        List<PhotoView> accepted = new ArrayList<>();
        List<StorageKey> stored = new ArrayList<>();
        try (SessionVault.OpenKey key = vault.keyForWriting(sessionId)) {
            for (byte[] upload = parts.next(); upload != null; upload = parts.next()) {
                if (existing + accepted.size() >= limits.maxPhotosPerSession()) {
                    throw new ProblemException(ProblemType.TOO_MANY_PHOTOS, "A session holds at most " + limits.maxPhotosPerSession()
                            + " photos; 5 to 20 good ones are plenty. Nothing from this upload was kept.");
                }
                CleanedPhoto photo;
                try {
                    photo = cleaner.clean(upload);
                } finally {
                    Arrays.fill(upload, (byte) 0);
                }
                String blobId = random.hexId();
                stored.add(SealedBlobs.keyOf(prefix, blobId));
                sealed.put(sessionId, prefix, blobId, photo.encoded(), key);
                PhotoEntity row = new PhotoEntity(random.id(), sessionId, blobId, photo.format().mediaType(),
                        photo.width(), photo.height(), photo.removedMetadata(), photo.encoded().length, clock.instant());
                em.persist(row);
                accepted.add(PhotoView.of(row));
            }
            if (accepted.isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "The upload has no photo. Send each photo as a part named \"photo\".");
            }
            return accepted;
        } catch (IOException e) {
            discard(stored);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(stored);
            throw e;
        }
    }

    /** Compensation: blobs of a refused upload go, so nothing of it remains. */
    private void discard(List<StorageKey> stored) {
        for (StorageKey k : stored) {
            try {
                blobs.delete(k);
            } catch (StorageException e) {
                // Only ciphertext is left; the key is the session's and goes with it.
                LOG.log(Level.SEVERE, "A blob of a refused upload could not be deleted: {0}", e.getClass().getName());
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PhotoView> list(String sessionId) {
        return em.createQuery("SELECT p FROM PhotoEntity p WHERE p.sessionId = :s ORDER BY p.createdAt, p.id", PhotoEntity.class)
                .setParameter("s", sessionId).getResultList().stream().map(PhotoView::of).toList();
    }

    /** The photo of this session, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PhotoEntity find(String sessionId, String photoId) {
        PhotoEntity p = photoId == null || photoId.length() > 32 ? null : em.find(PhotoEntity.class, photoId);
        if (p == null || !p.sessionId().equals(sessionId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This session has no such photo.");
        }
        return p;
    }

    /**
     * Opens the photo and writes its plaintext to {@code out}, segment by segment as each is
     * authenticated.
     *
     * @throws IntegrityException when the stored blob is not what was sealed
     */
    public void copyTo(PhotoEntity photo, OutputStream out) throws IOException {
        SessionEntity s = em.find(SessionEntity.class, photo.sessionId());
        if (s == null || s.storagePrefix() == null) {
            throw SessionAccess.notFound();
        }
        sealed.copyTo(photo.sessionId(), s.storagePrefix(), photo.blobId(), out);
    }

    /** The cleaned photo's bytes, decrypted into memory for the pipeline. */
    public byte[] read(PhotoEntity photo) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        copyTo(photo, out);
        return out.toByteArray();
    }
}
