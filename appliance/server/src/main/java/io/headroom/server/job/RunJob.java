package io.headroom.server.job;

import io.headroom.face.PhotoAnalysis;
import io.headroom.face.Verdict;
import io.headroom.framing.Aspect;
import io.headroom.job.JobState;
import io.headroom.pipeline.Headshot;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.pipeline.PhotoPipeline;
import io.headroom.security.RandomTokens;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.headshot.HeadshotEntity;
import io.headroom.server.photo.PhotoEntity;
import io.headroom.server.photo.PhotoService;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.style.StyleCatalog;
import io.headroom.server.session.SessionRepository;
import io.headroom.server.vault.SessionKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Use case: run one job. Opens each photo in memory with the session's key (opened once for the
 * job's reads and writes), analyses it and records the verdict, picks the best usable ones, makes
 * a headshot per style and aspect (and its cut-out, when the job asks for them), seals and stores
 * it. A job run again after a crash first discards what its earlier attempt stored.
 *
 * <p>Transactions: none is open while the pipeline works; each step is one short transaction of
 * {@link JobStore} (start, progress, a verdict, a headshot with its objects and deadline rows, the
 * end), committed on its own, so progress is visible at once and a purge never waits for a render.
 * Progress is announced after every step; a cancelled job (its session purged or past its
 * deadline) stops at the next step and stores nothing more.
 */
@ApplicationScoped
public class RunJob {

    private static final Logger LOG = Logger.getLogger(RunJob.class.getName());
    static final String NO_USABLE_PHOTO = "no-usable-photo";
    /** A style of the job was removed (its pack uninstalled) before the job started. */
    static final String STYLE_GONE = "style-unavailable";

    private final RandomTokens random = new RandomTokens();

    @Inject
    JobStore store;

    @Inject
    PhotoService photos;

    @Inject
    SessionKeys keys;

    @Inject
    SessionRepository sessions;

    @Inject
    HeadroomSettings settings;

    /** From the settings at start (a unit test sets it directly). */
    int bestPhotos;

    @Inject
    Clock clock;

    @Inject
    StyleCatalog catalog;

    @PostConstruct
    void init() {
        bestPhotos = settings.bestPhotos();
    }

    /** Runs the job with the worker's own pipeline; returns when it has ended (done, failed or cancelled). */
    public void run(String jobId, PhotoPipeline pipeline) {
        JobEntity job = store.start(jobId).orElse(null);
        if (job == null) {
            return;
        }
        String prefix = null;
        List<PhotoAnalysis> analyses = new ArrayList<>();
        try {
            SessionEntity session = sessions.find(job.sessionId()).orElse(null);
            if (session == null || session.storagePrefix() == null || session.goneAt(clock.instant())) {
                store.finish(jobId, JobState.CANCELLED, null);
                return;
            }
            prefix = session.storagePrefix();
            store.discardEarlierAttempt(jobId, prefix);
            // The styles as they are now: the job finishes with them whatever happens to their packs.
            try (StyleCatalog.Snapshot styles = catalog.snapshot(job.styles())) {
                if (styles == null) {
                    store.finish(jobId, JobState.FAILED, STYLE_GONE);
                    return;
                }
                runWith(jobId, job, prefix, styles, pipeline, analyses);
            }
        } catch (IOException | RuntimeException e) {
            // Class and place only: messages may carry ids or storage keys.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.log(Level.SEVERE, "Job failed: " + e.getClass().getName() + " at " + at);
            store.finish(jobId, JobState.FAILED, "internal-error");
        } finally {
            // Face descriptors are biometric data: gone from memory with the job.
            analyses.forEach(a -> a.embedding().ifPresent(io.headroom.face.Embedding::erase));
        }
    }

    private void runWith(String jobId, JobEntity job, String prefix, StyleCatalog.Snapshot styles, PhotoPipeline pipeline,
                         List<PhotoAnalysis> analyses) throws IOException {
        // The session's key, opened once for the job's reads and writes alike.
        try (SessionKeys.OpenKey key = keys.keyForReading(job.sessionId()).orElseThrow(() -> new IOException("session key gone"))) {
            runWith(jobId, job, prefix, styles, pipeline, analyses, key);
        }
    }

    private void runWith(String jobId, JobEntity job, String prefix, StyleCatalog.Snapshot styles, PhotoPipeline pipeline,
                         List<PhotoAnalysis> analyses, SessionKeys.OpenKey key) throws IOException {
        List<PhotoEntity> chosen = photosOf(job);
        int outputs = styles.styles().stream().mapToInt(s -> s.outputs().size()).sum();
        int steps = chosen.size() + bestPhotos * outputs;
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
        List<Analysed> best = HeadshotPipeline.best(usable, x -> x.analysis().quality(), x -> true, bestPhotos);
        if (best.isEmpty()) {
            store.finish(jobId, JobState.FAILED, NO_USABLE_PHOTO);
            return;
        }
        store.markSelected(jobId, best.stream().map(x -> x.photo().id()).toList());
        steps = chosen.size() + best.size() * outputs;
        for (Analysed item : best) {
            byte[] bytes = photos.read(item.photo(), prefix, key);
            for (StyleCatalog.Offered style : styles.styles()) {
                io.headroom.pipeline.Rendered rendered = pipeline.render(bytes, item.analysis(), item.photo().fieldOfView(),
                        style.style(), style.outputs(), job.cutout());
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

    private List<PhotoEntity> photosOf(JobEntity job) {
        List<String> wanted = job.photoIds();
        return photos.all(job.sessionId()).stream().filter(p -> wanted.isEmpty() || wanted.contains(p.id())).toList();
    }

    private record Analysed(PhotoEntity photo, PhotoAnalysis analysis) {
    }
}
