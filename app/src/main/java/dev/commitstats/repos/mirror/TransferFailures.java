package dev.commitstats.repos.mirror;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.jspecify.annotations.Nullable;

import dev.commitstats.config.OutboundPolicy.RefusedException;
import dev.commitstats.repos.mirror.MirrorException.Reason;

/**
 * Turns what JGit throws during a clone or fetch into a {@link MirrorException} with a one-line message. JGit reports
 * HTTP status codes only as text ("not authorized", "not found"), so part of this reads messages; the cause chain
 * settles network failures and refusals of the outbound policy, whose reason is kept. Nothing of JGit's text reaches
 * the user unredacted, and the token never: a server may echo it.
 */
final class TransferFailures {

    // a bare status code, not part of a port, path or version number
    private static final Pattern HTTP_DENIED = Pattern.compile("(?<![\\w.:/-])40[13](?![\\w.:/-])");
    private static final Pattern HTTP_NOT_FOUND = Pattern.compile("(?<![\\w.:/-])404(?![\\w.:/-])");

    private TransferFailures() {
    }

    static MirrorException classify(Throwable failure, RemoteSource remote, @Nullable Credentials credentials) {
        String shownUrl = remote.url();
        RefusedException refusal = refusal(failure);
        // before the network checks: a refused connection is no network failure
        Reason reason = refusal != null ? Reason.REFUSED : reason(failure);
        String message = switch (reason) {
            case NOT_FOUND -> "repository not found: " + shownUrl
                    + " (check the URL; a private repository also answers 'not found' without access)";
            case AUTHENTICATION_FAILED -> credentials == null
                    ? "authentication required for " + shownUrl + " (add a token with read access)"
                    : "authentication failed for " + remote.authority() + ": the token was refused for " + shownUrl
                            + " (check that it is still valid and can read the repository)";
            case REFUSED -> refusedMessage(shownUrl, refusal == null ? null : refusal.getMessage());
            case UNREACHABLE -> "host unreachable for " + shownUrl + ": " + networkDetail(failure);
            case TIMEOUT -> "timed out talking to " + shownUrl;
            case CANCELLED -> "cancelled while mirroring " + shownUrl;
            default -> "cannot mirror " + shownUrl + ": " + rootMessage(failure);
        };
        return new MirrorException(reason, scrub(message, credentials), failure);
    }

    /** The message of a connection the outbound policy refused: the URL, then the policy's reason. */
    static String refusedMessage(String shownUrl, @Nullable String policyMessage) {
        return "cannot mirror " + shownUrl + ": " + (policyMessage == null ? "refused by the outbound policy"
                : policyMessage.replaceAll("\\s+", " ").strip());
    }

    private static @Nullable RefusedException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RefusedException r) {
                return r;
            }
        }
        return null;
    }

    private static Reason reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoRemoteRepositoryException || t instanceof RepositoryNotFoundException) {
                return Reason.NOT_FOUND;
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Reason.UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return Reason.TIMEOUT;
            }
            if (t instanceof org.eclipse.jgit.api.errors.CanceledException
                    || t instanceof org.eclipse.jgit.errors.TransportException te && te.getMessage() != null
                    && te.getMessage().toLowerCase(Locale.ROOT).contains("cancel")) {
                return Reason.CANCELLED;
            }
        }
        String text = allMessages(failure);
        // the git:// transport reports a refused connection or an unknown host as text, without the cause
        if (text.contains("connection refused") || text.contains("unknown host")) {
            return Reason.UNREACHABLE;
        }
        if (text.contains("not authorized") || text.contains("authentication") || text.contains("not permitted")
                || text.contains("forbidden") || HTTP_DENIED.matcher(text).find()) {
            return Reason.AUTHENTICATION_FAILED;
        }
        if (text.contains("not found") || HTTP_NOT_FOUND.matcher(text).find()) {
            return Reason.NOT_FOUND;
        }
        if (text.contains("timed out") || text.contains("time out") || text.contains("timeout")) {
            return Reason.TIMEOUT;
        }
        return Reason.FAILED;
    }

    private static String allMessages(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            b.append(' ').append(t.getMessage());
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String networkDetail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
        }
        String text = allMessages(failure);
        return text.contains("connection refused") ? "connection refused"
                : text.contains("unknown host") ? "unknown host" : "no connection";
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    /** Removes user info from any URL in {@code text} and the token itself, in case a server echoed it. */
    static String scrub(String text, @Nullable Credentials credentials) {
        String s = RemoteSource.redact(text);
        if (credentials != null) {
            s = s.replace(credentials.token(), "***");
        }
        return s;
    }
}
