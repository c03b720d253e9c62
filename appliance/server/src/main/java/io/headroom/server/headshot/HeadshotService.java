package io.headroom.server.headshot;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.vault.IntegrityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** A session's headshots: finding them, and checking their blobs before any is served. */
@ApplicationScoped
public class HeadshotService {

    private static final Logger LOG = Logger.getLogger(HeadshotService.class.getName());

    @Inject
    SealedBlobs sealed;

    @Inject
    HeadshotRepository headshots;

    public List<HeadshotEntity> all(SessionEntity session) {
        return headshots.of(session.id());
    }

    /** One headshot of the session; empty for any other id (another session's included). */
    public java.util.Optional<HeadshotEntity> find(SessionEntity session, String headshotId) {
        return headshots.find(session.id(), headshotId);
    }

    /** Authenticates every blob before the answer starts, so tampering is a clean error, not a cut download. */
    public void verify(SessionEntity session, List<HeadshotEntity> headshots) {
        verifyBlobs(session, headshots.stream().map(HeadshotEntity::blobId).toList());
    }

    /** As {@link #verify}, with the cut-outs of those that have one (for the ZIP, which holds both). */
    public void verifyWithCutouts(SessionEntity session, List<HeadshotEntity> headshots) {
        List<String> blobs = new ArrayList<>();
        for (HeadshotEntity h : headshots) {
            blobs.add(h.blobId());
            if (h.hasCutout()) {
                blobs.add(h.cutoutBlobId());
            }
        }
        verifyBlobs(session, blobs);
    }

    /** Authenticates a headshot's cut-out, which it must have. */
    public void verifyCutout(SessionEntity session, HeadshotEntity h) {
        verifyBlobs(session, List.of(h.cutoutBlobId()));
    }

    private void verifyBlobs(SessionEntity session, List<String> blobIds) {
        try {
            for (String blobId : blobIds) {
                sealed.copyTo(session.id(), session.storagePrefix(), blobId, OutputStream.nullOutputStream());
            }
        } catch (IntegrityException e) {
            LOG.severe("A stored headshot failed its integrity check; it was not served");
            throw new ProblemException(ProblemType.INTEGRITY_ERROR,
                    "A stored headshot failed its integrity check, so it is not shown. The operator has been told.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fileName(HeadshotEntity h, int n) {
        return stem(h, n) + ".jpg";
    }

    /** The cut-out's name: its headshot's, {@code -cutout.png} in place of {@code .jpg}. */
    public static String cutoutFileName(HeadshotEntity h, int n) {
        return stem(h, n) + "-cutout.png";
    }

    private static String stem(HeadshotEntity h, int n) {
        return "headshot-" + (n > 0 ? n : h.id()) + "-" + h.aspect().replace(':', 'x');
    }
}
