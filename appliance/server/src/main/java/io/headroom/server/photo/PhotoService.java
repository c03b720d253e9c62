package io.headroom.server.photo;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.session.SessionAccess;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionKeys;
import io.headroom.vault.IntegrityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A session's photos read back: listed, found, and opened on the fly. */
@ApplicationScoped
public class PhotoService {

    @Inject
    PhotoRepository photos;

    @Inject
    SealedBlobs sealed;

    public List<PhotoView> list(String sessionId) {
        return photos.of(sessionId).stream().map(PhotoView::of).toList();
    }

    /** The session's photos as recorded, in upload order. */
    public List<PhotoEntity> all(String sessionId) {
        return photos.of(sessionId);
    }

    /** The photo of this session, or 404. */
    public PhotoEntity find(String sessionId, String photoId) {
        return photos.find(sessionId, photoId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This session has no such photo."));
    }

    /**
     * Opens the photo of {@code session} and writes its plaintext to {@code out}, segment by
     * segment as each is authenticated.
     *
     * @throws IntegrityException when the stored blob is not what was sealed
     */
    public void copyTo(SessionEntity session, PhotoEntity photo, OutputStream out) throws IOException {
        if (session.storagePrefix() == null) {
            throw SessionAccess.notFound();
        }
        sealed.copyTo(photo.sessionId(), session.storagePrefix(), photo.blobId(), out);
    }

    /**
     * The cleaned photo's bytes, decrypted into memory for the pipeline with the session's key the
     * caller holds (a job opens it once for its reads and writes).
     */
    public byte[] read(PhotoEntity photo, String prefix, SessionKeys.OpenKey key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sealed.copyTo(photo.sessionId(), prefix, photo.blobId(), out, key);
        return out.toByteArray();
    }
}
