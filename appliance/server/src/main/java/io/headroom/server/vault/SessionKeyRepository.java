package io.headroom.server.vault;

import java.util.Optional;
import java.util.Set;

/** The wrapped data keys of sessions, one row per session; every method works in the caller's transaction. */
public interface SessionKeyRepository {

    Optional<SessionKeyEntity> find(String sessionId);

    void add(SessionKeyEntity key);

    void remove(SessionKeyEntity key);

    /**
     * The key-encryption keys that wrap a stored data key directly (keys made before key epochs
     * existed): they must outlive every epoch rotation until those sessions are gone.
     */
    Set<String> keksWrappingDirectly();
}
