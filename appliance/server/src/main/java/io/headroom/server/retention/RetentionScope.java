package io.headroom.server.retention;

import java.util.ArrayList;
import java.util.List;

/**
 * What the current {@link Retained} invocation has stored, per thread. Storage of user data
 * registers here and fails outside such an invocation, so data created elsewhere is a bug that
 * every flow test catches.
 */
public final class RetentionScope {

    /** One stored object and the session it belongs to. */
    public record Created(String sessionId, String storageKey) {
    }

    private static final ThreadLocal<List<Created>> CURRENT = new ThreadLocal<>();

    private RetentionScope() {
    }

    /** Called by storage for each object it writes. */
    public static void created(String sessionId, String storageKey) {
        List<Created> scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException("User data stored outside a @Retained method: it would have no deadline");
        }
        scope.add(new Created(sessionId, storageKey));
    }

    static List<Created> open() {
        List<Created> outer = CURRENT.get();
        CURRENT.set(new ArrayList<>());
        return outer;
    }

    static List<Created> close(List<Created> outer) {
        List<Created> mine = CURRENT.get();
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
        return mine;
    }
}
