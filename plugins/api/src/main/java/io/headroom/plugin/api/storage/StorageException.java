package io.headroom.plugin.api.storage;

import java.io.IOException;

/**
 * A storage operation failed. Messages name the driver and the operation, never object contents,
 * and may name a key (keys are random and say nothing).
 */
public class StorageException extends IOException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
