package io.headroom.server.vault;

import java.util.Optional;

/** The wrapped data keys of sessions, one row per session; every method works in the caller's transaction. */
public interface SessionKeyRepository {

    Optional<SessionKeyEntity> find(String sessionId);

    void add(SessionKeyEntity key);

    void remove(SessionKeyEntity key);
}
