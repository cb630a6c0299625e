package dev.commitstats.tokens;

import dev.commitstats.providers.ProviderKind;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A token a user adds, without its secret (which travels apart, so that it is never part of a value that gets
 * printed). {@link Tokens#add} checks the fields.
 *
 * @param name     the user's name for it, unique per user, at most 100 characters: {@code work}, {@code gitlab-corp}
 * @param provider the host's kind
 * @param baseUrl  the host's web address for a self-managed server (GitHub Enterprise Server, GitLab self-managed,
 *                 Gitea/Forgejo, Azure DevOps Server, any git server); null for the hosted service. Required for
 *                 {@code gitea} and {@code git}
 * @param username the account's user name where the host needs one with the secret (Bitbucket app passwords,
 *                 generic git servers); may be null
 */
public record NewToken(String name, ProviderKind provider, @Nullable String baseUrl, @Nullable String username) {

    public NewToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }
}
