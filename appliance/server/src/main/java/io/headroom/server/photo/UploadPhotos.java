package io.headroom.server.photo;

import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.perspective.FieldOfView;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.db.Transactions;
import io.headroom.server.session.SessionAccess;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.session.SessionRepository;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionKeys;
import io.headroom.session.SessionState;
import io.headroom.vault.VaultException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Use case: upload photos to a session. Each photo is cleaned by intake, sealed with the session's
 * key and stored as soon as it has arrived; all of them are recorded at the end. All or nothing:
 * when any photo is refused, or a purge of the session began meanwhile, the objects this upload
 * stored are deleted, then their deadline rows, and nothing of it remains.
 *
 * <p>Transactions: <b>none while the client sends</b>, so a slow upload never holds up a purge.
 * Three kinds of short ones, each committed on its own and each locking the session's row only for
 * its own moment and checking again that the session still takes photos (a purge that began
 * meanwhile wins, and the upload removes what it wrote): <i>prepare</i> before the first part is
 * read (the session gets its storage prefix and data key if it has none, committed together),
 * <i>store</i> for each photo once it is cleaned (the object and its deadline row commit
 * together), <i>record</i> when the last part is in (the limit on photos per session is counted
 * again there, so two uploads at once cannot pass it together).
 */
@ApplicationScoped
public class UploadPhotos {

    private static final Logger LOG = Logger.getLogger(UploadPhotos.class.getName());

    /** The photos of one request, as they arrive. */
    public interface Parts {
        /** The next photo's bytes (the caller wipes them), or null when there are no more. */
        byte[] next();
    }

    private final RandomTokens random = new RandomTokens();

    @Inject
    SessionRepository sessions;

    @Inject
    PhotoRepository photos;

    @Inject
    SessionKeys keys;

    @Inject
    SealedBlobs sealed;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    HeadroomSettings settings;

    /** From the settings at start (a unit test sets them directly). */
    IntakeLimits limits;
    PhotoCleaner cleaner;

    @PostConstruct
    void init() {
        limits = settings.intakeLimits();
        cleaner = new PhotoCleaner(limits, new DecodeBudget(settings.decodeBudgetPixels(), settings.decodeWait()));
    }

    /** The largest file a part may be. */
    public long maxBytes() {
        return limits.maxBytes();
    }

    /**
     * @return the photos as recorded, in upload order
     * @throws ProblemException 404 when the session is gone (or went while the photos arrived),
     *                          409 over the limit, 4xx from intake for a refused photo
     */
    public List<PhotoView> upload(String sessionId, Parts parts) {
        Prepared target;
        try {
            target = transactions.inNew(() -> prepare(sessionId));
        } catch (VaultException e) {
            throw new IllegalStateException("The session's key could not be made", e);
        }
        List<PhotoEntity> rows = new ArrayList<>();
        List<StorageKey> stored = new ArrayList<>();
        try (SessionKeys.OpenKey key = target.key()) {
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
                transactions.inNew(() -> {
                    store(sessionId, target.prefix(), blobId, photo.encoded(), key);
                    return null;
                });
                rows.add(new PhotoEntity(random.id(), sessionId, blobId, photo.format().mediaType(),
                        photo.width(), photo.height(), photo.removedMetadata(),
                        photo.fieldOfView().map(FieldOfView::degrees).orElse(null), bytes, clock.instant()));
            }
            if (rows.isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "The upload has no photo. Send each photo as a part named \"photo\".");
            }
            transactions.inNew(() -> {
                record(sessionId, rows);
                return null;
            });
            return rows.stream().map(PhotoView::of).toList();
        } catch (IOException e) {
            discard(stored);
            throw goneNow(sessionId) ? SessionAccess.notFound() : new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(stored);
            // An upload that lost its race with the purge (it may have failed on the way, say
            // when a trickling client's read timed out) is told the session is gone.
            throw goneNow(sessionId) ? SessionAccess.notFound() : e;
        }
    }

    /** Where an upload goes: the session's storage prefix and key, and how many photos it has. */
    private record Prepared(String prefix, SessionKeys.OpenKey key, long existing) {
    }

    private Prepared prepare(String sessionId) throws VaultException {
        SessionEntity session = accepting(sessionId);
        String prefix = session.storagePrefix(random::hexId);
        return new Prepared(prefix, keys.keyForWriting(sessionId, session.deletesAt()), photos.count(sessionId));
    }

    private void store(String sessionId, String prefix, String blobId, byte[] plaintext, SessionKeys.OpenKey key) throws IOException {
        SessionEntity session;
        try {
            session = accepting(sessionId);
        } catch (RuntimeException e) {
            Arrays.fill(plaintext, (byte) 0);
            throw e;
        }
        sealed.put(sessionId, session.deletesAt(), prefix, blobId, plaintext, key);
    }

    private void record(String sessionId, List<PhotoEntity> rows) {
        accepting(sessionId);
        int max = limits.maxPhotosPerSession();
        if (photos.count(sessionId) + rows.size() > max) {
            throw tooMany(max);
        }
        rows.forEach(photos::add);
    }

    /** The session, locked for this transaction, if it takes photos now; else 404. */
    private SessionEntity accepting(String sessionId) {
        SessionEntity session = sessions.lock(sessionId).orElse(null);
        // Only an OPEN session is there at all: from PURGING on it is gone for everyone.
        if (session == null || session.goneAt(clock.instant()) || session.state() != SessionState.OPEN) {
            throw SessionAccess.notFound();
        }
        return session;
    }

    /** Whether the session is past its deadline, being purged or purged, now. */
    private boolean goneNow(String sessionId) {
        return transactions.inNew(() -> sessions.find(sessionId).map(s -> s.goneAt(clock.instant())).orElse(true));
    }

    private static ProblemException tooMany(int max) {
        return new ProblemException(ProblemType.TOO_MANY_PHOTOS, "A session holds at most " + max
                + " photos; 5 to 20 good ones are plenty. Nothing from this upload was kept.");
    }

    /** Compensation: the objects of a refused upload go, then their deadline rows, so nothing of it remains. */
    private void discard(List<StorageKey> stored) {
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
}
