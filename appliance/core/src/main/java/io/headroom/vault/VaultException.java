package io.headroom.vault;

import java.io.IOException;

/** The vault could not seal, open, wrap or unwrap. Never carries key material or plaintext. */
public class VaultException extends IOException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
