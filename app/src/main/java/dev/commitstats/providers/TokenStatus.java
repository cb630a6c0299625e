package dev.commitstats.providers;

import java.util.Locale;

/** What the host said about a token the last time it was checked. */
public enum TokenStatus {
    /** The host accepted it and it can read repositories. */
    VALID,
    /** The host does not know it (revoked, mistyped, or for another host). */
    INVALID,
    /** It was valid and has expired. */
    EXPIRED,
    /** It is accepted but cannot read what is needed (scopes, SSO authorisation, an organisation's approval). */
    INSUFFICIENT_SCOPE,
    /** The host refused to answer until a time; the check is retried then. */
    RATE_LIMITED,
    /** The host could not be reached or answered with an error of its own; nothing is known about the token. */
    UNREACHABLE;

    /** The name stored and shown: {@code valid}, {@code insufficient_scope}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
