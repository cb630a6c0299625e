package dev.commitstats.config;

/**
 * A use case refused its input, or cannot complete for a reason the caller can act on. The message is one line meant
 * for the user: the command line prints it (exit code 1), the JSON API answers with it and the status its
 * {@link Kind} names. Anything else that escapes a use case is a bug.
 */
public class UseCaseException extends RuntimeException {

    /** What went wrong, as an API would say it. */
    public enum Kind {
        /** The input is malformed or inconsistent (HTTP 400). */
        INVALID,
        /** What the input names does not exist, or the caller may not see it (HTTP 404). */
        NOT_FOUND,
        /** The current state does not allow it, e.g. someone else is working on the same thing (HTTP 409). */
        CONFLICT,
        /** The caller is known but may not do this, e.g. an API key without the scope (HTTP 403). */
        FORBIDDEN
    }

    private final Kind kind;

    public UseCaseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public UseCaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
