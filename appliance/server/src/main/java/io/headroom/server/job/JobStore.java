package io.headroom.server.job;

import io.headroom.job.JobState;
import io.headroom.security.RandomTokens;
import io.headroom.server.headshot.HeadshotEntity;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.server.vault.SessionVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Jobs in the database: every state change is its own short transaction, so progress is visible at once. */
@ApplicationScoped
public class JobStore {

    private final RandomTokens random = new RandomTokens();

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Inject
    io.headroom.server.audit.AuditLog audit;

    @Inject
    SealedBlobs sealed;

    @Inject
    Clock clock;

    @Inject
    Event<JobEvents.Progress> events;

    @Transactional
    public JobEntity create(String sessionId, List<String> styles, List<String> photoIds, boolean cutout) {
        JobEntity job = new JobEntity(random.id(), sessionId, styles, photoIds, cutout, clock.instant());
        em.persist(job);
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JobEntity> find(String sessionId, String jobId) {
        JobEntity j = jobId == null || jobId.length() > 32 ? null : em.find(JobEntity.class, jobId);
        return j == null || !j.sessionId().equals(sessionId) ? Optional.empty() : Optional.of(j);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobPhotoEntity> photos(String jobId) {
        return em.createQuery("SELECT p FROM JobPhotoEntity p WHERE p.jobId = :j ORDER BY p.photoId", JobPhotoEntity.class)
                .setParameter("j", jobId).getResultList();
    }

    /** QUEUED → RUNNING; empty when the job is gone or not queued (cancelled, or taken by another worker). */
    @Transactional
    public Optional<JobEntity> start(String jobId) {
        JobEntity j = em.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
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
    }

    /** Whether the job should keep going (not cancelled, its session not past its deadline nor deleted). */
    @Transactional
    public boolean progress(String jobId, int percent) {
        JobEntity j = em.find(JobEntity.class, jobId);
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
    }

    @Transactional
    public void recordPhoto(String jobId, String photoId, boolean usable, List<String> reasons, double quality) {
        em.persist(new JobPhotoEntity(jobId, photoId, usable, reasons, quality));
    }

    /** Records the outputs of a photo that gave no headshot, and why. */
    @Transactional
    public void recordSkipped(String jobId, String photoId, List<SkippedOutput> outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        JobPhotoEntity e = em.find(JobPhotoEntity.class, new JobPhotoEntity.Key(jobId, photoId));
        if (e != null) {
            e.skip(outputs);
        }
    }

    @Transactional
    public void markSelected(String jobId, List<String> photoIds) {
        for (String p : photoIds) {
            JobPhotoEntity e = em.find(JobPhotoEntity.class, new JobPhotoEntity.Key(jobId, p));
            if (e != null) {
                e.select();
            }
        }
    }

    /**
     * Seals and stores a headshot, and its cut-out when it has one ({@code cutout} null: none; then
     * the row names no cut-out blob), and records it, if its job still runs; returns false (and
     * stores nothing) when the job was cancelled meanwhile. Both blobs are sealed with the
     * session's key under its prefix, and get their deadlines in this transaction, so the purge
     * deletes them together.
     */
    @Transactional
    public boolean storeHeadshot(HeadshotEntity headshot, String prefix, byte[] jpeg, byte[] cutout, SessionVault.OpenKey key)
            throws IOException {
        JobEntity j = em.find(JobEntity.class, headshot.jobId(), LockModeType.PESSIMISTIC_READ);
        // The purge cancels the job under this lock first, so a headshot is stored before the purge
        // lists the session's objects, or not at all.
        if (j == null || j.state() != JobState.RUNNING || sessionGone(j)) {
            java.util.Arrays.fill(jpeg, (byte) 0);
            if (cutout != null) {
                java.util.Arrays.fill(cutout, (byte) 0);
            }
            return false;
        }
        java.time.Instant deadline = em.find(SessionEntity.class, headshot.sessionId()).deletesAt();
        try {
            sealed.put(headshot.sessionId(), deadline, prefix, headshot.blobId(), jpeg, key);
            if (cutout != null) {
                try {
                    sealed.put(headshot.sessionId(), deadline, prefix, headshot.cutoutBlobId(), cutout, key);
                } catch (IOException | RuntimeException e) {
                    // The row is not recorded: its headshot's blob must not stay behind without it.
                    sealed.deleteQuietly(prefix, headshot.blobId());
                    throw e;
                }
            }
        } finally {
            if (cutout != null) {
                java.util.Arrays.fill(cutout, (byte) 0); // put wipes it too, but not when the headshot's put failed first
            }
        }
        em.persist(headshot);
        return true;
    }

    @Transactional
    public void finish(String jobId, JobState end, String problem) {
        JobEntity j = em.find(JobEntity.class, jobId);
        if (j != null && !j.state().finished()) {
            end(j, end, problem);
        }
    }

    private void end(JobEntity j, JobState end, String problem) {
        j.finish(end, problem, clock.instant());
        audit.record("job-finished", end.wireName() + (problem == null ? "" : " (" + problem + ")"));
        publish(j);
    }

    /** Whether the job's session is past its deadline or being purged: its job ends with it. */
    private boolean sessionGone(JobEntity j) {
        SessionEntity s = em.find(SessionEntity.class, j.sessionId());
        return s == null || s.goneAt(clock.instant());
    }

    /** Cancels every unfinished job of a session whose purge has begun, in the purge's own transaction. */
    void onPurgeBegun(@jakarta.enterprise.event.Observes io.headroom.server.session.PurgeBegun begun) {
        cancelAll(begun.sessionId());
    }

    /** Cancels every unfinished job of a session (it is being deleted). */
    private void cancelAll(String sessionId) {
        for (JobEntity j : em.createQuery("SELECT j FROM JobEntity j WHERE j.sessionId = :s", JobEntity.class)
                .setParameter("s", sessionId).getResultList()) {
            if (!j.state().finished()) {
                j.finish(JobState.CANCELLED, null, clock.instant());
                publish(j);
            }
        }
    }

    /**
     * Jobs to run after a restart: queued ones, and running ones (the process died under them),
     * requeued; those whose session is past its deadline are cancelled instead.
     */
    @Transactional
    public List<String> unfinishedForRestart() {
        List<JobEntity> jobs = em.createQuery("SELECT j FROM JobEntity j WHERE j.state IN :s ORDER BY j.createdAt", JobEntity.class)
                .setParameter("s", List.of(JobState.QUEUED, JobState.RUNNING)).getResultList();
        List<String> resumed = new java.util.ArrayList<>();
        for (JobEntity j : jobs) {
            if (sessionGone(j)) {
                // Its session is due: the job ends with it instead of running on data being purged.
                end(j, JobState.CANCELLED, null);
                continue;
            }
            resumed.add(j.id());
            if (j.state() == JobState.RUNNING) {
                em.createQuery("DELETE FROM JobPhotoEntity p WHERE p.jobId = :j").setParameter("j", j.id()).executeUpdate();
                j.requeue();
            }
        }
        return resumed;
    }

    /** The headshots a job has made so far, in the order they were made (best photo first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HeadshotEntity> headshotsOf(String jobId) {
        return em.createQuery("SELECT h FROM HeadshotEntity h WHERE h.jobId = :j ORDER BY h.createdAt, h.id", HeadshotEntity.class)
                .setParameter("j", jobId).getResultList();
    }

    /** Headshots a job had recorded before it stopped, to start it again cleanly. */
    @Transactional
    public List<HeadshotEntity> takeHeadshotsOf(String jobId) {
        List<HeadshotEntity> done = em.createQuery("SELECT h FROM HeadshotEntity h WHERE h.jobId = :j", HeadshotEntity.class)
                .setParameter("j", jobId).getResultList();
        done.forEach(em::remove);
        return done;
    }

    private void publish(JobEntity j) {
        events.fire(new JobEvents.Progress(j.id(), j.state(), j.progress()));
    }
}
