package dev.commitstats.providers.gitlab;

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
 * GitLab, on gitlab.com or a self-managed server, through its REST API v4 at {@code BASE/api/v4}.
 *
 * <ul>
 * <li><b>check</b>: {@code GET /user} says whose token it is; {@code GET /personal_access_tokens/self} adds its
 * scopes and expiry date where GitLab has them (personal access tokens only). Without {@code read_api} (or
 * {@code api}) and {@code read_repository} the token is INSUFFICIENT_SCOPE; with {@code api} or
 * {@code write_repository} it gets a warning recommending a read-only one. A 401 whose body says
 * {@code invalid_token}/"Token is expired" is EXPIRED; other 401s are INVALID.</li>
 * <li><b>discover</b>: {@code GET /projects?membership=true}, archived ones included (no {@code archived} filter),
 * with keyset pagination ordered by id, so that accounts with more than 10,000 projects (where GitLab stops
 * counting) and the 50,000-project offset limit are no problem.</li>
 * <li><b>verifiedEmails</b>: the confirmed addresses of {@code GET /user/emails} and the {@code email},
 * {@code commit_email} and {@code public_email} of {@code GET /user}, which GitLab only lets a user set to confirmed
 * addresses (the commit email may be the {@code ID-login@users.noreply.gitlab.com} one).</li>
 * <li><b>contributions</b>: the projects of the user's merged merge requests
 * ({@code GET /merge_requests?scope=created_by_me&state=merged}, then {@code GET /projects/:id} for each) that are
 * public, not forks, not in the user's namespace and not ones the user is a member of (those come from
 * discovery).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe: every call builds its own {@link GitLabApi} from the account.
 */
public final class GitLabProvider implements Provider {

    private final ProviderHttp http;

    public GitLabProvider(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITLAB;
    }

    @Override
    public TokenCheck check(ProviderAccount account) {
        GitLabApi api = new GitLabApi(http, account);
        try {
            ProviderHttp.Response r = api.get("/user");
            if (!r.ok()) {
                return refused(api, r);
            }
            String login = login(api, r.json(api.host(), "current user"));
            GitLabToken token = GitLabToken.read(api);
            List<String> missing = token.missing();
            if (!missing.isEmpty()) {
                return new TokenCheck(TokenStatus.INSUFFICIENT_SCOPE, "the token lacks the scope"
                        + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing) + ": give it "
                        + String.join(" and ", GitLabToken.RECOMMENDED), login, token.expiresAt(), token.scopes(),
                        null, null);
            }
            List<String> writes = token.writeScopes();
            String warning = writes.isEmpty() ? null : "this token can write (" + String.join(", ", writes)
                    + "): a token with only " + String.join(" and ", GitLabToken.RECOMMENDED) + " is enough";
            return new TokenCheck(TokenStatus.VALID, "valid for " + login, login, token.expiresAt(), token.scopes(),
                    warning, null);
        } catch (ProviderException e) {
            return TokenCheck.failed(e);
        }
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) throws ProviderException {
        GitLabApi api = new GitLabApi(http, account);
        List<DiscoveredRepository> repositories = new ArrayList<>();
        for (JsonNode project : api.list("/projects?membership=true&per_page=100&order_by=id&sort=asc"
                + "&pagination=keyset", "projects")) {
            repositories.add(GitLabProjects.repository(project, api.host()));
        }
        return repositories;
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) throws ProviderException {
        GitLabApi api = new GitLabApi(http, account);
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        JsonNode user = api.json("/user", "current user");
        for (String field : List.of("email", "commit_email", "public_email")) {
            add(byLowerCase, GitLabProjects.text(user, field));
        }
        for (JsonNode email : api.list("/user/emails?per_page=100", "emails")) {
            JsonNode confirmedAt = email.get("confirmed_at");
            if (confirmedAt != null && !confirmedAt.isNull()) {
                add(byLowerCase, GitLabProjects.text(email, "email"));
            }
        }
        return List.copyOf(byLowerCase.values());
    }

    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) throws ProviderException {
        GitLabApi api = new GitLabApi(http, account);
        String login = login(api, api.json("/user", "current user"));
        Set<Long> projectIds = new LinkedHashSet<>();
        for (JsonNode mr : api.list("/merge_requests?scope=created_by_me&state=merged&per_page=100",
                "merged merge requests")) {
            JsonNode id = mr.get("project_id");
            if (id != null && id.canConvertToLong()) {
                projectIds.add(id.asLong());
            }
        }
        List<DiscoveredRepository> found = new ArrayList<>();
        for (long id : projectIds) {
            ProviderHttp.Response r = api.get("/projects/" + id);
            if (r.status() == 404) {
                continue;  // deleted since, or no longer visible to the token
            }
            if (!r.ok()) {
                throw api.failure(r, "project " + id);
            }
            JsonNode project = r.json(api.host(), "project " + id);
            if (someoneElses(project, login)) {
                DiscoveredRepository repository = GitLabProjects.repository(project, api.host());
                if (repository.visibility().equals("public") && !repository.fork()) {
                    found.add(repository.asOpenSource());
                }
            }
        }
        return found;
    }

    /**
     * GitLab ignores the user name when the password is a personal access token, and expects {@code oauth2} with an
     * OAuth token; {@code oauth2} therefore works for both.
     */
    @Override
    public String gitUsername(ProviderAccount account) {
        String u = account.username();
        return u != null && !u.isBlank() ? u : "oauth2";
    }

    /** What an unsuccessful {@code GET /user} says about the token. */
    private static TokenCheck refused(GitLabApi api, ProviderHttp.Response r) {
        String said = ProviderHttp.hostMessage(r).map(m -> " (GitLab said: " + m + ")").orElse("");
        return switch (r.status()) {
            case 401 -> GitLabApi.expired(r)
                    // the 401 does not carry the date, and /personal_access_tokens/self no longer answers
                    ? status(TokenStatus.EXPIRED, "the token has expired: GitLab at " + api.host()
                            + " no longer accepts it")
                    : status(TokenStatus.INVALID, "GitLab at " + api.host()
                            + " does not accept the token: it is revoked, mistyped or for another server" + said);
            case 403 -> r.body().contains("insufficient_scope")
                    ? status(TokenStatus.INSUFFICIENT_SCOPE, "the token cannot read the API: give it the scopes "
                            + String.join(" and ", GitLabToken.RECOMMENDED))
                    : status(TokenStatus.INSUFFICIENT_SCOPE, "GitLab at " + api.host() + " refused the token" + said);
            case 404 -> status(TokenStatus.UNREACHABLE, "there is no GitLab API at " + api.root()
                    + " (404): check the base URL");
            default -> TokenCheck.failed(api.failure(r, "current user"));
        };
    }

    private static TokenCheck status(TokenStatus status, String message) {
        return new TokenCheck(status, message, null, null, List.of(), null, null);
    }

    private static String login(GitLabApi api, JsonNode user) throws ProviderException {
        String login = GitLabProjects.text(user, "username");
        if (login == null) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    api.host() + " described the current user without a username");
        }
        return login;
    }

    /**
     * Whether a project belongs to someone else: not in the user's own namespace, and not one the user is a member
     * of ({@code permissions} names an access level then), which discovery already lists.
     */
    private static boolean someoneElses(JsonNode project, String login) {
        JsonNode namespace = project.path("namespace");
        boolean own = "user".equals(GitLabProjects.text(namespace, "kind"))
                && login.equalsIgnoreCase(GitLabProjects.text(namespace, "full_path"));
        JsonNode permissions = project.path("permissions");
        boolean member = permissions.path("project_access").isObject() || permissions.path("group_access").isObject();
        return !own && !member;
    }

    private static void add(Map<String, String> byLowerCase, @Nullable String email) {
        if (email != null && email.contains("@")) {
            byLowerCase.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), email.strip());
        }
    }
}
