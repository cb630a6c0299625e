package dev.commitstats.providers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A host refused or failed a request. The message is one line fit for the user (host, what was asked, what the host
 * said), never a secret or a stack trace. {@link #permanent()} tells a retry loop whether trying again later can help.
 */
public final class ProviderException extends Exception {

    /** What went wrong, as far as what to do next is concerned. */
    public enum Kind {
        /** 401: the token is unknown, revoked or expired. Permanent until the token changes. */
        UNAUTHORIZED,
        /** 403 for a reason other than a rate limit: scopes, SSO, an organisation's policy. Permanent. */
        FORBIDDEN,
        /** 404 or 410: the thing is gone or the token may not see it. Permanent. */
        NOT_FOUND,
        /** 403/429 with a reset time: try again at {@link #retryAt()}. */
        RATE_LIMITED,
        /** Network failure, timeout or a 5xx: transient. */
        UNAVAILABLE,
        /** The host answered something that is not what its documentation describes. Transient. */
        MALFORMED,
        /** The URL or the address it resolves to is not allowed (https only, no internal addresses). Permanent. */
        REFUSED
    }

    private final Kind kind;
    private final @Nullable Instant retryAt;
    private final TokenStatus tokenStatus;

    public ProviderException(Kind kind, String message) {
        this(kind, message, null, defaultStatus(kind));
    }

    public ProviderException(Kind kind, String message, @Nullable Instant retryAt, TokenStatus tokenStatus) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = kind;
        this.retryAt = retryAt;
        this.tokenStatus = tokenStatus;
    }

    /** A rate limit that lifts at {@code retryAt}; the message says until when, in the given zone. */
    public static ProviderException rateLimited(String host, Instant retryAt, ZoneId zone) {
        String at = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(retryAt);
        return new ProviderException(Kind.RATE_LIMITED, host + " rate limited until " + at, retryAt,
                TokenStatus.RATE_LIMITED);
    }

    public Kind kind() {
        return kind;
    }

    /** When to try again, for {@link Kind#RATE_LIMITED}; else null. */
    public @Nullable Instant retryAt() {
        return retryAt;
    }

    /** The status a token gets when its check failed this way. */
    public TokenStatus tokenStatus() {
        return tokenStatus;
    }

    /** Whether trying again without changing the token cannot help. */
    public boolean permanent() {
        return kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN || kind == Kind.NOT_FOUND || kind == Kind.REFUSED;
    }

    private static TokenStatus defaultStatus(Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> TokenStatus.INVALID;
            case FORBIDDEN, NOT_FOUND -> TokenStatus.INSUFFICIENT_SCOPE;
            case RATE_LIMITED -> TokenStatus.RATE_LIMITED;
            case UNAVAILABLE, MALFORMED, REFUSED -> TokenStatus.UNREACHABLE;
        };
    }
}
