package dev.commitstats.cli;

/** A failure whose message is complete and meant for the user: printed on one line, exit code 1, no stack trace. */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
