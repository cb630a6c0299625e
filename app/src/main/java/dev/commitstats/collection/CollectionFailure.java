package dev.commitstats.collection;

import dev.commitstats.core.mining.MiningException;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.repos.mirror.MirrorException;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * Why a collection failed, as far as what to do next is concerned: try again later ({@link Kind#TRANSIENT}: the
 * network, a 5xx, a rate limit, a busy database), or not until something changes ({@link Kind#PERMANENT}: the token
 * was refused, the repository is gone, access is denied, the user has no email). The one place that reads the
 * exceptions of the providers ({@link ProviderException}), the mirrors ({@link MirrorException}) and the miner; a job
 * retries the transient ones with backoff and parks the permanent ones until the token is replaced.
 *
 * @param kind    whether trying again can help
 * @param reason  a short stable word for metrics and the status page ({@code token-refused}, {@code not-found},
 *                {@code network}, ...)
 * @param message one line for the user (the exception's own, which never names a secret)
 */
public record CollectionFailure(Kind kind, String reason, String message) {

    /** Whether trying again can help. */
    public enum Kind {
        TRANSIENT, PERMANENT
    }

    /** The reason given to a mirror that cannot be read; the collection deletes it and clones it again. */
    public static final String CORRUPT_MIRROR = "corrupt-mirror";

    public boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    /** Classifies a failure by its type, then by its cause chain. */
    public static CollectionFailure classify(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof MirrorException m) {
            return switch (m.reason()) {
                case AUTHENTICATION_FAILED -> permanent("token-refused", message);
                case NOT_FOUND -> permanent("not-found", message);
                case REFUSED -> permanent("refused", message);
                case NOT_A_REPOSITORY, UNSUPPORTED -> permanent("not-a-repository", message);
                case UNREACHABLE, TIMEOUT -> transientFailure("network", message);
                case CANCELLED -> transientFailure("cancelled", message);
                case FAILED -> corrupt(failure) ? transientFailure(CORRUPT_MIRROR, message)
                        : transientFailure("mirror", message);
            };
        }
        if (failure instanceof ProviderException p) {
            return switch (p.kind()) {
                case UNAUTHORIZED -> permanent("token-refused", message);
                case FORBIDDEN -> permanent("access-denied", message);
                case NOT_FOUND -> permanent("not-found", message);
                case REFUSED -> permanent("refused", message);
                case RATE_LIMITED -> transientFailure("rate-limited", message);
                case UNAVAILABLE, MALFORMED -> transientFailure("host-unavailable", message);
            };
        }
        if (corrupt(failure)) {
            return transientFailure(CORRUPT_MIRROR, message);
        }
        if (failure instanceof MiningException) {
            return message.contains("no email address") ? permanent("no-identity", message)
                    : transientFailure("mining", message);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                return transientFailure("database", message);
            }
            if (t instanceof IOException) {
                return transientFailure("io", message);
            }
        }
        return transientFailure("internal", message);
    }

    /** Whether the failure comes from a git object or pack that does not read: a damaged mirror. */
    static boolean corrupt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jgit.errors.MissingObjectException
                    || t instanceof org.eclipse.jgit.errors.CorruptObjectException
                    || t instanceof org.eclipse.jgit.errors.PackInvalidException
                    || t instanceof org.eclipse.jgit.errors.CorruptPackIndexException
                    || t instanceof org.eclipse.jgit.errors.PackMismatchException
                    || t instanceof java.util.zip.DataFormatException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static CollectionFailure permanent(String reason, String message) {
        return new CollectionFailure(Kind.PERMANENT, reason, message);
    }

    private static CollectionFailure transientFailure(String reason, String message) {
        return new CollectionFailure(Kind.TRANSIENT, reason, message);
    }
}
