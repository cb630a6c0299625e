package dev.commitstats.providers.bitbucket;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bitbucket Cloud through REST API 2.0 ({@code https://api.bitbucket.org/2.0}). An account with a user name
 * authenticates with basic auth (an app password, or an API token with the Atlassian account's email); one without is
 * a repository, project or workspace access token, sent as a bearer token.
 *
 * <ul>
 *   <li>{@link #check}: {@code GET /user}, whose {@code username} names the account, and the credential's scopes from
 *       the {@code X-OAuth-Scopes} header: a scope that can write earns a warning recommending "Repositories: Read";
 *       when none of the scopes reads repositories, the repository list confirms whether the credential can.
 *       An access token is no user and a credential without the {@code account} scope may not read {@code /user}: on
 *       401 or 403 the check asks {@code GET /repositories?role=member} instead, and a token that can list
 *       repositories is valid, since reading them is all that Commit Stats needs.</li>
 *   <li>{@link #discover}: {@code GET /repositories?role=member} (every repository of every workspace the user is a
 *       member of), following the {@code next} URL of each page. The owner group is the workspace; the repository's
 *       {@code updated_on} stands for the last push (it also moves on other changes, which only costs a fetch).</li>
 *   <li>{@link #verifiedEmails}: the confirmed addresses of {@code GET /user/emails}; none when the credential lacks
 *       the {@code email} scope or is an access token.</li>
 *   <li>{@link #contributions}: empty: Bitbucket has no search for a user's merged pull requests outside the
 *       workspaces they belong to.</li>
 * </ul>
 *
 * Holds no per-account state; thread-safe.
 */
public final class BitbucketProvider implements Provider {

    private static final int MAX_PAGES = 1000;

    private final ProviderHttp http;

    public BitbucketProvider(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.BITBUCKET;
    }

    @Override
    public TokenCheck check(ProviderAccount account) {
        BitbucketApi api = BitbucketApi.of(account);
        try {
            ProviderHttp.Response r = http.get(api.uri("/user"), api.headers());
            if (r.ok()) {
                JsonNode user = r.json(api.host(), "the current user");
                String login = first(text(user, "username"), text(user, "nickname"), text(user, "display_name"));
                if (login == null) {
                    return TokenCheck.failed(malformed(api, "the current user without a username"));
                }
                List<String> scopes = BitbucketScopes.parse(r.header("X-OAuth-Scopes").orElse(null));
                if (!scopes.isEmpty() && !BitbucketScopes.readRepositories(scopes)) {
                    // the scopes name nothing that reads repositories: ask the repository list whether it is so
                    ProviderHttp.Response repos = http.get(api.uri("/repositories?role=member&pagelen=1"),
                            api.headers());
                    if (repos.status() == 401 || repos.status() == 403) {
                        return refused(api, repos);
                    }
                }
                return valid("valid for " + login, login, r);
            }
            if (r.status() == 401 || r.status() == 403) {
                return checkByRepositories(api, account, r);
            }
            if (r.status() == 404) {
                return new TokenCheck(TokenStatus.UNREACHABLE, api.host() + " has no Bitbucket API at " + api.root()
                        + " (404)", null, null, List.of(), null, null);
            }
            return TokenCheck.failed(ProviderHttp.failure(r, api.host(), "the current user"));
        } catch (ProviderException e) {
            return TokenCheck.failed(e);
        }
    }

    /** For credentials {@code /user} refused: whether they can list repositories, which is what counts. */
    private TokenCheck checkByRepositories(BitbucketApi api, ProviderAccount account, ProviderHttp.Response userAnswer)
            throws ProviderException {
        ProviderHttp.Response r = http.get(api.uri("/repositories?role=member&pagelen=1"), api.headers());
        if (r.ok()) {
            JsonNode page = r.json(api.host(), "the repository list");
            if (!page.path("values").isArray()) {
                return TokenCheck.failed(malformed(api, "the repository list without a values array"));
            }
            String user = account.username();
            return api.bearer()
                    ? valid("valid: an access token, reading the repositories of its workspace, project or repository",
                            null, r)
                    : valid("valid for " + user, user, r);
        }
        return refused(api, r.status() == 401 || r.status() == 403 ? r : userAnswer);
    }

    /** A 401 (the credential is unknown) or 403 (it lacks a scope), in Bitbucket's words. */
    private static TokenCheck refused(BitbucketApi api, ProviderHttp.Response r) {
        String message = ProviderHttp.failure(r, api.host(), "the token").getMessage();
        return r.status() == 401
                ? new TokenCheck(TokenStatus.INVALID, message, null, null, List.of(), null, null)
                : new TokenCheck(TokenStatus.INSUFFICIENT_SCOPE, message + (message.endsWith(".") ? " " : ". ")
                        + "It needs Repositories: Read.", null, null, List.of(), null, null);
    }

    private static TokenCheck valid(String message, @Nullable String login, ProviderHttp.Response r) {
        List<String> scopes = BitbucketScopes.parse(r.header("X-OAuth-Scopes").orElse(null));
        return new TokenCheck(TokenStatus.VALID, message, login, null, scopes, BitbucketScopes.warning(scopes), null);
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) throws ProviderException {
        BitbucketApi api = BitbucketApi.of(account);
        List<DiscoveredRepository> found = new ArrayList<>();
        pages(api, api.uri("/repositories?role=member&pagelen=100"), "the repository list",
                repo -> found.add(repository(repo, api)));
        return List.copyOf(found);
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) throws ProviderException {
        BitbucketApi api = BitbucketApi.of(account);
        List<String> emails = new ArrayList<>();
        try {
            pages(api, api.uri("/user/emails"), "the email addresses", email -> {
                String address = text(email, "email");
                if (address != null && email.path("is_confirmed").asBoolean(false)) {
                    emails.add(address);
                }
            });
        } catch (ProviderException e) {
            // without the email scope Bitbucket answers 403; an access token is no user and has no addresses
            if (e.kind() == ProviderException.Kind.FORBIDDEN
                    || (e.kind() == ProviderException.Kind.UNAUTHORIZED && api.bearer())) {
                return List.of();
            }
            throw e;
        }
        return List.copyOf(emails);
    }

    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) {
        return List.of();
    }

    /**
     * The account's user name with an app password; {@code x-token-auth} with an access token, as Bitbucket documents;
     * {@code x-bitbucket-api-token-auth} when the user name is an email (API tokens call the API with the Atlassian
     * account's email, which git does not accept).
     */
    @Override
    public String gitUsername(ProviderAccount account) {
        String u = account.username();
        if (u == null || u.isBlank()) {
            return "x-token-auth";
        }
        return u.contains("@") ? "x-bitbucket-api-token-auth" : u;
    }

    /** Handles one value of a paged answer. */
    @FunctionalInterface
    private interface Item {
        void accept(JsonNode value) throws ProviderException;
    }

    /** Every value of a paged answer ({@code {"values": [...], "next": "https://..."}}), page after page. */
    private void pages(BitbucketApi api, URI first, String what, Item item) throws ProviderException {
        Set<URI> seen = new HashSet<>();
        URI next = first;
        for (int page = 0; page < MAX_PAGES; page++) {
            ProviderHttp.Response r = http.get(next, api.headers());
            if (!r.ok()) {
                throw ProviderHttp.failure(r, api.host(), what);
            }
            JsonNode body = r.json(api.host(), what);
            JsonNode values = body.get("values");
            if (values == null || !values.isArray()) {
                throw malformed(api, what + " without a values array");
            }
            for (JsonNode value : values) {
                item.accept(value);
            }
            String link = text(body, "next");
            if (link == null) {
                return;
            }
            try {
                next = URI.create(link);
            } catch (IllegalArgumentException e) {
                throw malformed(api, what + " with a next page that is not a URL");
            }
            if (!api.sameOrigin(next)) {
                throw malformed(api, what + " with a next page on another host (" + next.getHost() + ")");
            }
            if (!seen.add(next)) {
                throw malformed(api, what + " with a next page it had already given");
            }
        }
        throw malformed(api, what + " with more than " + MAX_PAGES + " pages");
    }

    private static DiscoveredRepository repository(JsonNode repo, BitbucketApi api) throws ProviderException {
        String clone = null;
        for (JsonNode link : repo.path("links").path("clone")) {
            if ("https".equals(text(link, "name"))) {
                clone = text(link, "href");
            }
        }
        String fullName = text(repo, "full_name");
        String workspace = first(text(repo.path("workspace"), "slug"),
                fullName != null && fullName.contains("/") ? fullName.substring(0, fullName.indexOf('/')) : null);
        String name = first(text(repo, "slug"), text(repo, "name"));
        if (clone == null || workspace == null || name == null) {
            throw malformed(api, "the repository list with an entry without an https clone link, workspace or slug");
        }
        OwnerKind ownerKind = "user".equals(text(repo.path("owner"), "type")) ? OwnerKind.USER : OwnerKind.ORGANISATION;
        JsonNode parent = repo.get("parent");
        return new DiscoveredRepository(clone, workspace, ownerKind, name,
                repo.path("is_private").asBoolean(true) ? "private" : "public", parent != null && parent.isObject(),
                false, text(repo.path("mainbranch"), "name"), instant(text(repo, "updated_on")), 0,
                text(repo.path("links").path("html"), "href"), false);
    }


    /** Bitbucket's timestamps ({@code 2024-05-24T14:48:04.123456+00:00}); an unreadable one is no reason to fail. */
    private static @Nullable Instant instant(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ProviderException malformed(BitbucketApi api, String what) {
        return new ProviderException(ProviderException.Kind.MALFORMED, api.host() + " answered " + what);
    }

    private static @Nullable String first(@Nullable String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }
}
