package io.headroom.cli;

/** A failure the command reports as one clear line and a non-zero exit status, without a stack trace. */
public class CliException extends RuntimeException {

    private final int status;

    public CliException(String message) {
        this(message, 2);
    }

    public CliException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The process exit status: 2 for usage errors unless said otherwise. */
    public int status() {
        return status;
    }
}
