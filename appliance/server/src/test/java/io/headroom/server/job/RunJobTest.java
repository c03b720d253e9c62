package io.headroom.server.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.face.Embedding;
import io.headroom.face.Exposure;
import io.headroom.face.Face;
import io.headroom.face.PhotoAnalysis;
import io.headroom.face.Point;
import io.headroom.face.Verdict;
import io.headroom.framing.Aspect;
import io.headroom.framing.Composition;
import io.headroom.job.JobState;
import io.headroom.perspective.FieldOfView;
import io.headroom.perspective.Perspective;
import io.headroom.pipeline.Headshot;
import io.headroom.pipeline.HeadshotCheck;
import io.headroom.pipeline.PhotoPipeline;
import io.headroom.pipeline.Rendered;
import io.headroom.server.fakes.FakeTransactions;
import io.headroom.server.fakes.MemoryAudit;
import io.headroom.server.fakes.MemoryHeadshots;
import io.headroom.server.fakes.MemoryKeys;
import io.headroom.server.fakes.MemoryPhotos;
import io.headroom.server.fakes.MemorySealedBlobs;
import io.headroom.server.fakes.MemorySessions;
import io.headroom.MutableClock;
import io.headroom.server.headshot.HeadshotEntity;
import io.headroom.server.photo.PhotoEntity;
import io.headroom.server.photo.TestPhotos;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.session.TestSessions;
import io.headroom.server.style.StyleCatalog;
import io.headroom.style.Style;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Running a job without a server or models: verdicts, the best photos, headshots sealed with their
 * session's deadline, no transaction open while the pipeline works, and a purge that stops it.
 */
class RunJobTest {

    private final FakeTransactions tx = new FakeTransactions();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final MemorySessions sessions = new MemorySessions(tx);
    private final MemoryPhotos photoRows = new MemoryPhotos(tx);
    private final MemoryHeadshots headshots = new MemoryHeadshots(tx);
    private final MemoryJobs jobs = new MemoryJobs(tx);
    private final MemoryKeys keys = new MemoryKeys(tx);
    private final MemorySealedBlobs sealed = new MemorySealedBlobs(tx);
    private final MemoryAudit audit = new MemoryAudit();
    private final List<JobEvents.Progress> announced = new ArrayList<>();
    private final JobStore store = new JobStore();
    private final RunJob run = new RunJob();
    private SessionEntity session;
    private String prefix;

    /** Analyses a photo by its first byte: its quality in tenths, 0 for a blurred one; renders a headshot per aspect. */
    private final FakePipeline pipeline = new FakePipeline();

    private final class FakePipeline implements PhotoPipeline {
        Runnable onRender = () -> { };
        int renders;

        @Override
        public PhotoAnalysis analyse(byte[] cleaned) {
            assertFalse(tx.open(), "a transaction was open while a photo was analysed");
            Face face = new Face(0.9, 100, 100, 200, 200, List.of(new Point(150, 180), new Point(250, 180), new Point(200, 230),
                    new Point(200, 270), new Point(110, 190), new Point(290, 190)));
            double quality = cleaned[0] / 10.0;
            return new PhotoAnalysis(Optional.of(face), 1, quality == 0 ? List.of(Verdict.TOO_BLURRY) : List.of(), 1, new Exposure(0, 0, 10, 240, 128),
                    quality, 0, Optional.empty(), Optional.empty());
        }

        @Override
        public Rendered render(byte[] cleaned, Face face, Optional<Embedding> original, Style style, List<Aspect> aspects, boolean cutouts,
                               Optional<FieldOfView> fieldOfView) {
            assertFalse(tx.open(), "a transaction was open while a headshot was rendered");
            renders++;
            onRender.run();
            List<Headshot> made = new ArrayList<>();
            for (Aspect a : aspects) {
                made.add(new Headshot(a, a.width(), a.height(), new byte[]{cleaned[0], 42}, List.of(), new Composition(Composition.STYLE, 0.4, 0.3, 0),
                        List.of(), new HeadshotCheck.Figures(0, 0, 0.4, 0.5, 120, 0, 1, List.of()), OptionalDouble.empty(),
                        cutouts ? Optional.of(new byte[]{cleaned[0], 7, 7}) : Optional.empty(),
                        Perspective.skipped(OptionalInt.of(60), true, "far")));
            }
            return new Rendered(made, List.of());
        }
    }

    @BeforeEach
    void wire() throws Exception {
        store.jobs = jobs;
        store.sessions = sessions;
        store.headshots = headshots;
        store.audit = audit;
        store.sealed = sealed;
        store.clock = clock;
        store.transactions = tx;
        store.jobsPerSession = 10;
        store.events = new Announcements();
        run.store = store;
        run.photos = TestPhotos.service(photoRows, sealed);
        run.keys = keys;
        run.sessions = sessions;
        run.clock = clock;
        run.bestPhotos = 2;
        run.catalog = new StyleCatalog() {
            @Override
            public Snapshot snapshot(List<String> ids) {
                return new Snapshot(ids.stream().map(id -> new Offered(Style.natural(), new byte[0], "image/jpeg", null, "1",
                        List.of(Aspect.SQUARE, Aspect.PORTRAIT))).toList(), List.of());
            }
        };
        session = TestSessions.open("s1", clock.instant(), Duration.ofHours(1));
        tx.inNew(() -> {
            sessions.add(session);
            prefix = session.storagePrefix(() -> "p1");
            try (var key = keys.keyForWriting("s1", session.deletesAt())) {
                // Photos of quality 0.5, 0 (blurred), 0.9 and 0.7.
                int n = 0;
                for (byte q : new byte[]{5, 0, 9, 7}) {
                    PhotoEntity p = TestPhotos.photo("photo" + n, "s1", "blob" + n, 100, clock.instant().plusSeconds(n));
                    sealed.put("s1", session.deletesAt(), prefix, TestPhotos.blobIdOf(p), new byte[]{q, 1, 2}, key);
                    photoRows.add(p);
                    n++;
                }
            }
            return null;
        });
    }

    private final class Announcements implements Event<JobEvents.Progress> {
        @Override
        public void fire(JobEvents.Progress event) {
            announced.add(event);
        }

        @Override
        public <U extends JobEvents.Progress> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends JobEvents.Progress> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<JobEvents.Progress> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends JobEvents.Progress> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends JobEvents.Progress> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theBestPhotosGiveHeadshotsSealedWithTheSessionsDeadline() {
        JobEntity job = store.create("s1", List.of("natural"), List.of(), true);

        run.run(job.id(), pipeline);

        assertEquals(JobState.DONE, job.state());
        assertEquals(4, jobs.photos(job.id()).size(), "a verdict for every photo");
        JobPhotoEntity blurred = jobs.findPhoto(job.id(), "photo1").orElseThrow();
        assertFalse(blurred.usable());
        assertEquals(List.of("too-blurry"), blurred.reasonCodes());
        assertEquals(List.of("photo2", "photo3"), jobs.photos(job.id()).stream().filter(JobPhotoEntity::selected).map(JobPhotoEntity::photoId).toList());
        List<HeadshotEntity> made = headshots.ofJob(job.id());
        assertEquals(List.of("photo2", "photo2", "photo3", "photo3"), made.stream().map(HeadshotEntity::photoId).toList(), "best photo first");
        assertTrue(made.stream().allMatch(HeadshotEntity::hasCutout));
        // 4 photos, 4 headshots and 4 cut-outs, each with its session's deadline.
        assertEquals(12, sealed.of("s1").size());
        assertTrue(sealed.of("s1").stream().allMatch(o -> o.deadline().equals(session.deletesAt())));
        assertEquals(JobState.DONE, announced.get(announced.size() - 1).state());
        assertEquals(List.of("job-finished: done"), audit.events);
    }

    @Test
    void aPurgeThatBeginsMidJobStopsItAndNothingMoreIsStored() {
        JobEntity job = store.create("s1", List.of("natural"), List.of(), false);
        pipeline.onRender = () -> {
            if (pipeline.renders == 2) {
                // The person deletes everything while the second photo renders: the purge's first
                // transaction closes the session and cancels its jobs, not waiting for the render.
                tx.inNew(() -> {
                    TestSessions.beginPurge(session);
                    store.purgeBegun("s1");
                    return null;
                });
            }
        };

        run.run(job.id(), pipeline);

        assertEquals(JobState.CANCELLED, job.state());
        assertEquals(2, headshots.ofJob(job.id()).size(), "only the first photo's headshots");
        assertEquals(4 + 2, sealed.of("s1").size(), "the render that lost the race stored nothing");
        assertEquals(JobState.CANCELLED, announced.get(announced.size() - 1).state());
    }

    @Test
    void noUsablePhotoFailsTheJobWithAReason() {
        JobEntity job = store.create("s1", List.of("natural"), List.of("photo1"), false);

        run.run(job.id(), pipeline);

        assertEquals(JobState.FAILED, job.state());
        assertEquals(RunJob.NO_USABLE_PHOTO, job.problem());
        assertEquals(0, pipeline.renders);
        assertEquals(4, sealed.of("s1").size());
    }

    @Test
    void aJobRunAgainAfterACrashDiscardsItsEarlierAttempt() {
        JobEntity job = store.create("s1", List.of("natural"), List.of(), false);
        pipeline.onRender = () -> {
            if (pipeline.renders == 2) {
                throw new Error("the appliance died here"); // after the best photo's headshots were stored
            }
        };
        try {
            run.run(job.id(), pipeline);
        } catch (Error expected) {
            // the process is gone: the job stays RUNNING in the database
        }
        List<HeadshotEntity> first = headshots.ofJob(job.id());
        assertEquals(2, first.size());
        assertEquals(JobState.RUNNING, job.state());
        // The next start queues it again and forgets its verdicts.
        assertEquals(List.of(job.id()), store.unfinishedForRestart());
        assertEquals(JobState.QUEUED, job.state());
        assertEquals(List.of(), jobs.photos(job.id()));
        pipeline.onRender = () -> { };

        run.run(job.id(), pipeline);

        assertEquals(JobState.DONE, job.state());
        List<HeadshotEntity> second = headshots.ofJob(job.id());
        assertEquals(4, second.size());
        assertTrue(second.stream().noneMatch(first::contains), "the earlier attempt's headshots went");
        assertEquals(4 + 4, sealed.of("s1").size(), "and their objects with them");
    }

    @Test
    void aSessionPastItsDeadlineCancelsTheJobBeforeAnyPhotoIsOpened() {
        JobEntity job = store.create("s1", List.of("natural"), List.of(), false);
        clock.advance(Duration.ofHours(2));

        run.run(job.id(), pipeline);

        assertEquals(JobState.CANCELLED, job.state());
        assertEquals(0, pipeline.renders);
        assertTrue(headshots.rows.isEmpty());
    }

    @Test
    void aSessionHasAtMostItsLimitOfJobsQueuedOrRunningAndOthersAreStillServed() throws Exception {
        store.jobsPerSession = 2;
        JobEntity one = store.create("s1", List.of("natural"), List.of(), false);
        store.create("s1", List.of("natural"), List.of(), false);

        io.headroom.problem.ProblemException limited = org.junit.jupiter.api.Assertions.assertThrows(io.headroom.problem.ProblemException.class,
                () -> store.create("s1", List.of("natural"), List.of(), false));
        assertEquals(io.headroom.problem.ProblemType.TOO_MANY_JOBS, limited.type());
        assertTrue(limited.retryAfter().isPresent());
        assertEquals(2, jobs.of("s1").size(), "nothing was queued");
        tx.inNew(() -> {
            sessions.add(TestSessions.open("s2", clock.instant(), Duration.ofHours(1)));
            return null;
        });
        store.create("s2", List.of("natural"), List.of(), false);

        run.run(one.id(), pipeline);
        store.create("s1", List.of("natural"), List.of(), false); // a finished job frees its place
    }
}
