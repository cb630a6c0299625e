package dev.commitstats.providers;

import java.util.List;

/**
 * One kind of git host, spoken to through its documented REST API. Implementations hold no per-account state (so one
 * instance serves every account) and reach the network only through {@link ProviderHttp}. Thread-safe.
 */
public interface Provider {

    ProviderKind kind();

    /**
     * Checks the token against the host's "current user" endpoint. Never throws for what the host answered: a
     * revoked token, missing scopes, a rate limit or an unreachable host become a {@link TokenCheck} with that status
     * and a readable message.
     */
    TokenCheck check(ProviderAccount account);

    /**
     * Every repository the account owns, is a member of (organisations, groups, projects, workspaces) or has
     * contributed to, all pages. Rate limits that lift soon are waited out; others raise
     * {@link ProviderException.Kind#RATE_LIMITED}.
     */
    List<DiscoveredRepository> discover(ProviderAccount account) throws ProviderException;

    /**
     * The account's verified email addresses, where the host exposes them (GitHub's {@code /user/emails}, with its
     * {@code ID+login@users.noreply.github.com} address); empty where it does not.
     */
    List<String> verifiedEmails(ProviderAccount account) throws ProviderException;

    /**
     * Public repositories the account does not own where it has merged contributions (merged pull or merge
     * requests), flagged {@link DiscoveredRepository#openSource()}; empty where the host cannot tell.
     */
    List<DiscoveredRepository> contributions(ProviderAccount account) throws ProviderException;

    /**
     * The basic-auth user name to clone and fetch over HTTPS with, the account's secret being the password: the
     * account's user name when it has one (Bitbucket app passwords, generic servers), else what the host expects
     * with a bare token.
     */
    default String gitUsername(ProviderAccount account) {
        String u = account.username();
        return u != null && !u.isBlank() ? u : "x-access-token";
    }
}
