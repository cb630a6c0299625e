package dev.commitstats.providers.github;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderHttp.Response;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * GitHub, github.com and Enterprise Server, through the documented REST API (version {@value GitHubApi#API_VERSION}):
 * the API is {@code https://api.github.com} for github.com and {@code BASE/api/v3} for any other base URL.
 *
 * <ul>
 *   <li>{@link #check}: {@code GET /user}. The login, a classic token's scopes ({@code X-OAuth-Scopes}, with a warning
 *       when they can write) and its expiry ({@code GitHub-Authentication-Token-Expiration}); a 401 is a revoked or
 *       mistyped token, or an expired one when GitHub said when it expires; a 403 with {@code X-GitHub-SSO: required}
 *       is an organisation that wants the token authorised for single sign-on.</li>
 *   <li>{@link #discover}: {@code GET /user/repos} for owned, collaborator and organisation repositories, every page
 *       of the {@code Link} header; {@link ProviderHttp} makes the requests conditional on ETags.</li>
 *   <li>{@link #verifiedEmails}: the verified addresses of {@code GET /user/emails} (empty where a fine-grained token
 *       lacks the "Email addresses" permission), plus on github.com the {@code ID+login@users.noreply.github.com}
 *       address GitHub gives commits made in its web interface.</li>
 *   <li>{@link #contributions}: the search for the user's merged pull requests (GitHub caps a search at 1,000
 *       results, ten pages), reduced to the public, non-fork repositories of others.</li>
 * </ul>
 *
 * <p>Messages name "GitHub" or the Enterprise Server's host, never the token. Holds no state of its own; thread-safe as
 * its {@link ProviderHttp} is.
 */
public final class GitHubProvider implements Provider {

    private static final String REPOSITORIES =
            "/user/repos?affiliation=owner,collaborator,organization_member&per_page=100&sort=full_name";
    /** 1,000 pages of 100: an account beyond that is not one this product can mine anyway. */
    private static final int MAX_PAGES = 1000;
    /** The search API serves the first 1,000 results of a query only: ten pages of 100. */
    private static final int SEARCH_PAGES = 10;
    /** {@code https://api.github.com/repos/OWNER/NAME}; names are letters, digits, {@code . _ -}. */
    private static final Pattern REPOSITORY_URL = Pattern.compile(".*/repos/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/?");

    private final ProviderHttp http;
    private final URI dotcomApi;

    public GitHubProvider(ProviderHttp http) {
        this(http, URI.create(GitHubApi.DOTCOM_API));
    }

    /** With github.com's API at {@code dotcomApi}: for tests, which put a stand-in there. */
    GitHubProvider(ProviderHttp http, URI dotcomApi) {
        this.http = http;
        this.dotcomApi = dotcomApi;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITHUB;
    }

    @Override
    public TokenCheck check(ProviderAccount account) {
        try {
            GitHubApi api = GitHubApi.of(account, dotcomApi);
            Response r = http.get(api.uri("/user"), api.headers());
            Optional<Instant> expires = GitHubHeaders.expiration(r);
            if (r.status() == 401) {
                // GitHub answers "Bad credentials" alike for revoked, mistyped and expired tokens; only an
                // expiration header in the past tells the last apart
                if (expires.isPresent() && !expires.get().isAfter(http.clock().instant())) {
                    return new TokenCheck(TokenStatus.EXPIRED, "the token expired on " + date(expires.get())
                            + ": " + api.name() + " no longer accepts it", null, expires.get(), List.of(), null, null);
                }
                return new TokenCheck(TokenStatus.INVALID, api.name()
                        + " rejected the token: it was revoked, mistyped or has expired", null, null, List.of(), null,
                        null);
            }
            if (r.status() == 404) {
                // /user exists on every GitHub: a 404 means the base URL is not one
                return new TokenCheck(TokenStatus.UNREACHABLE, api.name() + " has no GitHub API at "
                        + api.uri("/user").getPath() + " (404): check the base URL", null, null, List.of(), null, null);
            }
            if (!r.ok()) {
                throw failure(api, r, "the current user");
            }
            GitHubUser user = GitHubUser.read(r.json(api.name(), "the current user"), api.name());
            List<String> scopes = GitHubHeaders.scopes(r);
            return new TokenCheck(TokenStatus.VALID, "valid for " + user.login(), user.login(), expires.orElse(null),
                    scopes, warning(account, r, scopes), null);
        } catch (ProviderException e) {
            return TokenCheck.failed(e);
        }
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) throws ProviderException {
        GitHubApi api = GitHubApi.of(account, dotcomApi);
        // keyed by clone URL: a repository that moves between pages while they are read is listed once
        Map<String, DiscoveredRepository> found = new LinkedHashMap<>();
        for (JsonNode repo : items(api, api.uri(REPOSITORIES), "repositories", MAX_PAGES, null)) {
            DiscoveredRepository d = GitHubRepositoryJson.read(repo, api.name());
            found.putIfAbsent(d.cloneUrl(), d);
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) throws ProviderException {
        GitHubApi api = GitHubApi.of(account, dotcomApi);
        // asked first so that a revoked token fails here rather than pass as "no email permission"
        @Nullable GitHubUser user = api.dotcom() ? currentUser(api) : null;
        Map<String, String> emails = new LinkedHashMap<>();
        try {
            for (JsonNode e : items(api, api.uri("/user/emails?per_page=100"), "email addresses", MAX_PAGES, null)) {
                String email = GitHubRepositoryJson.text(e, "email");
                if (email != null && GitHubRepositoryJson.flag(e, "verified")) {
                    emails.putIfAbsent(email.toLowerCase(Locale.ROOT), email);
                }
            }
        } catch (ProviderException e) {
            // a fine-grained token without "Email addresses: read" (403), or a classic one without user:email (404):
            // the token still works, the user just gets no addresses from here
            if (e.kind() != ProviderException.Kind.FORBIDDEN && e.kind() != ProviderException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        if (user != null) {
            // not always listed, yet GitHub attributes web-interface commits of a private-email account to it; an
            // Enterprise Server's noreply domain is its admin's choice, so there only what is listed counts
            emails.putIfAbsent(user.noreplyAddress().toLowerCase(Locale.ROOT), user.noreplyAddress());
        }
        return List.copyOf(emails.values());
    }

    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) throws ProviderException {
        GitHubApi api = GitHubApi.of(account, dotcomApi);
        GitHubUser user = currentUser(api);
        String query = "type:pr author:" + user.login() + " is:merged";
        URI search = api.uri("/search/issues?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&per_page=100");
        // OWNER/NAME of other people's repositories, once each however many pull requests were merged there
        Map<String, String> others = new LinkedHashMap<>();
        for (JsonNode pr : items(api, search, "merged pull requests", SEARCH_PAGES, "items")) {
            String url = GitHubRepositoryJson.text(pr, "repository_url");
            Matcher m = url == null ? null : REPOSITORY_URL.matcher(url);
            if (m == null || !m.matches() || m.group(2).matches("\\.+")) {
                throw new ProviderException(ProviderException.Kind.MALFORMED,
                        api.name() + " answered a merged pull request without a repository_url");
            }
            if (!m.group(1).equalsIgnoreCase(user.login())) {
                String fullName = m.group(1) + "/" + m.group(2);
                others.putIfAbsent(fullName.toLowerCase(Locale.ROOT), fullName);
            }
        }
        List<DiscoveredRepository> found = new ArrayList<>();
        for (String fullName : others.values()) {
            // built on the API root rather than followed: the token goes to no URL a search result names
            Response r = http.get(api.uri("/repos/" + fullName), api.headers());
            if (r.status() == 403 || r.status() == 404 || r.status() == 410 || r.status() == 451) {
                continue;  // deleted, made private, blocked or behind SSO since the merge: nothing to mine
            }
            if (!r.ok()) {
                throw failure(api, r, "repository " + fullName);
            }
            DiscoveredRepository d = GitHubRepositoryJson.read(r.json(api.name(), "repository " + fullName),
                    api.name());
            if (d.visibility().equals("public") && !d.fork()) {
                found.add(d.asOpenSource());
            }
        }
        return List.copyOf(found);
    }

    /** GitHub accepts a token as the password with any user name; this is the one its documentation uses. */
    @Override
    public String gitUsername(ProviderAccount account) {
        return "x-access-token";
    }

    private GitHubUser currentUser(GitHubApi api) throws ProviderException {
        Response r = http.get(api.uri("/user"), api.headers());
        if (!r.ok()) {
            throw failure(api, r, "the current user");
        }
        return GitHubUser.read(r.json(api.name(), "the current user"), api.name());
    }

    /**
     * Every element of a paginated list, following {@code rel="next"} links up to {@code maxPages} pages.
     *
     * @param itemsField where the page's array is ({@code items} for searches), or null when the page is the array
     */
    private List<JsonNode> items(GitHubApi api, URI first, String what, int maxPages, @Nullable String itemsField)
            throws ProviderException {
        List<JsonNode> items = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = first;
        for (int page = 0; next != null && page < maxPages && seen.add(next); page++) {
            Response r = http.get(next, api.headers());
            if (!r.ok()) {
                throw failure(api, r, what);
            }
            JsonNode body = r.json(api.name(), what);
            JsonNode list = itemsField == null ? body : body.get(itemsField);
            if (list == null || !list.isArray()) {
                throw new ProviderException(ProviderException.Kind.MALFORMED,
                        api.name() + " answered " + what + " with something other than a list");
            }
            list.forEach(items::add);
            next = nextPage(api, r, next, what);
        }
        return items;
    }

    private static @Nullable URI nextPage(GitHubApi api, Response r, URI current, String what)
            throws ProviderException {
        Optional<URI> link;
        try {
            link = r.nextLink().map(current::resolve);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    api.name() + " answered " + what + " with an unreadable Link header");
        }
        if (link.isPresent() && !api.serves(link.get())) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    api.name() + " pointed the next page of " + what + " at another host");
        }
        return link.orElse(null);
    }

    /** {@link ProviderHttp#failure}, except that a refusal for single sign-on says so. */
    private static ProviderException failure(GitHubApi api, Response r, String what) {
        Optional<String> sso = GitHubHeaders.ssoRefusal(r, api.name());
        if (sso.isPresent()) {
            return new ProviderException(ProviderException.Kind.FORBIDDEN, sso.get(), null,
                    TokenStatus.INSUFFICIENT_SCOPE);
        }
        return ProviderHttp.failure(r, api.name(), what);
    }

    /** Advice for a classic token: it can write, or it cannot see private repositories. */
    private static @Nullable String warning(ProviderAccount account, Response r, List<String> scopes) {
        if (!GitHubHeaders.classic(r) || account.secret().startsWith("github_pat_")) {
            return null;  // fine-grained ("github_pat_..."): permissions are not reported, nothing to judge
        }
        List<String> write = GitHubHeaders.writeScopes(scopes);
        if (!write.isEmpty()) {
            return "this token can write (" + String.join(", ", write)
                    + "): a fine-grained token with Contents: read (and Email addresses: read) is enough";
        }
        // reading private repositories takes "repo", which can write: a classic token is never both
        return "without the repo scope this token sees public repositories only: a fine-grained token with "
                + "Contents: read reaches private ones too, read-only";
    }

    private String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(http.clock().getZone()).format(instant);
    }
}
