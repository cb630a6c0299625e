package dev.commitstats.providers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the host's "current user" endpoint said about a token.
 *
 * @param status       the verdict
 * @param message      one readable line for the user: "valid for octocat", "expired on 2026-05-01", "the
 *                     organisation requires SSO authorisation", "rate limited until 14:05"; never the secret
 * @param accountLogin the login the token belongs to on the host, when the host said
 * @param expiresAt    when the token expires, where the host tells
 * @param scopes       the scopes the host reported (empty when it does not report them)
 * @param warning      advice that does not make the token unusable, such as "this token can write: a read-only
 *                     token is enough", or null
 * @param retryAt      for {@link TokenStatus#RATE_LIMITED}, when the host answers again; else null
 */
public record TokenCheck(TokenStatus status, String message, @Nullable String accountLogin,
        @Nullable Instant expiresAt, List<String> scopes, @Nullable String warning, @Nullable Instant retryAt) {

    public TokenCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        scopes = List.copyOf(scopes);
    }

    /** A failed check, from the exception a provider call raised. */
    public static TokenCheck failed(ProviderException e) {
        return new TokenCheck(e.tokenStatus(), e.getMessage(), null, null, List.of(), null, e.retryAt());
    }
}
