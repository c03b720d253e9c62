package io.headroom.job;

import java.util.Locale;

/**
 * Where a job is, and where it may go:
 *
 * <pre>
 * QUEUED ─► RUNNING ─► DONE | FAILED | CANCELLED
 *   │  ▲        │
 *   │  └────────┘ (the process died under it: queued again at start-up, runs from the beginning)
 *   └─► CANCELLED (its session was deleted or fell due first)
 * </pre>
 *
 * A finished job never moves again.
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

    /** Whether a job in this state may move to {@code next}. */
    public boolean canBecome(JobState next) {
        return switch (this) {
            case QUEUED -> next == RUNNING || next == CANCELLED;
            case RUNNING -> next == DONE || next == FAILED || next == CANCELLED || next == QUEUED;
            case DONE, FAILED, CANCELLED -> false;
        };
    }

    /** The state as the API writes it ({@code "running"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
