package dev.commitstats.collection;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.Providers;
import dev.commitstats.providers.TokenStatus;
import dev.commitstats.repos.HostedRepository;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.tokens.TokenView;
import dev.commitstats.tokens.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery: asks the host of each of a user's tokens which repositories the token's account owns, is a member of or
 * has contributed to, registers the new ones (active unless forks or archived, or in an owner group the user switched
 * off), updates what the host says about the known ones (visibility, last push, ...), and adds the account's verified
 * emails to the user's identities. A token the host refuses gets its status re-checked, so the user sees why. The
 * call a job, a refresh and the {@code discover} command make. Thread-safe.
 */
public final class RepositoryDiscovery {

    private static final Logger log = LoggerFactory.getLogger(RepositoryDiscovery.class);

    /**
     * What discovery found through one token.
     *
     * @param tokenId     the token
     * @param tokenName   its name
     * @param provider    its provider's id
     * @param found       repositories the host listed (open-source contributions included)
     * @param added       of those, registered now
     * @param addedActive of those added, how many count (the rest are forks, archived or in a switched-off group)
     * @param openSource  open-source contributions among the found
     * @param emailsAdded verified emails added to the user's identities
     * @param notes       problems that did not stop discovery (emails or contributions unavailable)
     * @param error       why discovery failed for this token, or null
     * @param status      the token's status afterwards
     */
    public record TokenReport(long tokenId, String tokenName, String provider, int found, int added, int addedActive,
            int openSource, List<String> emailsAdded, List<String> notes, @Nullable String error, TokenStatus status) {

        public boolean failed() {
            return error != null;
        }
    }

    /** What discovery did for a user: one report per token. */
    public record Report(User user, List<TokenReport> tokens) {

        public int failures() {
            return (int) tokens.stream().filter(TokenReport::failed).count();
        }
    }

    /** Hears discovery token by token. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void discovering(TokenView token) {
        }

        default void discovered(TokenReport report) {
        }
    }

    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final RepositoryMirrors mirrors;
    private final Tokens tokens;
    private final Providers providers;

    public RepositoryDiscovery(UserAccounts accounts, RepositoryRegistry registry, RepositoryMirrors mirrors,
            Tokens tokens, Providers providers) {
        this.accounts = accounts;
        this.registry = registry;
        this.mirrors = mirrors;
        this.tokens = tokens;
        this.providers = providers;
    }

    /**
     * Runs discovery for each of the user's tokens.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) for an unknown user or one without tokens
     */
    public Report discover(String login, Progress progress) {
        User user = accounts.require(login);
        List<TokenView> all = tokens.list(user.id());
        if (all.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.NOT_FOUND, "user '" + login
                    + "' has no token: add one with 'commitstats tokens add'");
        }
        List<TokenReport> reports = new ArrayList<>();
        for (TokenView token : all) {
            progress.discovering(token);
            TokenReport r = discover(user.id(), token);
            progress.discovered(r);
            reports.add(r);
        }
        return new Report(accounts.requireUser(user.id()), reports);
    }

    /**
     * Runs discovery for one token of the user.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the token is not the user's
     */
    public TokenReport discoverToken(long userId, long tokenId) {
        return discover(userId, tokens.token(userId, tokenId));
    }

    private TokenReport discover(long userId, TokenView token) {
        Provider provider = providers.provider(token.provider());
        ProviderAccount account = tokens.account(token.id());
        List<String> notes = new ArrayList<>();
        List<DiscoveredRepository> listed;
        try {
            listed = provider.discover(account);
        } catch (ProviderException e) {
            TokenStatus status = token.status();
            if (e.permanent() || e.kind() == ProviderException.Kind.RATE_LIMITED) {
                status = tokens.check(userId, token.id()).status();  // records why, for the user page
            }
            return new TokenReport(token.id(), token.name(), token.provider().id(), 0, 0, 0, 0, List.of(), notes,
                    e.getMessage(), status);
        }
        List<DiscoveredRepository> contributions = List.of();
        try {
            contributions = provider.contributions(account);
        } catch (ProviderException e) {
            notes.add("open-source contributions not checked: " + e.getMessage());
        }
        List<String> emails = List.of();
        try {
            emails = accounts.addVerifiedIdentities(userId, provider.verifiedEmails(account));
        } catch (ProviderException e) {
            notes.add("verified emails not read: " + e.getMessage());
        } catch (UseCaseException e) {
            notes.add("an email from the host was not usable: " + e.getMessage());
        }
        // a repository both owned and contributed to counts as the user's own
        Map<String, DiscoveredRepository> byUrl = new LinkedHashMap<>();
        for (DiscoveredRepository d : listed) {
            byUrl.putIfAbsent(d.cloneUrl(), d);
        }
        for (DiscoveredRepository d : contributions) {
            byUrl.putIfAbsent(d.cloneUrl(), d.asOpenSource());
        }
        int added = 0;
        int addedActive = 0;
        int openSource = 0;
        for (DiscoveredRepository d : byUrl.values()) {
            String url;
            try {
                url = mirrors.storableSource(d.cloneUrl());
            } catch (MirrorException e) {
                notes.add(d.ownerGroup() + "/" + d.name() + " skipped: " + e.getMessage());
                continue;
            }
            Repository.HostDetails host = new Repository.HostDetails(d.ownerKind().id(), d.fork(), d.archived(),
                    d.openSource(), d.defaultBranch(), d.stars(), d.webUrl(), d.lastPush());
            RepositoryRegistry.Upserted u = registry.upsertDiscovered(userId, token.id(),
                    new HostedRepository(url, d.name(), d.ownerGroup(), d.visibility(), host, d.activeByDefault()));
            if (u.created()) {
                added++;
                if (u.active()) {
                    addedActive++;
                }
            }
            if (d.openSource()) {
                openSource++;
            }
        }
        log.info("discovery for token {} of user {}: {} repositories, {} new", token.id(), userId, byUrl.size(), added);
        return new TokenReport(token.id(), token.name(), token.provider().id(), byUrl.size(), added, addedActive,
                openSource, emails, notes, null, token.status());
    }
}
