package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.cv.CvPages;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Authorization on every route, generated from the routes the running server maps, so that a new route cannot escape
 * it: anonymous requests to a private route get 401 (API) or the sign-in redirect (pages); user B, with a key holding
 * every scope, gets 403 or 404 for each of user A's tokens, repositories, owner groups, API keys and named CVs, and
 * never sees anything of A's on the routes that show the caller's own data; a route that is public must be one this
 * test names as such. A's objects are all still there afterwards.
 */
class AuthorizationServerTests {

    /** Routes anyone may use, by method and pattern: a new public route must be added here on purpose. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /login", "POST /login", "GET /setup", "POST /setup", "GET /error", "POST /error",
            "GET /cvs", "GET /ranking", "GET /status",
            "GET /cv/{login}", "GET /cv/{login}/card.svg", "GET /cv/{login}/year/{year}",
            "GET /cv/{login}/{name}", "GET /cv/{login}/{name}/card.svg", "GET /cv/{login}/{name}/year/{year}",
            "GET /api/v1/cv/{login}", "GET /api/v1/cv/{login}/resume.json", "GET /api/v1/cv/{login}/{name}",
            "GET /api/v1/cv/{login}/{name}/resume.json", "GET /api/v1/cvs", "GET /api/v1/ranking",
            "GET /api/v1/info", "GET /api/info", "GET /api/v1/status",
            // the digest e-mail's unsubscribe link: its signed token is the proof (DigestMailTests)
            "GET /digest/unsubscribe", "POST /digest/unsubscribe");

    /** Webhooks prove themselves with their own signature, and are tested in {@code WebhookTests}. */
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/.*");
    /** springdoc's own routes (the API documentation is public by design). */
    private static final Pattern API_DOCS = Pattern.compile("/api/docs.*|/v3/api-docs.*|/swagger-ui.*");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /**
     * Routes that delete the caller's own account: only the anonymous half applies (B deleting B is not a question of
     * authorization, and would end B's part of the test); their own tests check what they delete.
     */
    private static final Set<String> ACCOUNT_DELETION = Set.of("DELETE /api/v1/me", "POST /user/delete");

    /** What B sends to each route that changes something: a body that passes validation, so ownership decides. */
    private static final Map<String, String> BODIES = Map.of(
            "PATCH /api/v1/repositories/{id}", "{\"active\": false}",
            "PUT /api/v1/owner-groups/{name}", "{\"active\": false}",
            "PUT /api/v1/tokens/{id}/secret", "{\"secret\": \"ghp_stolen000000000000000000000000000000\"}",
            "PATCH /api/v1/cv-settings/cvs/{name}", "{\"title\": \"taken over\"}",
            // a valid batch: B's push lands in B's own repository, whatever its label
            "POST /api/v1/facts", "{\"repository\": \"secret-project\", \"rulesVersion\": 4, \"facts\": [{\"sha\": "
                    + "\"" + "ab".repeat(20) + "\", \"authorEmail\": \"bob@example.com\", \"authorTime\": "
                    + "\"2024-03-05T08:12:00Z\", \"authorOffsetMinutes\": 60, \"committerTime\": "
                    + "\"2024-03-05T08:12:00Z\", \"parentCount\": 1, \"type\": \"feat\", \"typeInferred\": false, "
                    + "\"breaking\": false, \"languages\": {\"Java\": {\"additions\": 5, \"deletions\": 1, "
                    + "\"files\": 1}}, \"excluded\": {}, \"detections\": []}]}",
            "POST /api/v1/facts/known", "{\"repository\": \"secret-project\"}");

    /** The form fields B sends to a page's form route, so that ownership, not a missing field, decides. */
    private static final Map<String, String> FORMS = Map.of(
            "POST /content/cvs/{name}/published", "published=true",
            "POST /user/repositories/{id}/active", "active=false",
            "POST /user/tokens/{id}/secret", "secret=ghp_stolen000000000000000000000000000000");

    /** A's objects, and what of them must never reach B. */
    private record Alice(long userId, long tokenId, long repositoryId, long apiKeyId, String cvName,
            List<String> markers) {
    }

    private static Alice alice(TestDatabase db) {
        long id = SignInServerTests.account(db, "alice", false);
        long now = Instant.now().getEpochSecond();
        long tokenId = db.jdbc().sql("""
                        INSERT INTO tokens (user_id, name, provider, base_url, secret, status, status_message,
                                            created_at, updated_at)
                        VALUES (:u, 'alice-work-token', 'github', 'https://api.github.com', 'x', 'valid',
                                'valid for alice', :now, :now) RETURNING id""")
                .param("u", id).param("now", now).query(Long.class).single();
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long repositoryId = registry.registerRepository(id, new NewRepository(
                "https://github.com/alice-corp/alice-secret-project.git", SourceKind.GIT, "alice-secret-project",
                "alice-corp", true, false));
        db.jdbc().sql("""
                        INSERT INTO collection_runs (repository_id, trigger_kind, started_at, finished_at, new_commits,
                                                     outcome, message)
                        VALUES (:r, 'refresh', :t, :t, 7, 'collected', 'alice-run-message')""")
                .param("r", repositoryId).param("t", now * 1000).update();
        long apiKeyId = new ApiKeys(db.dataSource(), Clock.systemUTC())
                .create(id, "alice-laptop-key", EnumSet.of(Caller.Scope.READ)).key().id();
        return new Alice(id, tokenId, repositoryId, apiKeyId, "alice-backend",
                List.of("alice-work-token", "alice-secret-project", "alice-corp", "alice-run-message",
                        "alice-laptop-key", "alice-backend", "alice@example.com"));
    }

    @DatabaseTest
    void everyPrivateRouteRefusesStrangersAndOtherUsers(TestDatabase db) throws Exception {
        Alice a = alice(db);
        SignInServerTests.account(db, "bob", false);
        long bobId = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("bob").id();
        String bobKey = new ApiKeys(db.dataSource(), Clock.systemUTC())
                .create(bobId, "bob-all", EnumSet.allOf(Caller.Scope.class)).value();
        try (TestServer server = TestServer.start(db)) {
            server.context().getBean(CvPages.class).create("alice", a.cvName(), CvPages.Definition.everything());
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            List<String> problems = new ArrayList<>();
            Set<String> checked = new TreeSet<>();

            for (String route : routes(server)) {
                String method = route.substring(0, route.indexOf(' '));
                String pattern = route.substring(route.indexOf(' ') + 1);
                if (WEBHOOK.matcher(pattern).matches() || API_DOCS.matcher(pattern).matches()) {
                    continue;
                }
                if (PUBLIC.contains(route) || method.equals("HEAD") && PUBLIC.contains("GET " + pattern)) {
                    continue;
                }
                String path = fill(pattern, a, problems, route);
                if (path == null) {
                    continue;
                }
                checked.add(route);
                boolean api = pattern.startsWith("/api/");
                String body = api ? BODIES.getOrDefault(route, "{}") : FORMS.getOrDefault(route, "");

                HttpResponse<String> anonymous = http.send(request(server, method, path, body, null),
                        HttpResponse.BodyHandlers.ofString());
                boolean refused = api ? anonymous.statusCode() == 401
                        : anonymous.statusCode() == 401 || anonymous.statusCode() == 403
                          || anonymous.statusCode() == 302 && anonymous.headers().firstValue("Location")
                                .orElse("").endsWith("/login");
                if (!refused) {
                    problems.add(route + ": anonymous got " + anonymous.statusCode()
                            + " (a public route must be listed in PUBLIC)");
                }
                assertNothingOf(a, anonymous, route + " (anonymous)", problems);
                if (ACCOUNT_DELETION.contains(route)) {
                    continue;
                }

                HttpResponse<String> bob = http.send(request(server, method, path, body, bobKey),
                        HttpResponse.BodyHandlers.ofString());
                if (VARIABLE.matcher(pattern).find()) {
                    // a route naming one of A's objects: B may not even learn that it exists
                    if (bob.statusCode() != 403 && bob.statusCode() != 404) {
                        problems.add(route + ": user B got " + bob.statusCode() + " for user A's object: "
                                + bob.body());
                    }
                } else if (bob.statusCode() >= 500) {
                    problems.add(route + ": user B got " + bob.statusCode() + ": " + bob.body());
                }
                assertNothingOf(a, bob, route + " (user B)", problems);
            }

            assertThat(problems).isEmpty();
            assertThat(checked).as("the routes this test reached").contains(
                    "GET /api/v1/tokens/{id}", "DELETE /api/v1/tokens/{id}", "PUT /api/v1/tokens/{id}/secret",
                    "GET /api/v1/repositories/{id}", "PATCH /api/v1/repositories/{id}",
                    "DELETE /api/v1/repositories/{id}", "PUT /api/v1/owner-groups/{name}",
                    "DELETE /api/v1/api-keys/{id}", "PATCH /api/v1/cv-settings/cvs/{name}",
                    "GET /api/v1/runs", "GET /api/v1/outliers", "GET /api/v1/me", "POST /api/v1/refresh",
                    "POST /api/v1/facts", "POST /api/v1/facts/known");

            // and A still has everything
            assertThat(db.jdbc().sql("SELECT status FROM tokens WHERE id = :id").param("id", a.tokenId())
                    .query(String.class).single()).isEqualTo("valid");
            assertThat(new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repository(a.repositoryId()))
                    .hasValueSatisfying(r -> assertThat(r.active()).isTrue());
            assertThat(new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repositories(a.userId()))
                    .as("B's push created nothing of A's").hasSize(1);
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM repositories WHERE clone_url = 'push:secret-project'")
                    .query(Long.class).single()).as("B's push went into B's repository").isEqualTo(1);
            assertThat(new ApiKeys(db.dataSource(), Clock.systemUTC()).list(a.userId()))
                    .singleElement().satisfies(k -> assertThat(k.revokedAt()).isNull());
            assertThat(server.context().getBean(CvPages.class).find("alice", a.cvName())).hasValueSatisfying(
                    cv -> assertThat(cv.title()).isNull());
        }
    }

    @DatabaseTest
    void aCallerCannotBeMadeUpFromRequestParameters(TestDatabase db) throws Exception {
        Alice a = alice(db);
        try (TestServer server = TestServer.start(db)) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String forged = "?userId=" + a.userId() + "&login=alice&admin=true&scopes=READ&scopes=WRITE";
            for (String path : List.of("/api/v1/tokens", "/api/v1/repositories", "/api/v1/me", "/api/v1/runs")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + path + forged))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(r.body()).doesNotContain("alice-");
            }
        }
    }

    /** Every mapped route as "METHOD /pattern" (a mapping without methods answers GET and POST here). */
    private static Set<String> routes(TestServer server) {
        Set<String> routes = new TreeSet<>();
        RequestMappingHandlerMapping mapping = server.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> effective = methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST)
                    : methods;
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : effective) {
                    routes.add(m.name() + " " + pattern);
                }
            }
        }
        return routes;
    }

    /** The route's path with A's objects in its variables; null (and a problem) for a variable this test cannot fill. */
    private static String fill(String pattern, Alice a, List<String> problems, String route) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value;
            if (variable.equals("login")) {
                value = "alice";
            } else if (pattern.startsWith("/api/v1/tokens/") || pattern.contains("/tokens/")) {
                value = String.valueOf(a.tokenId());
            } else if (pattern.contains("/repositories/")) {
                value = String.valueOf(a.repositoryId());
            } else if (pattern.contains("/api-keys/")) {
                value = String.valueOf(a.apiKeyId());
            } else if (pattern.contains("/owner-groups/")) {
                value = "alice-corp";
            } else if (pattern.contains("/cvs/")) {
                value = a.cvName();
            } else {
                problems.add(route + ": variable {" + variable + "} names an object this test does not know: "
                        + "teach AuthorizationServerTests.fill which of user A's objects it is");
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static HttpRequest request(TestServer server, String method, String path, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(method);
        if (withBody) {
            b.header("Content-Type", path.startsWith("/api/") ? "application/json"
                    : "application/x-www-form-urlencoded");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b.method(method, withBody ? HttpRequest.BodyPublishers.ofString(body)
                : HttpRequest.BodyPublishers.noBody()).build();
    }

    private static void assertNothingOf(Alice a, HttpResponse<String> response, String what, List<String> problems) {
        String asked = response.request().uri().getPath();
        for (String marker : a.markers()) {
            // a name the request itself gave may come back in the error ("no owner group 'x'"): that tells nothing
            if (response.body().contains(marker) && !asked.contains(marker)) {
                problems.add(what + ": the response shows user A's '" + marker + "'");
            }
        }
    }
}
