package dev.commitstats.accounts;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A personal API key as its owner sees it: never its value, which only {@link ApiKeys#create} returns, once.
 *
 * @param id         the key's id, for revoking it
 * @param name       the owner's name for it
 * @param prefix     its first characters ({@code cs_} and 8 more), to recognise it
 * @param scopes     what it may do
 * @param createdAt  when it was created
 * @param lastUsedAt when it was last used (to the minute), or null
 * @param revokedAt  when it was revoked, or null while it works
 */
public record ApiKey(long id, String name, String prefix, Set<Caller.Scope> scopes, Instant createdAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
