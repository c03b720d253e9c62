package io.headroom.session;

/**
 * Where a session is in its life. A session moves only forward:
 *
 * <pre>
 * OPEN ─► RENDERING ─► READY ─► PURGING ─► PURGED
 *   └──────────┴──────────┴───────┘ (deadline reached, or "delete everything now")
 * </pre>
 *
 * <ul>
 *   <li>{@code OPEN}: consent given; photos may be uploaded.</li>
 *   <li>{@code RENDERING}: a job is making headshots.</li>
 *   <li>{@code READY}: results can be downloaded.</li>
 *   <li>{@code PURGING}: its purge has begun (the key is destroyed, jobs cancelled); nothing new
 *       is recorded for it, and it answers 404 everywhere.</li>
 *   <li>{@code PURGED}: photos, results and the key are gone; only the receipt remains.</li>
 * </ul>
 *
 * The deadline ({@code deletesAt}) is fixed when the session is created and may only move
 * earlier. From the deadline on the session is gone for everyone, whether or not its purge has run.
 */
public enum SessionState {
    OPEN,
    RENDERING,
    READY,
    PURGING,
    PURGED
}
