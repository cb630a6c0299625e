package dev.commitstats.providers.gitea;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Gitea/Forgejo server for tests: WireMock on a dynamic port answering under {@code /api/v1} with payloads and
 * headers shaped like Gitea's (its swagger models, its {@code Link} header without spaces, {@code X-Total-Count}),
 * a {@link GiteaProvider} pointed at it through a real {@link ProviderHttp} (allow-listed localhost, a fixed clock,
 * waits recorded instead of slept) and an account holding {@link #TOKEN}.
 */
final class FakeGitea implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String TOKEN = "9fcb1158165773dd010fca5f0cf7174316c3e37d";

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final GiteaProvider provider;
    final ProviderAccount account;

    FakeGitea() {
        server.start();
        ProviderHttp http = new ProviderHttp(OutboundPolicy.allowing("localhost:" + server.port()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), waits::add, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        provider = new GiteaProvider(http);
        account = new ProviderAccount(ProviderKind.GITEA, URI.create(base()), null, TOKEN);
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    /** A GET of {@code /api/v1 + pathAndQuery} carrying the token the way the provider sends it. */
    static MappingBuilder api(String pathAndQuery) {
        return get(urlEqualTo("/api/v1" + pathAndQuery)).withHeader("Authorization", equalTo("token " + TOKEN));
    }

    void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.willReturn(response));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return json(body).withStatus(status);
    }

    /** Gitea's {@code APIError} body. */
    ResponseDefinitionBuilder error(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\",\"url\":\"" + base() + "/api/swagger\"}");
    }

    /** What Gitea answers when the token is unknown or revoked: no user, so the token requirement fails. */
    ResponseDefinitionBuilder unauthorized() {
        return error(401, "token is required");
    }

    /** What Gitea answers when a scoped token lacks the scope a route group requires. */
    ResponseDefinitionBuilder missingScope(String scope) {
        return error(403, "token does not have at least one of required scope(s): [" + scope + "]");
    }

    /**
     * A 429 lifting in {@code seconds}. Gitea itself has no API rate limit; the reverse proxies in front of public
     * instances answer this way.
     */
    static ResponseDefinitionBuilder rateLimited(long seconds) {
        return aResponse().withStatus(429).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Retry-After", Long.toString(seconds)).withBody("429 Too Many Requests");
    }

    /** The {@code Link} header Gitea sets ({@code SetLinkHeader}): absolute links joined by a comma, no space. */
    String link(String path, int limit, int page, int lastPage) {
        String url = base() + "/api/v1" + path + "?limit=" + limit + "&page=";
        StringBuilder links = new StringBuilder();
        if (page < lastPage) {
            links.append("<").append(url).append(page + 1).append(">; rel=\"next\",");
            links.append("<").append(url).append(lastPage).append(">; rel=\"last\",");
        }
        if (page > 1) {
            links.append("<").append(url).append(1).append(">; rel=\"first\",");
            links.append("<").append(url).append(page - 1).append(">; rel=\"prev\",");
        }
        return links.isEmpty() ? "" : links.substring(0, links.length() - 1);
    }

    /** {@code GET /user}, Gitea's {@code User} model. */
    static String user(String login) {
        return """
                {"id": 7, "login": "%1$s", "login_name": "", "source_id": 0, "full_name": "Alice Liddell",
                 "email": "%1$s@noreply.codeberg.org", "avatar_url": "https://codeberg.org/avatars/7",
                 "html_url": "https://codeberg.org/%1$s", "language": "en-US", "is_admin": false,
                 "last_login": "2026-03-01T08:00:00Z", "created": "2021-02-03T10:00:00Z", "restricted": false,
                 "active": true, "prohibit_login": false, "location": "", "pronouns": "", "website": "",
                 "description": "", "visibility": "public", "followers_count": 3, "following_count": 1,
                 "starred_repos_count": 12, "username": "%1$s"}
                """.formatted(login);
    }

    /** {@code GET /orgs/{name}}, Gitea's {@code Organization} model. */
    static String organisation(String name) {
        return """
                {"id": 90, "name": "%1$s", "full_name": "%1$s", "email": "", "avatar_url": "",
                 "description": "", "website": "", "location": "", "visibility": "public",
                 "repo_admin_change_team_access": false, "username": "%1$s"}
                """.formatted(name);
    }

    static String repository(long id, String owner, String name) {
        return repository(id, owner, "public", name, false, false, false, false, false, true);
    }

    /** A repository as Gitea's {@code Repository} model has it (1.22 and Forgejo 9 field set). */
    static String repository(long id, String owner, String ownerVisibility, String name, boolean isPrivate,
            boolean internal, boolean fork, boolean mirror, boolean archived, boolean canPush) {
        return """
                {"id": %1$d,
                 "owner": {"id": %2$d, "login": "%3$s", "login_name": "", "source_id": 0, "full_name": "",
                   "email": "%3$s@noreply.codeberg.org", "avatar_url": "https://codeberg.org/avatars/%2$d",
                   "html_url": "https://codeberg.org/%3$s", "language": "", "is_admin": false,
                   "last_login": "0001-01-01T00:00:00Z", "created": "2020-01-01T00:00:00Z", "restricted": false,
                   "active": false, "prohibit_login": false, "location": "", "pronouns": "", "website": "",
                   "description": "", "visibility": "%4$s", "followers_count": 0, "following_count": 0,
                   "starred_repos_count": 0, "username": "%3$s"},
                 "name": "%5$s", "full_name": "%3$s/%5$s", "description": "", "empty": false,
                 "private": %6$s, "fork": %7$s, "template": false, "parent": null, "mirror": %8$s, "size": 412,
                 "language": "Go", "languages_url": "https://codeberg.org/api/v1/repos/%3$s/%5$s/languages",
                 "html_url": "https://codeberg.org/%3$s/%5$s", "url": "https://codeberg.org/api/v1/repos/%3$s/%5$s",
                 "link": "", "ssh_url": "ssh://git@codeberg.org/%3$s/%5$s.git",
                 "clone_url": "https://codeberg.org/%3$s/%5$s.git", "original_url": "", "website": "",
                 "stars_count": %1$d, "forks_count": 1, "watchers_count": 2, "open_issues_count": 0,
                 "open_pr_counter": 0, "release_counter": 0, "default_branch": "main", "archived": %9$s,
                 "created_at": "2022-04-05T10:00:00+02:00", "updated_at": "2026-02-20T18:30:00+01:00",
                 "archived_at": "1970-01-01T00:00:00Z",
                 "permissions": {"admin": %10$s, "push": %10$s, "pull": true},
                 "has_issues": true, "internal_tracker": {"enable_time_tracker": true,
                   "allow_only_contributors_to_track_time": true, "enable_issue_dependencies": true},
                 "has_wiki": true, "has_pull_requests": true, "has_projects": false, "has_releases": true,
                 "has_packages": false, "has_actions": false, "ignore_whitespace_conflicts": false,
                 "allow_merge_commits": true, "allow_rebase": true, "allow_rebase_explicit": true,
                 "allow_squash_merge": true, "allow_fast_forward_only_merge": false,
                 "allow_rebase_update": true, "default_delete_branch_after_merge": false,
                 "default_merge_style": "merge", "default_allow_maintainer_edit": false, "avatar_url": "",
                 "internal": %11$s, "mirror_interval": "", "object_format_name": "sha1",
                 "mirror_updated": "0001-01-01T00:00:00Z", "repo_transfer": null, "topics": [], "licenses": []}
                """.formatted(id, id + 300, owner, ownerVisibility, name, isPrivate, fork, mirror, archived, canPush,
                internal);
    }

    /** A pull request as {@code GET /repos/issues/search} lists it (Gitea's {@code Issue} model). */
    static String pull(long id, String author, long repoId, String repoOwner, String repoName, boolean merged) {
        return """
                {"id": %1$d, "url": "https://codeberg.org/api/v1/repos/%4$s/%5$s/issues/%7$d",
                 "html_url": "https://codeberg.org/%4$s/%5$s/pulls/%7$d", "number": %7$d,
                 "user": {"id": 7, "login": "%2$s", "login_name": "", "full_name": "", "email": "",
                   "avatar_url": "", "username": "%2$s"},
                 "original_author": "", "original_author_id": 0, "title": "Fix the thing", "body": "",
                 "ref": "", "assets": [], "labels": [], "milestone": null, "assignee": null, "assignees": null,
                 "state": "closed", "is_locked": false, "comments": 2, "created_at": "2025-10-01T10:00:00Z",
                 "updated_at": "2025-10-03T10:00:00Z", "closed_at": "2025-10-03T10:00:00Z", "due_date": null,
                 "pull_request": {"merged": %6$s, "merged_at": %8$s, "draft": false,
                   "html_url": "https://codeberg.org/%4$s/%5$s/pulls/%7$d"},
                 "repository": {"id": %3$d, "name": "%5$s", "owner": "%4$s", "full_name": "%4$s/%5$s"},
                 "pin_order": 0}
                """.formatted(id, author, repoId, repoOwner, repoName, merged, id % 1000,
                merged ? "\"2025-10-03T10:00:00Z\"" : "null");
    }

    @Override
    public void close() {
        server.stop();
    }
}
