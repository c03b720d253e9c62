package io.headroom.server.session;

import io.headroom.session.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions as stored: the only user of the {@code SESSIONS} table. Every method works in the
 * caller's transaction; {@link #lock} holds the row until that transaction ends.
 */
public interface SessionRepository {

    void add(SessionEntity session);

    Optional<SessionEntity> find(String id);

    /** The session, locked against every other writer (and locker) until the transaction ends. */
    Optional<SessionEntity> lock(String id);

    /** Removes the session's row; what references it (its jobs) goes with it by the schema's cascade. */
    void remove(SessionEntity session);

    /**
     * Ids of sessions to purge at {@code now}, soonest deadline first, at most {@code max}: those
     * whose deadline has passed and those whose purge began on request, except the ones whose
     * failed purge waits for its retry.
     */
    List<String> due(Instant now, int max);

    /** How many sessions have a purge that failed and waits for its retry. */
    long failingPurges();

    /** How many sessions are in each state (every state present, 0 where none). */
    Map<SessionState, Long> countByState();

    /** The {@code n} sessions due first (soonest deadline, then id). */
    List<SessionEntity> dueFirst(int n);
}
