package dev.commitstats.repos.mirror;

/**
 * A repository could not be read or mirrored. The message is one line meant for the user, names the problem and
 * carries the source with any user name or password removed; {@link #reason()} lets callers react (e.g. ask for a new
 * token on {@link Reason#AUTHENTICATION_FAILED}).
 */
public final class MirrorException extends Exception {

    /** Why a repository could not be mirrored. */
    public enum Reason {
        NOT_A_REPOSITORY,
        NOT_FOUND,
        AUTHENTICATION_FAILED,
        /** The outbound policy does not let the server connect there (an internal address, plain http, git://). */
        REFUSED,
        UNREACHABLE,
        TIMEOUT,
        UNSUPPORTED,
        CANCELLED,
        FAILED
    }

    private final Reason reason;

    MirrorException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    MirrorException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
