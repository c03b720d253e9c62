package io.headroom.server.vault;

import io.headroom.plugin.api.storage.StorageKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The deadline rows of stored objects, one per object; every method works in the caller's transaction. */
public interface BlobDeadlineRepository {

    void add(String sessionId, StorageKey key, Instant deadline);

    /** Every row of the session takes {@code deadline}. */
    void moveSession(String sessionId, Instant deadline);

    /** Removes the rows of these objects, where there are any. */
    void remove(List<StorageKey> keys);

    /** The storage keys of every row. */
    Set<String> allKeys();
}
