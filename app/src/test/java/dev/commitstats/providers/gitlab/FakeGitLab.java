package dev.commitstats.providers.gitlab;

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
 * A GitLab for tests: WireMock on a dynamic port answering under {@code /api/v4} with payloads and headers shaped like
 * GitLab's documented ones, a {@link GitLabProvider} pointed at it through a real {@link ProviderHttp} (allow-listed
 * localhost, a fixed clock, waits recorded instead of slept) and an account holding {@link #TOKEN}.
 */
final class FakeGitLab implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String TOKEN = "glpat-Xy7fakeTokenForTests01";

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final GitLabProvider provider;
    final ProviderAccount account;

    FakeGitLab() {
        server.start();
        ProviderHttp http = new ProviderHttp(OutboundPolicy.allowing("localhost:" + server.port()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), waits::add, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        provider = new GitLabProvider(http);
        account = new ProviderAccount(ProviderKind.GITLAB, URI.create(base() + "/"), null, TOKEN);
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    /** A GET of {@code /api/v4 + pathAndQuery} carrying the token the way the provider sends it. */
    static MappingBuilder api(String pathAndQuery) {
        return get(urlEqualTo("/api/v4" + pathAndQuery)).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.willReturn(response));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** GitLab's answer to an unknown or revoked token. */
    static ResponseDefinitionBuilder unauthorized() {
        return json(401, "{\"message\":\"401 Unauthorized\"}");
    }

    /** GitLab's documented answer to an expired token (lib/gitlab/auth's ExpiredError through Rack::OAuth2). */
    static ResponseDefinitionBuilder expired() {
        String description = "Token is expired. You can either do re-authorization or token refresh.";
        return json(401, "{\"error\":\"invalid_token\",\"error_description\":\"" + description + "\"}")
                .withHeader("WWW-Authenticate",
                        "Bearer realm=\"\",error=\"invalid_token\",error_description=\"" + description + "\"");
    }

    /** A 429 with the headers GitLab's user and IP rate limits document, lifting in {@code seconds}. */
    static ResponseDefinitionBuilder rateLimited(long seconds) {
        Instant reset = NOW.plusSeconds(seconds);
        return aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                .withHeader("RateLimit-Name", "throttle_authenticated_api")
                .withHeader("RateLimit-Limit", "2000")
                .withHeader("RateLimit-Observed", "2001")
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                .withHeader("RateLimit-ResetTime",
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(reset.atZone(ZoneOffset.UTC)))
                .withHeader("Retry-After", Long.toString(seconds))
                .withBody("Retry later\n");
    }

    /** {@code GET /user} for the authenticated user, as the Users API documents it. */
    static String user(String username) {
        return """
                {"id": 42, "username": "%1$s", "name": "Alice Liddell", "state": "active", "locked": false,
                 "avatar_url": "https://gitlab.example.com/uploads/user/avatar/42/avatar.png",
                 "web_url": "https://gitlab.example.com/%1$s", "created_at": "2019-05-23T08:00:58.000Z", "bio": "",
                 "location": null, "public_email": "alice@example.org", "skype": "", "linkedin": "", "twitter": "",
                 "discord": "", "website_url": "", "organization": "", "job_title": "", "pronouns": null,
                 "bot": false, "work_information": null, "local_time": null,
                 "last_sign_in_at": "2026-02-01T11:41:01.000Z", "confirmed_at": "2019-05-23T09:05:22.000Z",
                 "theme_id": 1, "last_activity_on": "2026-03-01", "color_scheme_id": 2, "projects_limit": 100000,
                 "current_sign_in_at": "2026-03-01T06:36:55.000Z", "identities": [], "can_create_group": true,
                 "can_create_project": true, "two_factor_enabled": true, "external": false,
                 "private_profile": false, "email": "alice@example.org",
                 "commit_email": "42-%1$s@users.noreply.gitlab.com"}
                """.formatted(username);
    }

    /** {@code GET /personal_access_tokens/self}, as the Personal access tokens API documents it. */
    static String tokenSelf(String scopesJson, String expiresAt) {
        return """
                {"id": 4242, "name": "commit stats", "revoked": false, "created_at": "2026-01-10T11:58:53.526Z",
                 "description": "", "scopes": %s, "user_id": 42, "last_used_at": "2026-03-01T09:00:00.000Z",
                 "active": true, "expires_at": %s}
                """.formatted(scopesJson, expiresAt == null ? "null" : "\"" + expiresAt + "\"");
    }

    /** A project as {@code GET /projects} lists it. */
    static String project(long id, String namespacePath, String namespaceKind, String path) {
        return project(id, namespacePath, namespaceKind, path, "private", false, false, "");
    }

    /**
     * A project as the Projects API documents it; {@code extra} is appended inside the object (for
     * {@code permissions} on a single project).
     */
    static String project(long id, String namespacePath, String namespaceKind, String path, String visibility,
            boolean archived, boolean fork, String extra) {
        String forkedFrom = fork ? """
                "forked_from_project": {"id": %d, "description": "upstream", "name": "%s",
                  "name_with_namespace": "upstream / %2$s", "path": "%2$s", "path_with_namespace": "upstream/%2$s",
                  "created_at": "2018-01-01T10:00:00.000Z", "default_branch": "main",
                  "http_url_to_repo": "https://gitlab.example.com/upstream/%2$s.git",
                  "web_url": "https://gitlab.example.com/upstream/%2$s", "star_count": 900, "forks_count": 40,
                  "last_activity_at": "2026-01-01T10:00:00.000Z"},
                """.formatted(id + 100_000, path) : "";
        String name = path.substring(0, 1).toUpperCase() + path.substring(1);
        return """
                {"id": %1$d, "description": "The %4$s project", "name": "%5$s",
                 "name_with_namespace": "%2$s / %5$s", "path": "%4$s", "path_with_namespace": "%2$s/%4$s",
                 "created_at": "2020-09-30T13:46:02.000Z", "default_branch": "main", "tag_list": [], "topics": [],
                 "ssh_url_to_repo": "git@gitlab.example.com:%2$s/%4$s.git",
                 "http_url_to_repo": "https://gitlab.example.com/%2$s/%4$s.git",
                 "web_url": "https://gitlab.example.com/%2$s/%4$s",
                 "readme_url": "https://gitlab.example.com/%2$s/%4$s/-/blob/main/README.md",
                 "forks_count": 0, "avatar_url": null, "star_count": %1$d,
                 "last_activity_at": "2026-02-27T09:15:30.120Z",
                 "namespace": {"id": %6$d, "name": "%2$s", "path": "%7$s", "kind": "%3$s", "full_path": "%2$s",
                   "parent_id": null, "avatar_url": null, "web_url": "https://gitlab.example.com/%2$s"},
                 "container_registry_image_prefix": "registry.gitlab.example.com/%2$s/%4$s",
                 "_links": {"self": "https://gitlab.example.com/api/v4/projects/%1$d"},
                 "packages_enabled": true, "empty_repo": false, "archived": %8$s, "visibility": "%9$s",
                 %10$s
                 "resolve_outdated_diff_discussions": false, "container_registry_enabled": true,
                 "issues_enabled": true, "merge_requests_enabled": true, "wiki_enabled": true, "jobs_enabled": true,
                 "snippets_enabled": true, "creator_id": 42, "import_status": "none", "open_issues_count": 1,
                 "ci_default_git_depth": 20, "public_jobs": true, "shared_with_groups": [],
                 "only_allow_merge_if_pipeline_succeeds": false, "request_access_enabled": true,
                 "merge_method": "merge", "squash_option": "default_off"%11$s}
                """.formatted(id, namespacePath, namespaceKind, path, name, id + 500,
                namespacePath.substring(namespacePath.lastIndexOf('/') + 1), archived, visibility, forkedFrom,
                extra.isEmpty() ? "" : ", " + extra);
    }

    /** A merged merge request as {@code GET /merge_requests} lists it. */
    static String mergedMergeRequest(long id, long projectId) {
        return """
                {"id": %1$d, "iid": %3$d, "project_id": %2$d, "title": "Fix the thing", "description": "",
                 "state": "merged", "created_at": "2025-10-01T10:00:00.000Z", "updated_at": "2025-10-03T10:00:00.000Z",
                 "merged_by": {"id": 7, "username": "maintainer", "name": "Maintainer", "state": "active"},
                 "merge_user": {"id": 7, "username": "maintainer", "name": "Maintainer", "state": "active"},
                 "merged_at": "2025-10-03T10:00:00.000Z", "closed_by": null, "closed_at": null,
                 "target_branch": "main", "source_branch": "fix-the-thing",
                 "author": {"id": 42, "username": "alice", "name": "Alice Liddell", "state": "active"},
                 "source_project_id": %2$d, "target_project_id": %2$d, "draft": false,
                 "merge_status": "can_be_merged", "detailed_merge_status": "not_open",
                 "sha": "8888888888888888888888888888888888888888",
                 "web_url": "https://gitlab.example.com/x/y/-/merge_requests/%3$d"}
                """.formatted(id, projectId, id % 1000);
    }

    @Override
    public void close() {
        server.stop();
    }
}
