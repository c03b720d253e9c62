package io.headroom.session;

/**
 * Where a session is in its life. A session moves only forward:
 *
 * <pre>
 * OPEN ─► RENDERING ─► READY ─► PURGED
 *   └──────────┴──────────┴───────┘ (deadline reached, or "delete everything now")
 * </pre>
 *
 * <ul>
 *   <li>{@code OPEN}: consent given; photos may be uploaded.</li>
 *   <li>{@code RENDERING}: a job is making headshots.</li>
 *   <li>{@code READY}: results can be downloaded.</li>
 *   <li>{@code PURGED}: photos, results and the key are gone; only the receipt remains.</li>
 * </ul>
 *
 * The deadline ({@code deletesAt}) is fixed when the session is created and may only move
 * earlier.
 */
public enum SessionState {
    OPEN,
    RENDERING,
    READY,
    PURGED
}
