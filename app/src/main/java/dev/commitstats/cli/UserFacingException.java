package dev.commitstats.cli;

/** A failure whose message is complete and meant for the user: printed on one line, exit code 1, no stack trace. */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The commands that read a user's numbers say the same thing when the user is not there. */
    static UserFacingException noSuchUser(String login) {
        return new UserFacingException("no user '" + login + "' in this database: collect their commits first");
    }
}
