package dev.commitstats.tokens;

import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored token as its owner may see it: everything but the secret, which is write-only.
 *
 * @param id           the token's id, stable when its secret is replaced
 * @param userId       its owner
 * @param name         the owner's name for it, unique per owner
 * @param provider     the host's kind
 * @param baseUrl      the host's web address, without trailing slash
 * @param username     the account's user name sent with the secret, or null
 * @param status       the last check's verdict
 * @param message      the last check's readable line: "valid for octocat", "expired on 2026-05-01"
 * @param accountLogin the login the host said the token belongs to, or null
 * @param scopes       the scopes the host reported (empty when it does not report them)
 * @param warning      advice from the last check, such as a recommendation of a read-only token, or null
 * @param expiresAt    when the token expires, where the host tells
 * @param checkedAt    when it was last checked
 * @param retryAt      for a rate-limited check, when the host answers again
 * @param createdAt    when it was added
 */
public record TokenView(long id, long userId, String name, ProviderKind provider, String baseUrl,
        @Nullable String username, TokenStatus status, String message, @Nullable String accountLogin,
        List<String> scopes, @Nullable String warning, @Nullable Instant expiresAt, @Nullable Instant checkedAt,
        @Nullable Instant retryAt, Instant createdAt) {

    public TokenView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        scopes = List.copyOf(scopes);
    }
}
