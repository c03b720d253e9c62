package io.headroom.cli;

/** A failure the command reports as one clear line and a non-zero exit status, without a stack trace. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message, null, false, false);
    }
}
