package io.headroom.model;

/** A model file is missing, unreadable or not the file the manifest names. The appliance refuses to use it. */
public class ModelIntegrityException extends RuntimeException {

    public ModelIntegrityException(String message) {
        super(message);
    }
}
