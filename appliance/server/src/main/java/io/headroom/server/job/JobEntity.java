package io.headroom.server.job;

import io.headroom.job.JobState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A job as stored: which styles, which photos (all when none named), whether cut-outs too, where it is. */
@Entity
@Table(name = "JOBS")
public class JobEntity implements io.headroom.server.db.SessionOwned {

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "SESSION_ID", nullable = false, length = 32)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private JobState state;

    @Column(name = "STYLES", nullable = false, length = 500)
    private String styles;

    @Column(name = "PHOTO_IDS", length = 2000)
    private String photoIds;

    /** Whether each headshot also gets its cut-out (the person alone, a PNG with alpha). */
    @Column(name = "CUTOUT", nullable = false)
    private boolean cutout;

    @Column(name = "PROGRESS", nullable = false)
    private int progress;

    @Column(name = "PROBLEM", length = 64)
    private String problem;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "STARTED_AT")
    private Instant startedAt;

    @Column(name = "FINISHED_AT")
    private Instant finishedAt;

    protected JobEntity() {
        // for JPA
    }

    JobEntity(String id, String sessionId, List<String> styles, List<String> photoIds, boolean cutout, Instant createdAt) {
        this.id = id;
        this.cutout = cutout;
        this.sessionId = sessionId;
        this.state = JobState.QUEUED;
        this.styles = String.join(",", styles);
        this.photoIds = photoIds == null || photoIds.isEmpty() ? null : String.join(",", photoIds);
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    public JobState state() {
        return state;
    }

    public List<String> styles() {
        return Arrays.asList(styles.split(","));
    }

    /** The photos the job is limited to; empty for all of the session's photos. */
    public List<String> photoIds() {
        return photoIds == null ? List.of() : Arrays.asList(photoIds.split(","));
    }

    /** Whether the job makes a cut-out beside each headshot. */
    public boolean cutout() {
        return cutout;
    }

    /** The one way a job's state changes: along {@link JobState#canBecome}. */
    private void moveTo(JobState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("a job cannot go from " + state + " to " + next);
        }
        state = next;
    }

    public int progress() {
        return progress;
    }

    public String problem() {
        return problem;
    }

    public Instant createdAt() {
        return createdAt;
    }

    void start(Instant now) {
        moveTo(JobState.RUNNING);
        progress = 0;
        startedAt = now;
    }

    /** RUNNING → QUEUED: the process died under it; it runs again from the beginning. */
    void requeue() {
        moveTo(JobState.QUEUED);
        progress = 0;
    }

    void progress(int percent) {
        progress = Math.max(0, Math.min(100, percent));
    }

    void finish(JobState end, String problemCode, Instant now) {
        if (!end.finished()) {
            throw new IllegalArgumentException(end + " does not end a job");
        }
        moveTo(end);
        problem = problemCode;
        if (end == JobState.DONE) {
            progress = 100;
        }
        finishedAt = now;
    }
}
