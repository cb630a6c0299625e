package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.Caller;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON API of the user page with a personal API key, on both databases: repositories and owner groups, adding by
 * URL (never a server path, unless an admin), deleting, CV settings and named CVs, refresh, runs, and the scopes a key
 * must hold.
 */
class UserApiServerTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Api(HttpClient http, String base, String key) {

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json").header("Authorization", "Bearer " + key);
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(String method, String path, String body, int status) throws Exception {
            HttpResponse<String> r = send(method, path, body);
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
            return r.body().isEmpty() ? null : JSON.readTree(r.body());
        }
    }

    private static Api api(TestServer server, TestDatabase db, String login, EnumSet<Caller.Scope> scopes) {
        long userId = db.jdbc().sql("SELECT id FROM users WHERE login = :l").param("l", login).query(Long.class)
                .single();
        String key = new ApiKeys(db.dataSource(), Clock.systemUTC()).create(userId, "test", scopes).value();
        return new Api(HttpClient.newHttpClient(), server.base(), key);
    }

    @DatabaseTest
    void repositoriesAndOwnerGroupsAreListedSwitchedAddedAndDeleted(TestDatabase db) throws Exception {
        long ada = SignInServerTests.account(db, "ada", false);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long one = registry.registerRepository(ada, new NewRepository("https://github.com/acme/one.git",
                SourceKind.GIT, "one", "acme", true, false));
        registry.registerRepository(ada, new NewRepository("https://github.com/acme/two.git", SourceKind.GIT, "two",
                "acme", true, false));
        try (TestServer server = TestServer.start(db)) {
            Api api = api(server, db, "ada", EnumSet.allOf(Caller.Scope.class));

            JsonNode list = api.json("GET", "/api/v1/repositories", null, 200);
            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("name").asString()).isEqualTo("one");
            assertThat(list.get(0).get("status").asString()).isEqualTo("pending");
            assertThat(list.get(0).get("cloneUrl").asString()).isEqualTo("https://github.com/acme/one.git");

            assertThat(api.json("PATCH", "/api/v1/repositories/" + one, "{\"active\": false}", 200)
                    .get("active").asBoolean()).isFalse();
            assertThat(api.json("PATCH", "/api/v1/repositories/" + one, "{}", 400).get("detail").asString())
                    .contains("active");
            JsonNode group = api.json("PUT", "/api/v1/owner-groups/acme", "{\"active\": false}", 200);
            assertThat(group.get("active").asInt()).isZero();
            assertThat(group.get("switchedOff").asBoolean()).isTrue();
            assertThat(api.json("GET", "/api/v1/owner-groups", null, 200)).hasSize(1);
            api.json("PUT", "/api/v1/owner-groups/nobody", "{\"active\": true}", 404);

            JsonNode added = api.json("POST", "/api/v1/repositories",
                    "{\"url\": \"https://gitlab.com/ada/three.git\"}", 201);
            assertThat(added.get("created").asBoolean()).isTrue();
            assertThat(added.get("repository").get("name").asString()).isEqualTo("three");
            assertThat(api.json("POST", "/api/v1/repositories", "{\"url\": \"https://gitlab.com/ada/three.git\"}", 200)
                    .get("created").asBoolean()).isFalse();
            // the server's own files and internal addresses are not for users to name
            assertThat(api.json("POST", "/api/v1/repositories", "{\"url\": \"" + tmp + "\"}", 400).get("detail")
                    .asString()).contains("not a git URL");
            assertThat(api.json("POST", "/api/v1/repositories", "{\"url\": \"file://" + tmp + "\"}", 400)
                    .get("detail").asString()).contains("not a git URL");
            assertThat(api.json("POST", "/api/v1/repositories", "{\"url\": \"https://10.0.0.5/x/y.git\"}", 400)
                    .get("detail").asString()).contains("10.0.0.5");
            api.json("POST", "/api/v1/repositories", "{\"url\": \"git@github.com:ada/x.git\"}", 400);
            api.json("POST", "/api/v1/repositories", "{}", 400);

            long three = added.get("repository").get("id").asLong();
            JsonNode removed = api.json("DELETE", "/api/v1/repositories/" + three, null, 200);
            assertThat(removed.get("name").asString()).isEqualTo("three");
            api.json("GET", "/api/v1/repositories/" + three, null, 404);
            api.json("DELETE", "/api/v1/repositories/" + three, null, 404);
        }
    }

    @DatabaseTest
    void anAdminMayAddARepositoryOrAFolderOfRepositoriesOfTheServer(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "root", true);
        Path solo = tmp.resolve("solo");
        Path folder = tmp.resolve("code");
        GitRepoBuilder.init(solo).close();
        GitRepoBuilder.init(folder.resolve("one")).close();
        GitRepoBuilder.initBare(folder.resolve("group/two.git")).close();
        GitRepoBuilder.init(folder.resolve(".hidden/three")).close();
        Files.createDirectories(folder.resolve("notes/deeper"));
        Files.createDirectories(tmp.resolve("empty"));
        try (TestServer server = TestServer.start(db)) {
            Api api = api(server, db, "root", EnumSet.allOf(Caller.Scope.class));
            JsonNode one = api.json("POST", "/api/v1/repositories", "{\"url\": \"" + solo + "\"}", 201);
            assertThat(one.get("repository").get("cloneUrl").asString()).isEqualTo(solo.toString());

            JsonNode many = api.json("POST", "/api/v1/repositories", "{\"url\": \"" + folder + "\"}", 201);
            assertThat(many.get("repositories")).hasSize(2);
            assertThat(many.get("repositories").findValuesAsString("cloneUrl"))
                    .containsExactly(folder.resolve("group/two.git").toString(), folder.resolve("one").toString());
            assertThat(api.json("POST", "/api/v1/repositories", "{\"url\": \"" + folder + "\"}", 200)
                    .get("repositories").findValues("created")).allSatisfy(c -> assertThat(c.asBoolean()).isFalse());
            assertThat(api.json("POST", "/api/v1/repositories", "{\"url\": \"" + tmp.resolve("empty") + "\"}",
                    400).get("detail").asString()).contains("no git repository in");
        }
    }

    @DatabaseTest
    void aKeyMayDoOnlyWhatItsScopesSay(TestDatabase db) throws Exception {
        long ada = SignInServerTests.account(db, "ada", false);
        long one = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).registerRepository(ada,
                new NewRepository("https://github.com/acme/one.git", SourceKind.GIT, "one", "acme", true, false));
        try (TestServer server = TestServer.start(db)) {
            Api reader = api(server, db, "ada", EnumSet.of(Caller.Scope.READ));
            reader.json("GET", "/api/v1/repositories", null, 200);
            reader.json("GET", "/api/v1/tokens", null, 200);
            reader.json("GET", "/api/v1/cv-settings", null, 200);
            assertThat(reader.json("PATCH", "/api/v1/repositories/" + one, "{\"active\": false}", 403)
                    .get("detail").asString()).contains("'write' scope");
            reader.json("POST", "/api/v1/refresh", null, 403);
            reader.json("DELETE", "/api/v1/repositories/" + one, null, 403);
            reader.json("PATCH", "/api/v1/cv-settings", "{\"published\": true}", 403);

            Api pusher = api(server, db, "ada", EnumSet.of(Caller.Scope.PUSH));
            pusher.json("GET", "/api/v1/repositories", null, 403);
        }
        assertThat(new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repository(one))
                .hasValueSatisfying(r -> assertThat(r.active()).isTrue());
    }

    @DatabaseTest
    void cvSettingsAndNamedCvsAreScriptable(TestDatabase db) throws Exception {
        long ada = SignInServerTests.account(db, "ada", false);
        long one = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).registerRepository(ada,
                new NewRepository("https://github.com/acme/one.git", SourceKind.GIT, "one", "acme", true, false));
        try (TestServer server = TestServer.start(db)) {
            Api api = api(server, db, "ada", EnumSet.allOf(Caller.Scope.class));
            JsonNode settings = api.json("GET", "/api/v1/cv-settings", null, 200);
            assertThat(settings.get("published").asBoolean()).isFalse();
            assertThat(settings.get("showPunchCard").asBoolean()).isTrue();

            JsonNode changed = api.json("PATCH", "/api/v1/cv-settings", "{\"published\": true, \"showPunchCard\": "
                    + "false, \"nameRepositories\": [" + one + "]}", 200);
            assertThat(changed.get("published").asBoolean()).isTrue();
            assertThat(changed.get("showPunchCard").asBoolean()).isFalse();
            assertThat(changed.get("namedRepositories").get(0).asLong()).isEqualTo(one);
            assertThat(api.send("GET", "/api/v1/cv/ada", null).statusCode()).as("published").isEqualTo(200);
            // the home page shows a published CV as an example
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.body()).contains("src=\"/cv/ada/card.svg\"").contains("href=\"/cv/ada\"");

            JsonNode created = api.json("POST", "/api/v1/cv-settings/cvs", "{\"name\": \"backend\", \"repositories\": ["
                    + one + "], \"from\": \"2021-01-01\", \"published\": true}", 201);
            assertThat(created.get("path").asString()).isEqualTo("/cv/ada/backend");
            assertThat(created.get("published").asBoolean()).isTrue();
            api.json("POST", "/api/v1/cv-settings/cvs", "{\"name\": \"card.svg\"}", 400);
            api.json("POST", "/api/v1/cv-settings/cvs", "{\"name\": \"infra\", \"from\": \"yesterday\"}", 400);
            api.json("POST", "/api/v1/cv-settings/cvs", "{\"name\": \"backend\"}", 409);
            assertThat(api.send("GET", "/api/v1/cv/ada/backend", null).statusCode()).isEqualTo(200);

            JsonNode renamed = api.json("PATCH", "/api/v1/cv-settings/cvs/backend",
                    "{\"rename\": \"platform\", \"from\": \"\", \"published\": false}", 200);
            assertThat(renamed.get("name").asString()).isEqualTo("platform");
            assertThat(renamed.get("cv").get("from").isNull()).isTrue();
            assertThat(api.send("GET", "/api/v1/cv/ada/platform", null).statusCode()).as("unpublished")
                    .isEqualTo(404);
            assertThat(api.json("GET", "/api/v1/cv-settings/cvs", null, 200)).hasSize(2);
            assertThat(api.json("POST", "/api/v1/cv-settings/refresh", null, 200)).hasSize(2);
            api.json("DELETE", "/api/v1/cv-settings/cvs/platform", null, 204);
            api.json("DELETE", "/api/v1/cv-settings/cvs/platform", null, 404);
        }
    }

    @DatabaseTest
    void aRefreshIsAcceptedAndRunsAreTheCallersOwn(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            Api api = api(server, db, "ada", EnumSet.allOf(Caller.Scope.class));
            HttpResponse<String> refresh = api.send("POST", "/api/v1/refresh", null);
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(202);
            assertThat(api.json("GET", "/api/v1/runs", null, 200)).isEmpty();
            long ada = db.jdbc().sql("SELECT id FROM users WHERE login = 'ada'").query(Long.class).single();
            long repo = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).registerRepository(ada,
                    new NewRepository("https://github.com/acme/one.git", SourceKind.GIT, "one", "acme", true, false));
            db.jdbc().sql("""
                            INSERT INTO collection_runs (repository_id, trigger_kind, started_at, finished_at,
                                                         new_commits, outcome, message)
                            VALUES (:r, 'webhook', 1000, 3500, 7, 'collected', NULL)""").param("r", repo).update();
            JsonNode run = api.json("GET", "/api/v1/runs", null, 200).get(0);
            assertThat(run.get("trigger").asString()).isEqualTo("webhook");
            assertThat(run.get("durationMillis").asLong()).isEqualTo(2500);
            assertThat(run.get("repository").asString()).isEqualTo("acme/one");
            assertThat(api.json("GET", "/api/v1/outliers", null, 200)).isEmpty();
            assertThat(api.json("GET", "/api/v1/tokens", null, 200)).isEmpty();
            JsonNode me = api.json("POST", "/api/v1/me/identities", "{\"emails\": [\"Ada@Work.example\"]}", 200);
            assertThat(me.get("identities").findValuesAsString("email")).contains("ada@work.example");
            assertThat(api.json("POST", "/api/v1/me/identities", "{\"emails\": [\"x@y.z\", \"nope\"]}", 400)
                    .get("detail").asString()).contains("nope");
            assertThat(api.json("GET", "/api/v1/me", null, 200).get("identities").findValuesAsString("email"))
                    .doesNotContain("x@y.z");
            JsonNode secret = api.json("POST", "/api/v1/webhook-secret", null, 200);
            assertThat(secret.get("secret").asString()).isNotBlank();
        }
    }

    @DatabaseTest
    void aTokenIsAddedCheckedReplacedAndRemovedAndItsSecretNeverComesBack(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "ada", false);
        String secret = "ghp_" + "a1b2c3d4e5".repeat(4);
        String replaced = "ghp_" + "f6e5d4c3b2".repeat(4);
        WireMockServer github = new WireMockServer(options().dynamicPort());
        github.start();
        try {
            github.stubFor(get(urlPathEqualTo("/api/v3/user")).willReturn(okJson("""
                    {"login": "ada", "id": 583231, "type": "User", "name": "Ada", "email": null}""")
                    .withHeader("X-OAuth-Scopes", "repo").withHeader("X-RateLimit-Remaining", "4999")));
            try (TestServer server = TestServer.start(db,
                    Map.of("commitstats.providers.allowed-hosts", "localhost:" + github.port()))) {
                Api api = api(server, db, "ada", EnumSet.allOf(Caller.Scope.class));
                HttpResponse<String> added = api.send("POST", "/api/v1/tokens", """
                        {"name": "work", "provider": "github", "baseUrl": "%s", "secret": "%s"}"""
                        .formatted(github.baseUrl(), secret));
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
                JsonNode token = JSON.readTree(added.body());
                assertThat(token.get("status").asString()).isEqualTo("valid");
                assertThat(token.get("accountLogin").asString()).isEqualTo("ada");
                long id = token.get("id").asLong();

                api.json("POST", "/api/v1/tokens", "{\"name\": \"x\", \"provider\": \"nope\", \"secret\": \"s\"}",
                        400);
                api.json("POST", "/api/v1/tokens", """
                        {"name": "work", "provider": "github", "baseUrl": "%s", "secret": "%s"}"""
                        .formatted(github.baseUrl(), secret), 409);
                assertThat(api.json("GET", "/api/v1/tokens", null, 200)).hasSize(1);
                assertThat(api.json("POST", "/api/v1/tokens/" + id + "/check", null, 200).get("status").asString())
                        .isEqualTo("valid");

                github.stubFor(get(urlPathEqualTo("/api/v3/user")).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Bad credentials\"}")));
                assertThat(api.json("PUT", "/api/v1/tokens/" + id + "/secret", "{\"secret\": \"" + replaced + "\"}",
                        200).get("status").asString()).isEqualTo("invalid");
                api.json("DELETE", "/api/v1/tokens/" + id, null, 204);
                api.json("GET", "/api/v1/tokens/" + id, null, 404);

                for (HttpResponse<String> r : java.util.List.of(added, api.send("GET", "/api/v1/tokens", null))) {
                    assertThat(r.body()).doesNotContain(secret).doesNotContain(replaced);
                }
            }
        } finally {
            github.stop();
        }
    }
}
