package dev.commitstats.providers.git;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.util.List;

/**
 * Any HTTPS git server (cgit, gitweb, a bare {@code git http-backend}, a host Commit Stats has no API client for): the
 * user registers its repositories by URL, and the token, with an optional user name, is only the basic-auth
 * credential of clone and fetch. There is no API to ask, so nothing is discovered and the check cannot tell a good
 * token from a bad one: the first fetch does. It does not even contact the base URL, which may be any web site; the
 * outbound policy judges each git URL when it is fetched. Stateless; thread-safe.
 */
public final class GenericGitProvider implements Provider {

    static final String UNCHECKED = "no API to check against: the token is tried on the first fetch";

    @Override
    public ProviderKind kind() {
        return ProviderKind.GIT;
    }

    @Override
    public TokenCheck check(ProviderAccount account) {
        String user = account.username();
        return new TokenCheck(TokenStatus.VALID, UNCHECKED, user == null || user.isBlank() ? null : user, null,
                List.of(), null, null);
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) {
        return List.of();
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) {
        return List.of();
    }

    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) {
        return List.of();
    }

    /** The account's user name, else {@code git}: servers that check only the password accept any user name. */
    @Override
    public String gitUsername(ProviderAccount account) {
        String u = account.username();
        return u != null && !u.isBlank() ? u : "git";
    }
}
