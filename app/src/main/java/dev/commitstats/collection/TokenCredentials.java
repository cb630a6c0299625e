package dev.commitstats.collection;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.Providers;
import dev.commitstats.providers.TokenStatus;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.mirror.Credentials;
import dev.commitstats.tokens.TokenView;
import dev.commitstats.tokens.Tokens;
import java.util.Optional;

/**
 * The credentials a repository is fetched with: the token it was discovered through; for a repository added by URL,
 * a token of the same user whose base URL the clone URL starts with (a GitHub token for {@code
 * https://github.com/...}), preferring valid ones. The user name is what the token's host expects with it
 * ({@link dev.commitstats.providers.Provider#gitUsername}). Thread-safe.
 */
public final class TokenCredentials implements RepositoryCredentials {

    private final Tokens tokens;
    private final Providers providers;

    public TokenCredentials(Tokens tokens, Providers providers) {
        this.tokens = tokens;
        this.providers = providers;
    }

    @Override
    public Optional<Credentials> forRepository(Repository repository) {
        Long tokenId = repository.tokenId();
        if (tokenId == null) {
            String url = repository.cloneUrl();
            tokenId = tokens.list(repository.userId()).stream()
                    .filter(t -> url.startsWith(t.baseUrl() + "/"))
                    .sorted((a, b) -> Boolean.compare(b.status() == TokenStatus.VALID, a.status() == TokenStatus.VALID))
                    .map(TokenView::id).findFirst().orElse(null);
            if (tokenId == null) {
                return Optional.empty();
            }
        }
        ProviderAccount account = tokens.account(tokenId);
        String user = providers.provider(account.kind()).gitUsername(account);
        return Optional.of(new Credentials(user, account.secret()));
    }
}
