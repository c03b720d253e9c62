package io.headroom.server.db;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/** A row that belongs to one session (a photo, a job, a headshot). */
public interface SessionOwned {

    String sessionId();

    /**
     * The row of {@code type} with this id if it belongs to {@code sessionId}; empty for any other
     * id, another session's included, so a caller cannot tell "not yours" from "not there". Ids are
     * at most 32 characters; longer ones are not looked up.
     */
    static <T extends SessionOwned> Optional<T> find(EntityManager em, Class<T> type, String sessionId, String id) {
        T row = id == null || id.length() > 32 ? null : em.find(type, id);
        return row == null || !row.sessionId().equals(sessionId) ? Optional.empty() : Optional.of(row);
    }
}
