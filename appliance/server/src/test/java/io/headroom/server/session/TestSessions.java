package io.headroom.server.session;

import java.time.Duration;
import java.time.Instant;

/** Sessions as {@link OpenSession} makes them, for the unit tests of other features' use cases. */
public final class TestSessions {

    private TestSessions() {
    }

    /** An open session created at {@code now} that is deleted after {@code retention}. */
    public static SessionEntity open(String id, Instant now, Duration retention) {
        return new SessionEntity(id, "hash-of-" + id, now, now.plus(retention), now, "test-policy", "receipt-" + id, null);
    }

    /** The session's purge has begun (as {@link PurgeSession} begins it). */
    public static void beginPurge(SessionEntity session) {
        session.beginPurge(PurgeSession.Reason.ON_REQUEST);
    }
}
