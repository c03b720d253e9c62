package io.headroom.session;

/**
 * Where a session is in its life. A session moves only forward:
 *
 * <pre>
 * OPEN ─► PURGING ─► (gone: its rows deleted, its receipt issued)
 *     (deadline reached, or "delete everything now")
 * </pre>
 *
 * <ul>
 *   <li>{@code OPEN}: consent given; photos may be uploaded, jobs run, headshots downloaded.</li>
 *   <li>{@code PURGING}: its purge has begun (the key is destroyed, jobs cancelled); nothing new
 *       is recorded for it, and it answers 404 everywhere.</li>
 * </ul>
 *
 * How far its work has come is not a session state: each job has its own ({@code queued → running
 * → done | failed | cancelled}) and the session's headshots are listed as they are made, so the
 * session does not copy either (the {@code RENDERING}, {@code READY} and {@code PURGED} once
 * declared here were never entered: a purged session has no row left to hold a state).
 *
 * The deadline ({@code deletesAt}) is fixed when the session is created and may only move
 * earlier. From the deadline on the session is gone for everyone, whether or not its purge has run.
 */
public enum SessionState {
    OPEN,
    PURGING;

    /** The state as the API writes it ({@code "open"}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
