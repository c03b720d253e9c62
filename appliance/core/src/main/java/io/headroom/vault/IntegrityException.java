package io.headroom.vault;

/**
 * A sealed blob is not what was sealed: altered, cut short, reordered, or belonging to another
 * blob or session. Reading stops; no unauthenticated byte is ever returned.
 */
public class IntegrityException extends VaultException {

    public IntegrityException(String message) {
        super(message);
    }
}
