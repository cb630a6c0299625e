package dev.commitstats.providers.gitea;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Gitea and Forgejo (Codeberg, self-hosted servers), through their REST API v1 at {@code BASE/api/v1}. There is no
 * hosted default: the account's base URL names the server.
 *
 * <ul>
 * <li><b>check</b>: {@code GET /user} says whose token it is (401: INVALID). Gitea's scoped tokens answer 403 with a
 * message naming the missing scope ("token does not have at least one of required scope(s): [read:user]"), quoted
 * as INSUFFICIENT_SCOPE; {@code GET /user/repos?limit=1} then proves {@code read:repository}, and a refused
 * issue search ({@code read:issue}) earns a warning, as it only hides contributions. Gitea reports neither a
 * token's scopes nor its expiry on any endpoint a token may call ({@code GET /users/{name}/tokens} needs the
 * password), so there is no write-scope warning and no expiry date.</li>
 * <li><b>discover</b>: {@code GET /user/repos}, which lists the repositories the user owns, collaborates on or
 * reaches through an organisation team; owners are told apart by {@link GiteaOwners}.</li>
 * <li><b>verifiedEmails</b>: the {@code verified} addresses of {@code GET /user/emails}.</li>
 * <li><b>contributions</b>: {@code GET /repos/issues/search?type=pulls&state=closed&created=true} searches the pull
 * requests the user opened across every repository the token can see, public ones included; the merged ones
 * ({@code pull_request.merged}) name repositories that are kept when public, not forks, not the user's or one of
 * the user's organisations' and not writable by the user (those come from discovery).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe: every call builds its own {@link GiteaApi} from the account.
 */
public final class GiteaProvider implements Provider {

    private static final String NEEDED = "read:user and read:repository";
    private static final String MERGED_PULLS_SEARCH = "/repos/issues/search?type=pulls&state=closed&created=true";

    private final ProviderHttp http;

    public GiteaProvider(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITEA;
    }

    @Override
    public TokenCheck check(ProviderAccount account) {
        GiteaApi api = new GiteaApi(http, account);
        try {
            ProviderHttp.Response user = api.get("/user");
            if (!user.ok()) {
                return refused(api, user);
            }
            String login = login(api, user.json(api.host(), "current user"));
            ProviderHttp.Response repos = api.get("/user/repos?limit=1");
            if (repos.status() == 403) {
                return new TokenCheck(TokenStatus.INSUFFICIENT_SCOPE, scopeMessage(api, repos), login, null,
                        List.of(), null, null);
            }
            if (!repos.ok()) {
                return TokenCheck.failed(ProviderHttp.failure(repos, api.host(), "repositories"));
            }
            return new TokenCheck(TokenStatus.VALID, "valid for " + login, login, null, List.of(),
                    issueScopeWarning(api), null);
        } catch (ProviderException e) {
            return TokenCheck.failed(e);
        }
    }

    /** A warning when the token may not search issues; the verdict is already made, so nothing here changes it. */
    private static @Nullable String issueScopeWarning(GiteaApi api) {
        try {
            ProviderHttp.Response pulls = api.get(MERGED_PULLS_SEARCH + "&limit=1");
            return pulls.status() == 403 ? "without read:issue the pull requests merged into other people's "
                    + "repositories cannot be found (" + said(pulls) + ")" : null;
        } catch (ProviderException e) {
            return null;
        }
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) throws ProviderException {
        GiteaApi api = new GiteaApi(http, account);
        GiteaOwners owners = new GiteaOwners(api, login(api, api.json("/user", "current user")));
        List<DiscoveredRepository> repositories = new ArrayList<>();
        for (JsonNode repo : api.list("/user/repos?limit=50&page=1", "repositories")) {
            repositories.add(GiteaRepositories.repository(repo,
                    owners.kind(GiteaRepositories.owner(repo, api.host())), api.host()));
        }
        return repositories;
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) throws ProviderException {
        GiteaApi api = new GiteaApi(http, account);
        JsonNode emails = api.json("/user/emails", "emails");
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (JsonNode email : emails) {
            String address = GiteaRepositories.text(email, "email");
            if (email.path("verified").asBoolean(false) && address != null && address.contains("@")) {
                byLowerCase.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip());
            }
        }
        return List.copyOf(byLowerCase.values());
    }

    /**
     * Public repositories of others that merged the user's pull requests. A token without {@code read:issue} gets
     * none rather than an error: its check already warned, and discovery should not fail for it every time.
     */
    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) throws ProviderException {
        GiteaApi api = new GiteaApi(http, account);
        String login = login(api, api.json("/user", "current user"));
        List<JsonNode> pulls;
        try {
            pulls = api.list(MERGED_PULLS_SEARCH + "&limit=50&page=1", "pull requests");
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.FORBIDDEN) {
                return List.of();
            }
            throw e;
        }
        Set<Long> repositoryIds = new LinkedHashSet<>();
        for (JsonNode pull : pulls) {
            JsonNode repository = pull.path("repository");
            // servers older than the 'created' filter ignore it: the author is checked here as well
            boolean mine = login.equalsIgnoreCase(GiteaRepositories.text(pull.path("user"), "login"));
            boolean merged = pull.path("pull_request").path("merged").asBoolean(false);
            boolean own = login.equalsIgnoreCase(GiteaRepositories.text(repository, "owner"));
            if (mine && merged && !own && repository.path("id").canConvertToLong()) {
                repositoryIds.add(repository.path("id").asLong());
            }
        }
        GiteaOwners owners = new GiteaOwners(api, login);
        List<DiscoveredRepository> found = new ArrayList<>();
        for (long id : repositoryIds) {
            ProviderHttp.Response r = api.get("/repositories/" + id);
            if (r.status() == 404) {
                continue;  // deleted since, or no longer visible to the token
            }
            if (!r.ok()) {
                throw ProviderHttp.failure(r, api.host(), "repository " + id);
            }
            JsonNode repo = r.json(api.host(), "repository " + id);
            JsonNode permissions = repo.path("permissions");
            boolean writable = permissions.path("push").asBoolean(false) || permissions.path("admin").asBoolean(false);
            if (writable) {
                continue;
            }
            String owner = GiteaRepositories.owner(repo, api.host());
            DiscoveredRepository repository = GiteaRepositories.repository(repo, owners.kind(owner), api.host());
            if (repository.visibility().equals("public") && !repository.fork()) {
                found.add(repository.asOpenSource());
            }
        }
        return found;
    }

    /**
     * Gitea's API Usage page lists HTTP basic authentication among the ways to present an access token but names no
     * user name for it; its source does: a non-empty password is taken for the token and the user name is never
     * compared with the token's owner ({@code services/auth/basic.go}, "Assume password is token"; Forgejo kept it).
     * The account's user name is used when it has one, which also suits the old Gitea releases that did compare;
     * otherwise {@code oauth2}, as any name works.
     */
    @Override
    public String gitUsername(ProviderAccount account) {
        String u = account.username();
        return u != null && !u.isBlank() ? u : "oauth2";
    }

    /** What an unsuccessful {@code GET /user} says about the token. */
    private static TokenCheck refused(GiteaApi api, ProviderHttp.Response r) {
        return switch (r.status()) {
            case 401 -> status(TokenStatus.INVALID, "Gitea/Forgejo at " + api.host()
                    + " does not accept the token: it is revoked, mistyped or for another server");
            case 403 -> status(TokenStatus.INSUFFICIENT_SCOPE, scopeMessage(api, r));
            case 404 -> status(TokenStatus.UNREACHABLE, "there is no Gitea/Forgejo API at " + api.root()
                    + " (404): check the base URL");
            default -> TokenCheck.failed(ProviderHttp.failure(r, api.host(), "current user"));
        };
    }

    private static String scopeMessage(GiteaApi api, ProviderHttp.Response r) {
        return "Gitea/Forgejo at " + api.host() + " refused the token (" + said(r) + "): it needs " + NEEDED;
    }

    private static String said(ProviderHttp.Response r) {
        return ProviderHttp.hostMessage(r).orElse("403 Forbidden");
    }

    private static TokenCheck status(TokenStatus status, String message) {
        return new TokenCheck(status, message, null, null, List.of(), null, null);
    }

    private static String login(GiteaApi api, JsonNode user) throws ProviderException {
        String login = GiteaRepositories.text(user, "login");
        if (login == null) {
            login = GiteaRepositories.text(user, "username");
        }
        if (login == null) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    api.host() + " described the current user without a login");
        }
        return login;
    }
}
