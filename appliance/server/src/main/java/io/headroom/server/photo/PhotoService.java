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
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionVault;
import io.headroom.vault.IntegrityException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
    Clock clock;

    @Inject
    SealedBlobs sealed;

    @Inject
    PhotoRecords records;

    @PostConstruct
    void init() {
        limits = settings.intakeLimits();
        cleaner = new PhotoCleaner(limits, new DecodeBudget(settings.decodeBudgetPixels(), settings.decodeWait()));
    }

    long maxBytes() {
        return limits.maxBytes();
    }

    /**
     * Cleans, seals and stores every photo part; returns them in upload order.
     *
     * <p>Transactions: none while the client sends. {@link PhotoRecords#prepare} before the first
     * part is read, {@link PhotoRecords#store} for each photo once it is cleaned, and
     * {@link PhotoRecords#record} when the last part is in; each is short and commits on its own.
     * When anything fails, or a purge of the session began meanwhile, the objects this upload
     * stored are deleted, then their deadline rows, and nothing of it remains.
     */
    public List<PhotoView> upload(String sessionId, PhotoParts parts) {
        PhotoRecords.Prepared target;
        try {
            target = records.prepare(sessionId);
        } catch (io.headroom.vault.VaultException e) {
            throw new IllegalStateException("The session's key could not be made", e);
        }
        List<PhotoEntity> rows = new ArrayList<>();
        List<StorageKey> stored = new ArrayList<>();
        try (SessionVault.OpenKey key = target.key()) {
            for (byte[] upload = parts.next(); upload != null; upload = parts.next()) {
                if (target.existing() + rows.size() >= limits.maxPhotosPerSession()) {
                    Arrays.fill(upload, (byte) 0);
                    throw tooMany(limits.maxPhotosPerSession());
                }
                CleanedPhoto photo;
                try {
                    photo = cleaner.clean(upload);
                } finally {
                    Arrays.fill(upload, (byte) 0);
                }
                String blobId = random.hexId();
                int bytes = photo.encoded().length;
                stored.add(SealedBlobs.keyOf(target.prefix(), blobId));
                records.store(sessionId, target.prefix(), blobId, photo.encoded(), key);
                rows.add(new PhotoEntity(random.id(), sessionId, blobId, photo.format().mediaType(),
                        photo.width(), photo.height(), photo.removedMetadata(),
                        photo.fieldOfView().map(io.headroom.perspective.FieldOfView::degrees).orElse(null), bytes, clock.instant()));
            }
            if (rows.isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "The upload has no photo. Send each photo as a part named \"photo\".");
            }
            records.record(sessionId, rows, limits.maxPhotosPerSession());
            return rows.stream().map(PhotoView::of).toList();
        } catch (IOException e) {
            discard(stored);
            throw records.goneNow(sessionId) ? SessionAccess.notFound() : new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(stored);
            // An upload that lost its race with the purge (it may have failed on the way, say
            // when a trickling client's read timed out) is told the session is gone.
            throw records.goneNow(sessionId) ? SessionAccess.notFound() : e;
        }
    }

    static ProblemException tooMany(int max) {
        return new ProblemException(ProblemType.TOO_MANY_PHOTOS, "A session holds at most " + max
                + " photos; 5 to 20 good ones are plenty. Nothing from this upload was kept.");
    }

    /** Compensation: the objects of a refused upload go, then their deadline rows, so nothing of it remains. */
    private void discard(List<StorageKey> stored) {
        if (stored.isEmpty()) {
            return;
        }
        try {
            sealed.discard(stored);
        } catch (StorageException e) {
            // Only ciphertext is left, with its deadline row: it goes with its session.
            LOG.log(Level.SEVERE, "A blob of a refused upload could not be deleted: {0}", e.getClass().getName());
        } catch (RuntimeException e) {
            // Rows without objects are harmless and go with the session.
            LOG.log(Level.WARNING, "The deadline rows of a refused upload could not be removed: {0}", e.getClass().getName());
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

    /**
     * The cleaned photo's bytes, decrypted into memory for the pipeline with the session's key the
     * caller holds (a job opens it once for its reads and writes).
     */
    public byte[] read(PhotoEntity photo, String prefix, SessionVault.OpenKey key) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        sealed.copyTo(photo.sessionId(), prefix, photo.blobId(), out, key);
        return out.toByteArray();
    }
}
