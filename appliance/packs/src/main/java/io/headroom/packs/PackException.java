package io.headroom.packs;

/** A pack could not be installed or removed; the message says why in plain words. */
public final class PackException extends RuntimeException {

    public PackException(String message) {
        super(message);
    }

    public PackException(String message, Throwable cause) {
        super(message, cause);
    }
}
