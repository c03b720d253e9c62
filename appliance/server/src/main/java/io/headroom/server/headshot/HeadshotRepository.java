package io.headroom.server.headshot;

import java.util.List;
import java.util.Optional;

/** Headshots as recorded: the only user of the {@code HEADSHOTS} table. Every method works in the caller's transaction. */
public interface HeadshotRepository {

    void add(HeadshotEntity headshot);

    /** The session's headshots in the order they were made. */
    List<HeadshotEntity> of(String sessionId);

    /** The headshots a job has made so far, in the order they were made (best photo first). */
    List<HeadshotEntity> ofJob(String jobId);

    /** The headshot, if it is this session's (see {@link io.headroom.server.db.SessionOwned#find}). */
    Optional<HeadshotEntity> find(String sessionId, String headshotId);

    /** Removes the job's headshot rows and returns them (their objects are the caller's to delete). */
    List<HeadshotEntity> removeAllOfJob(String jobId);
}
