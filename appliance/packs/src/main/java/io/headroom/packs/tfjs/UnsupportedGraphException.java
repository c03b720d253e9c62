package io.headroom.packs.tfjs;

/** The graph uses something the converter does not handle; the message names the node. */
public final class UnsupportedGraphException extends RuntimeException {

    public UnsupportedGraphException(String message) {
        super(message);
    }
}
