package io.headroom.server.photo;

import java.util.List;
import java.util.Optional;

/** Photos as recorded: the only user of the {@code PHOTOS} table. Every method works in the caller's transaction. */
public interface PhotoRepository {

    void add(PhotoEntity photo);

    /** How many photos the session has. */
    long count(String sessionId);

    /** The session's photos in upload order. */
    List<PhotoEntity> of(String sessionId);

    /** The photo, if it is this session's (see {@link io.headroom.server.db.SessionOwned#find}). */
    Optional<PhotoEntity> find(String sessionId, String photoId);
}
