package io.headroom.server.job;

import java.util.List;
import java.util.Optional;

/**
 * Jobs and their photos' verdicts as recorded: the only user of the {@code JOBS} and
 * {@code JOB_PHOTOS} tables. Every method works in the caller's transaction; the lock methods hold
 * the row until it ends.
 */
public interface JobRepository {

    void add(JobEntity job);

    /** The job, if it is this session's (see {@link io.headroom.server.db.SessionOwned#find}). */
    Optional<JobEntity> find(String sessionId, String jobId);

    Optional<JobEntity> find(String jobId);

    /** The job, locked against other writers until the transaction ends. */
    Optional<JobEntity> lock(String jobId);

    /** The job, locked against writers (a cancel) but not against other readers. */
    Optional<JobEntity> lockShared(String jobId);

    /** Every job of the session. */
    List<JobEntity> of(String sessionId);

    /** Queued and running jobs, oldest first. */
    List<JobEntity> unfinished();

    void addPhoto(JobPhotoEntity photo);

    Optional<JobPhotoEntity> findPhoto(String jobId, String photoId);

    /** The job's photos' verdicts, by photo id. */
    List<JobPhotoEntity> photos(String jobId);

    /** Removes the job's photos' verdicts (a job run again starts clean). */
    void removePhotos(String jobId);
}
