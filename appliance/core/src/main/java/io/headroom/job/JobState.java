package io.headroom.job;

/**
 * Where a job is: {@code QUEUED → RUNNING → DONE | FAILED | CANCELLED}. A job that was RUNNING
 * when the process died is queued again at start-up and runs from the beginning.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
