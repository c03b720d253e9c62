package io.headroom.plugin.api.storage;

/** {@link StorageDriver#get} found no object under the key. */
public class NoSuchObjectException extends StorageException {

    public NoSuchObjectException(StorageKey key) {
        super("No stored object under key " + key);
    }
}
