package io.headroom.server.job;

import io.headroom.job.JobState;
import io.headroom.plugin.api.storage.StorageKey;
import io.headroom.security.RandomTokens;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.db.Transactions;
import io.headroom.server.headshot.HeadshotEntity;
import io.headroom.server.headshot.HeadshotRepository;
import io.headroom.server.session.SessionBelongings;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.session.SessionRepository;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A job's life in the database: every step (created, started, a verdict, progress, a headshot with
 * its objects, the end) is its own short transaction, begun and committed here, so progress is
 * visible at once and announced, and no transaction is ever open while the pipeline works; a session's purge cancels its jobs (as one of its
 * {@link SessionBelongings}: the job rows themselves go with the session by the schema's cascade).
 */
@ApplicationScoped
public class JobStore implements SessionBelongings {

    private final RandomTokens random = new RandomTokens();

    @Inject
    JobRepository jobs;

    @Inject
    SessionRepository sessions;

    @Inject
    HeadshotRepository headshots;

    @Inject
    AuditLog audit;

    @Inject
    SealedBlobs sealed;

    @Inject
    Clock clock;

    @Inject
    Transactions transactions;

    @Inject
    Event<JobEvents.Progress> events;

    @Inject
    HeadroomSettings settings;

    /** From the settings at start (a unit test sets it directly). */
    int jobsPerSession;

    /** When a session at its job limit may ask again: about the time one job takes. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(30);

    @PostConstruct
    void init() {
        jobsPerSession = settings.limits().jobsPerSession();
    }

    /**
     * Queues a job for the session, if it has fewer than {@code headroom.limits.jobs-per-session}
     * queued or running: counted with the session's row locked, so two requests at once cannot pass
     * the limit together.
     *
     * @throws ProblemException 429 {@code too-many-jobs} with Retry-After at the limit
     */
    public JobEntity create(String sessionId, List<String> styles, List<String> photoIds, boolean cutout) {
        JobEntity job = new JobEntity(random.id(), sessionId, styles, photoIds, cutout, clock.instant());
        return transactions.inNew(() -> {
            sessions.lock(sessionId);
            long unfinished = jobs.of(sessionId).stream().filter(j -> !j.state().finished()).count();
            if (unfinished >= jobsPerSession) {
                throw new ProblemException(ProblemType.TOO_MANY_JOBS, "This session has " + unfinished
                        + " job(s) queued or running, as many as one session may. Wait for one to finish, then ask again.",
                        BUSY_RETRY);
            }
            jobs.add(job);
            return job;
        });
    }

    public Optional<JobEntity> find(String sessionId, String jobId) {
        return jobs.find(sessionId, jobId);
    }

    public List<JobPhotoEntity> photos(String jobId) {
        return jobs.photos(jobId);
    }

    /** QUEUED → RUNNING; empty when the job is gone or not queued (cancelled, or taken by another worker). */
    public Optional<JobEntity> start(String jobId) {
        return transactions.inNew(() -> {
            JobEntity j = jobs.lock(jobId).orElse(null);
            if (j == null || j.state() != JobState.QUEUED) {
                return Optional.empty();
            }
            if (sessionGone(j)) {
                end(j, JobState.CANCELLED, null);
                return Optional.empty();
            }
            j.start(clock.instant());
            publish(j);
            return Optional.of(j);
        });
    }

    /** Whether the job should keep going (not cancelled, its session not past its deadline nor deleted). */
    public boolean progress(String jobId, int percent) {
        return transactions.inNew(() -> {
            JobEntity j = jobs.find(jobId).orElse(null);
            if (j == null || j.state() != JobState.RUNNING) {
                return false;
            }
            if (sessionGone(j)) {
                end(j, JobState.CANCELLED, null);
                return false;
            }
            j.progress(percent);
            publish(j);
            return true;
        });
    }

    public void recordPhoto(String jobId, String photoId, boolean usable, List<String> reasons, double quality) {
        transactions.inNew(() -> {
            jobs.addPhoto(new JobPhotoEntity(jobId, photoId, usable, reasons, quality));
            return null;
        });
    }

    /** Records the outputs of a photo that gave no headshot, and why. */
    public void recordSkipped(String jobId, String photoId, List<SkippedOutput> outputs) {
        if (!outputs.isEmpty()) {
            transactions.inNew(() -> {
                jobs.findPhoto(jobId, photoId).ifPresent(p -> p.skip(outputs));
                return null;
            });
        }
    }

    public void markSelected(String jobId, List<String> photoIds) {
        transactions.inNew(() -> {
            photoIds.forEach(p -> jobs.findPhoto(jobId, p).ifPresent(JobPhotoEntity::select));
            return null;
        });
    }

    /**
     * Seals and stores a headshot, and its cut-out when it has one ({@code cutout} null: none; then
     * the row names no cut-out blob), and records it, if its job still runs; returns false (and
     * stores nothing) when the job was cancelled meanwhile. Both blobs are sealed with the
     * session's key under its prefix, and get their deadlines in this transaction, so the purge
     * deletes them together. Wipes {@code jpeg} and {@code cutout}.
     */
    public boolean storeHeadshot(HeadshotEntity headshot, String prefix, byte[] jpeg, byte[] cutout, SessionKeys.OpenKey key)
            throws IOException {
        try {
            return transactions.inNew(() -> storeIfRunning(headshot, prefix, jpeg, cutout, key));
        } finally {
            Arrays.fill(jpeg, (byte) 0);
            if (cutout != null) {
                Arrays.fill(cutout, (byte) 0);
            }
        }
    }

    private boolean storeIfRunning(HeadshotEntity headshot, String prefix, byte[] jpeg, byte[] cutout, SessionKeys.OpenKey key)
            throws IOException {
        JobEntity j = jobs.lockShared(headshot.jobId()).orElse(null);
        // The purge cancels the job under this lock first, so a headshot is stored before the
        // purge lists the session's objects, or not at all.
        Optional<SessionEntity> session = sessions.find(headshot.sessionId());
        if (j == null || j.state() != JobState.RUNNING || session.isEmpty() || session.get().goneAt(clock.instant())) {
            return false;
        }
        Instant deadline = session.get().deletesAt();
        sealed.put(headshot.sessionId(), deadline, prefix, headshot.blobId(), jpeg, key);
        if (cutout != null) {
            try {
                sealed.put(headshot.sessionId(), deadline, prefix, headshot.cutoutBlobId(), cutout, key);
            } catch (IOException | RuntimeException e) {
                // The row is not recorded: its headshot's blob must not stay behind without it.
                discardQuietly(List.of(SealedBlobs.keyOf(prefix, headshot.blobId())));
                throw e;
            }
        }
        headshots.add(headshot);
        return true;
    }

    public void finish(String jobId, JobState end, String problem) {
        transactions.inNew(() -> {
            jobs.find(jobId).filter(j -> !j.state().finished()).ifPresent(j -> end(j, end, problem));
            return null;
        });
    }

    /**
     * Jobs to run after a restart: queued ones, and running ones (the process died under them),
     * requeued; those whose session is past its deadline are cancelled instead.
     */
    public List<String> unfinishedForRestart() {
        return transactions.inNew(() -> {
            List<String> resumed = new ArrayList<>();
            for (JobEntity j : jobs.unfinished()) {
                if (sessionGone(j)) {
                    // Its session is due: the job ends with it instead of running on data being purged.
                    end(j, JobState.CANCELLED, null);
                    continue;
                }
                resumed.add(j.id());
                if (j.state() == JobState.RUNNING) {
                    jobs.removePhotos(j.id());
                    j.requeue();
                }
            }
            return resumed;
        });
    }

    /** The headshots a job has made so far, in the order they were made (best photo first). */
    public List<HeadshotEntity> headshotsOf(String jobId) {
        return headshots.ofJob(jobId);
    }

    /**
     * A job run again after a crash starts clean: the headshots of its earlier attempt go, their
     * rows in this transaction and then their objects (with their deadline rows).
     */
    public void discardEarlierAttempt(String jobId, String prefix) {
        List<StorageKey> objects = new ArrayList<>();
        for (HeadshotEntity h : transactions.inNew(() -> headshots.removeAllOfJob(jobId))) {
            objects.add(SealedBlobs.keyOf(prefix, h.blobId()));
            if (h.hasCutout()) {
                objects.add(SealedBlobs.keyOf(prefix, h.cutoutBlobId()));
            }
        }
        discardQuietly(objects);
    }

    /** Cancels every unfinished job of a session whose purge has begun, in the purge's first transaction. */
    @Override
    public void purgeBegun(String sessionId) {
        for (JobEntity j : jobs.of(sessionId)) {
            if (!j.state().finished()) {
                j.finish(JobState.CANCELLED, null, clock.instant());
                publish(j);
            }
        }
    }

    /** Job rows go with their session by the schema's cascade; the receipt does not list them. */
    @Override
    public List<Deleted> deleteAllOf(String sessionId) {
        return List.of();
    }

    private void end(JobEntity j, JobState end, String problem) {
        j.finish(end, problem, clock.instant());
        audit.record("job-finished", end.wireName() + (problem == null ? "" : " (" + problem + ")"));
        publish(j);
    }

    /** Whether the job's session is past its deadline or being purged: its job ends with it. */
    private boolean sessionGone(JobEntity j) {
        return sessions.find(j.sessionId()).map(s -> s.goneAt(clock.instant())).orElse(true);
    }

    private void discardQuietly(List<StorageKey> objects) {
        try {
            sealed.discard(objects);
        } catch (io.headroom.plugin.api.storage.StorageException | RuntimeException e) {
            // Only ciphertext stays, with its deadline row, and goes with its session.
            java.util.logging.Logger.getLogger(JobStore.class.getName())
                    .warning("An unrecorded headshot could not be deleted; it is sealed and will go with its session: "
                            + e.getClass().getName());
        }
    }

    private void publish(JobEntity j) {
        events.fire(new JobEvents.Progress(j.id(), j.state(), j.progress()));
    }
}
