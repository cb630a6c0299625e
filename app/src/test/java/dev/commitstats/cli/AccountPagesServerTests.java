package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The account as a whole over real HTTP, on both databases: "download my data", "delete my account" (from the page
 * and with {@code DELETE /api/v1/me}) leaving nothing of the user in any table or mirror, and the owner's view of an
 * unpublished CV, which nobody else gets and which is never kept for other visitors.
 */
class AccountPagesServerTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tables that hold no user's data: the schema's history, JobRunr's queue, the instance's schedule. */
    private static final Set<String> NOT_USER_DATA = Set.of("flyway_schema_history", "collection_schedule",
            "webhook_deliveries");

    @TempDir
    Path tmp;

    private void collected(TestDatabase db, String login, String email, Path repo) throws Exception {
        try (GitRepoBuilder b = GitRepoBuilder.init(repo)) {
            for (int i = 0; i < 4; i++) {
                b.author(login, email).at("2025-0" + (i + 1) + "-03T10:00:00+01:00")
                        .write("src/F" + i + ".java", "class F" + i + " {\n  int x;\n}\n").commit("feat: f" + i);
            }
        }
        CommandLineTests.Run run = CommandLineTests.run(Stream.of(Stream.of("collect"), Stream.of(db.cliOptions()),
                Stream.of("--user", login, "--email", email, repo.toUri().toString())).flatMap(s -> s).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        UserAccounts users = new UserAccounts(db.dataSource(), Clock.systemUTC());
        new AccountSecurity(db.dataSource(), users, Clock.systemUTC())
                .setPassword(users.require(login).id(), SignInServerTests.PASSWORD);
    }

    @DatabaseTest
    void deletingAnAccountLeavesNothingOfItInAnyTableOrMirror(TestDatabase db) throws Exception {
        collected(db, "ada", "ada@example.com", tmp.resolve("ada-repo"));
        collected(db, "bob", "bob@example.com", tmp.resolve("bob-repo"));
        long bob = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("bob").id();
        String bobsKey = new ApiKeys(db.dataSource(), Clock.systemUTC())
                .create(bob, "script", Set.of(Caller.Scope.READ, Caller.Scope.WRITE)).value();
        try (TestServer server = TestServer.start(db)) {
            WebSession ada = new WebSession(server.base());
            ada.signIn("ada", SignInServerTests.PASSWORD);
            // something of every kind: a key, a webhook secret, CV settings, a named CV, an email, its snapshot
            assertThat(ada.htmx("/user/api-keys", "name=laptop&scopes=read").statusCode()).isEqualTo(200);
            assertThat(ada.htmx("/user/webhook-secret", "").body()).contains("/webhooks/github/");
            assertThat(ada.htmx("/user/identities", "emails=ada%40work.example").body()).contains("added");
            assertThat(ada.htmx("/content/cv-settings", "published=true&showPunchCard=true").body())
                    .contains("public at /cv/ada");
            assertThat(ada.htmx("/content/cvs", "name=backend&title=Backend").body()).contains("created");
            // what the named CV counts, chosen on the page
            assertThat(ada.htmx("/content/cvs/backend/selection", "from=2020-01-01&to=someday").body())
                    .contains("&#39;to&#39; is not a day");
            assertThat(ada.htmx("/content/cvs/backend/selection", "emails=ada%40example.com&from=2020-01-01").body())
                    .contains("CV &#39;backend&#39; saved");
            JsonNode backend = JSON.readTree(ada.getJson("/api/v1/cv-settings/cvs").body()).get(1).get("cv");
            assertThat(backend.get("emails").get(0).asString()).isEqualTo("ada@example.com");
            assertThat(backend.get("from").asString()).isEqualTo("2020-01-01");
            assertThat(backend.get("title").asString()).as("a blank title keeps the title").isEqualTo("Backend");
            assertThat(ada.htmx("/content/cvs/refresh", "").body()).contains("Rebuilt 2 CVs");
            assertThat(ada.get("/cv/ada").statusCode()).isEqualTo(200);
            assertThat(Files.list(db.dataDir().resolve("mirrors")).filter(p -> !p.getFileName().toString()
                    .startsWith(".")).count()).as("mirrors").isGreaterThanOrEqualTo(1);

            // download my data: everything, no secret
            HttpResponse<String> export = ada.getJson("/api/v1/me/export");
            assertThat(export.statusCode()).isEqualTo(200);
            JsonNode doc = JSON.readTree(export.body());
            assertThat(doc.get("user").get("login").asString()).isEqualTo("ada");
            assertThat(doc.get("api_keys")).hasSize(1);
            assertThat(doc.get("tokens").isArray()).isTrue();
            assertThat(doc.get("collection").get("repositories").get(0).get("name").asString()).isEqualTo("ada-repo");
            assertThat(doc.get("collection").get("runs")).isNotEmpty();
            assertThat(doc.get("cv").get("document").get("commits").asLong()).isEqualTo(4);
            assertThat(doc.get("cv").get("cvs")).hasSize(2);
            assertThat(export.body()).doesNotContain("cs_" + "x").doesNotContain(ada.sessionId());

            // the confirmation must be the login
            HttpResponse<String> unconfirmed = ada.htmx("/user/delete", "confirm=bob");
            assertThat(unconfirmed.body()).contains("type your login (ada)");
            assertThat(ada.get("/user").statusCode()).isEqualTo(200);

            HttpResponse<String> deleted = ada.postForm("/user/delete", Map.of("confirm", "ada"), "/user");
            assertThat(deleted.statusCode()).isEqualTo(302);
            assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/?account-deleted");
            assertThat(ada.get("/user").statusCode()).as("signed out").isEqualTo(302);
            assertThat(new WebSession(server.base()).get("/cv/ada").statusCode()).isEqualTo(404);

            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/api/v1/me")).header("Authorization", "Bearer " + bobsKey)
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            assertThat(JSON.readTree(api.body()).get("repositories").asInt()).isEqualTo(1);
        }
        // no user is left, so every table that holds users' data is empty
        List<String> left = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                String lower = table.toLowerCase(Locale.ROOT);
                if (NOT_USER_DATA.contains(lower) || lower.startsWith("jobrunr_") || lower.startsWith("sqlite_")) {
                    continue;
                }
                try (var count = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        left.add(table + ": " + count.getLong(1));
                    }
                }
            }
        }
        assertThat(left).as("rows left").isEmpty();
        try (Stream<Path> mirrors = Files.walk(db.dataDir().resolve("mirrors"))) {
            assertThat(mirrors.filter(p -> p.getFileName().toString().endsWith(".git")).toList()).isEmpty();
        }
    }

    @DatabaseTest
    void theOwnerSeesTheirUnpublishedCvWithABannerAndNobodyElseDoes(TestDatabase db) throws Exception {
        collected(db, "ada", "ada@example.com", tmp.resolve("ada-repo"));
        SignInServerTests.account(db, "bob", false);
        try (TestServer server = TestServer.start(db)) {
            WebSession anonymous = new WebSession(server.base());
            WebSession ada = new WebSession(server.base());
            ada.signIn("ada", SignInServerTests.PASSWORD);
            WebSession bob = new WebSession(server.base());
            bob.signIn("bob", SignInServerTests.PASSWORD);

            assertThat(anonymous.get("/cv/ada").statusCode()).isEqualTo(404);
            HttpResponse<String> own = ada.get("/cv/ada");
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("Not public").contains("only you can see this page");
            assertThat(own.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                    .contains("no-store").contains("private"));
            assertThat(anonymous.get("/cv/ada").statusCode()).as("after the owner's view").isEqualTo(404);
            assertThat(bob.get("/cv/ada").statusCode()).isEqualTo(404);

            assertThat(ada.htmx("/content/cvs", "name=backend").statusCode()).isEqualTo(200);
            assertThat(ada.get("/cv/ada/backend").body()).contains("Not public");
            assertThat(anonymous.get("/cv/ada/backend").statusCode()).isEqualTo(404);
            assertThat(ada.get("/cv/ada/nothing").statusCode()).isEqualTo(404);

            assertThat(ada.htmx("/content/cv-settings", "published=true").body()).contains("public at /cv/ada");
            HttpResponse<String> shared = anonymous.get("/cv/ada");
            assertThat(shared.statusCode()).isEqualTo(200);
            assertThat(shared.body()).doesNotContain("Not public").doesNotContain("_csrf");
            assertThat(ada.get("/cv/ada").body()).doesNotContain("Not public");
            assertThat(bob.get("/cv/ada").body()).doesNotContain("Not public");
        }
    }
}
