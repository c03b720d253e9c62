package io.headroom.server.job;

import io.headroom.face.PhotoAnalysis;
import io.headroom.face.Verdict;
import io.headroom.framing.Aspect;
import io.headroom.job.JobState;
import io.headroom.pipeline.Headshot;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.headshot.HeadshotEntity;
import io.headroom.server.photo.PhotoEntity;
import io.headroom.server.photo.PhotoService;
import io.headroom.server.photo.PhotoView;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.style.StyleCatalog;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one job: opens each photo in memory, analyses it and records the verdict, picks the best
 * usable ones, frames a headshot per style and aspect (and its cut-out, when the job asks for
 * them), seals and stores it. Progress is stored and announced after every step; a cancelled job
 * stops at the next step.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    static final String NO_USABLE_PHOTO = "no-usable-photo";
    /** A style of the job was removed (its pack uninstalled) before the job started. */
    static final String STYLE_GONE = "style-unavailable";

    private final RandomTokens random = new RandomTokens();

    @Inject
    JobStore store;

    @Inject
    PhotoService photos;

    @Inject
    SealedBlobs sealed;

    @Inject
    SessionVault vault;

    @Inject
    HeadroomSettings settings;

    @Inject
    Clock clock;

    @Inject
    StyleCatalog catalog;

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    void run(String jobId, HeadshotPipeline pipeline) {
        JobEntity job = store.start(jobId).orElse(null);
        if (job == null) {
            return;
        }
        String prefix = null;
        List<PhotoAnalysis> analyses = new ArrayList<>();
        try {
            SessionEntity session = em.find(SessionEntity.class, job.sessionId());
            if (session == null || session.storagePrefix() == null || session.goneAt(clock.instant())) {
                store.finish(jobId, JobState.CANCELLED, null);
                return;
            }
            prefix = session.storagePrefix();
            discardEarlierAttempt(jobId, prefix);
            // The styles as they are now: the job finishes with them whatever happens to their packs.
            try (StyleCatalog.Snapshot styles = catalog.snapshot(job.styles())) {
                if (styles == null) {
                    store.finish(jobId, JobState.FAILED, STYLE_GONE);
                    return;
                }
                runWith(jobId, job, prefix, styles, pipeline, analyses);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Job failed: " + e.getClass().getName());
            store.finish(jobId, JobState.FAILED, "internal-error");
        } finally {
            // Face descriptors are biometric data: gone from memory with the job.
            analyses.forEach(a -> a.embedding().ifPresent(io.headroom.face.Embedding::erase));
        }
    }

    private void runWith(String jobId, JobEntity job, String prefix, StyleCatalog.Snapshot styles, HeadshotPipeline pipeline,
                         List<PhotoAnalysis> analyses) throws IOException {
        // The session's key, opened once for the job's reads and writes alike.
        try (SessionVault.OpenKey key = vault.keyForReading(job.sessionId()).orElseThrow(() -> new IOException("session key gone"))) {
            runWith(jobId, job, prefix, styles, pipeline, analyses, key);
        }
    }

    private void runWith(String jobId, JobEntity job, String prefix, StyleCatalog.Snapshot styles, HeadshotPipeline pipeline,
                         List<PhotoAnalysis> analyses, SessionVault.OpenKey key) throws IOException {
        List<PhotoEntity> chosen = photosOf(job);
        int outputs = styles.styles().stream().mapToInt(s -> s.outputs().size()).sum();
        int steps = chosen.size() + settings.bestPhotos() * outputs;
        int done = 0;
        for (PhotoEntity photo : chosen) {
            byte[] bytes = photos.read(photo, prefix, key);
            analyses.add(pipeline.analyse(bytes));
            Arrays.fill(bytes, (byte) 0);
            if (!store.progress(jobId, ++done * 100 / Math.max(1, steps))) {
                return;
            }
        }
        // Whether every photo is of one person can only be judged once all are analysed.
        List<PhotoAnalysis> checked = HeadshotPipeline.checkIdentity(analyses);
        List<Analysed> usable = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            PhotoAnalysis a = checked.get(i);
            store.recordPhoto(jobId, chosen.get(i).id(), a.usable(), a.reasons().stream().map(Verdict::code).toList(), a.quality());
            if (a.usable()) {
                usable.add(new Analysed(chosen.get(i), a));
            }
        }
        List<Analysed> best = HeadshotPipeline.best(usable, x -> x.analysis().quality(), x -> true, settings.bestPhotos());
        if (best.isEmpty()) {
            store.finish(jobId, JobState.FAILED, NO_USABLE_PHOTO);
            return;
        }
        store.markSelected(jobId, best.stream().map(x -> x.photo().id()).toList());
        steps = chosen.size() + best.size() * outputs;
        for (Analysed item : best) {
            byte[] bytes = photos.read(item.photo(), prefix, key);
            for (StyleCatalog.Offered style : styles.styles()) {
                io.headroom.pipeline.Rendered rendered = pipeline.render(bytes, item.analysis().face().orElseThrow(),
                        item.analysis().embedding(), style.style(), style.outputs(), job.cutout(), item.photo().fieldOfView());
                store.recordSkipped(jobId, item.photo().id(), rendered.skipped().stream()
                        .map(k -> new SkippedOutput(style.style().id(), k.aspect().name(), k.reason().code())).toList());
                for (Headshot h : rendered.headshots()) {
                    String blobId = random.hexId();
                    // Asked for and made: the person alone, sealed as a blob of its own beside the headshot.
                    byte[] cutout = h.cutout().orElse(null);
                    String cutoutBlobId = cutout == null ? null : random.hexId();
                    HeadshotEntity row = new HeadshotEntity(random.id(), job.sessionId(), jobId, item.photo().id(), style.style().id(),
                            h.aspect().name(), blobId, h.width(), h.height(), h.padded(), h.composition().name(), checksJson(h.checks()),
                            h.identity().isPresent() ? h.identity().getAsDouble() : null, h.jpeg().length,
                            cutoutBlobId, cutout == null ? 0 : cutout.length, perspectiveJson(h.perspective()), clock.instant());
                    if (!store.storeHeadshot(row, prefix, h.jpeg(), cutout, key)) {
                        return; // cancelled meanwhile: nothing was stored
                    }
                    if (!store.progress(jobId, ++done * 100 / Math.max(1, steps))) {
                        return;
                    }
                }
            }
            Arrays.fill(bytes, (byte) 0);
        }
        store.finish(jobId, JobState.DONE, null);
    }

    /** The check's figures as stored: numbers and codes only, nothing of the person. */
    static String checksJson(io.headroom.pipeline.HeadshotCheck.Figures checks) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        checks.asMap().forEach((k, v) -> {
            if (v instanceof Double d) {
                b.add(k, d);
            } else if (v instanceof List<?> l) {
                jakarta.json.JsonArrayBuilder a = jakarta.json.Json.createArrayBuilder();
                l.forEach(x -> a.add(String.valueOf(x)));
                b.add(k, a);
            }
        });
        return b.build().toString();
    }

    /** The selfie perspective as stored: numbers and codes only. */
    static String perspectiveJson(io.headroom.perspective.Perspective p) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        if (p.distanceCm().isPresent()) {
            b.add("distanceCm", p.distanceCm().getAsInt());
        } else {
            b.addNull("distanceCm");
        }
        b.add("assumedFov", p.assumedFov());
        b.add("correction", Math.round(p.correction() * 1000) / 1000.0);
        p.skipped().ifPresent(r -> b.add("skipped", r));
        return b.build().toString();
    }

    /** A job run again after a crash starts clean: headshots of the earlier attempt go. */
    private void discardEarlierAttempt(String jobId, String prefix) {
        for (HeadshotEntity h : store.takeHeadshotsOf(jobId)) {
            sealed.deleteQuietly(prefix, h.blobId());
            if (h.hasCutout()) {
                sealed.deleteQuietly(prefix, h.cutoutBlobId());
            }
        }
    }

    private List<PhotoEntity> photosOf(JobEntity job) {
        List<PhotoView> all = photos.list(job.sessionId());
        List<String> wanted = job.photoIds();
        List<PhotoEntity> out = new ArrayList<>();
        for (PhotoView v : all) {
            if (wanted.isEmpty() || wanted.contains(v.id())) {
                out.add(photos.find(job.sessionId(), v.id()));
            }
        }
        return out;
    }

    private record Analysed(PhotoEntity photo, PhotoAnalysis analysis) {
    }
}
