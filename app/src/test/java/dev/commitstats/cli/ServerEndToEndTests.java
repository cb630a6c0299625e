package dev.commitstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** Starts the real server (random port) on each database and reads its pages like a browser or API client would. */
class ServerEndToEndTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @DatabaseTest
    void serverIsHealthyAndServesHomeAndApiDocs(TestDatabase db) throws Exception {
        try (TestServer server = TestServer.start(db)) {
            String base = server.base();

            HttpResponse<String> health = get(base + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");

            HttpResponse<String> home = get(base + "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(home.body()).contains("<title>Commit Stats").contains("href=\"/login\"").contains("href=\"/api/docs/ui\"");

            assertThat(get(base + "/login").body()).contains("Sign in");

            HttpResponse<String> docs = get(base + "/api/docs");
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("\"openapi\"").contains("/api/info");

            HttpResponse<String> ui = get(base + "/api/docs/ui");
            assertThat(ui.statusCode()).isEqualTo(200);
            assertThat(ui.body()).contains("Swagger UI");

            HttpResponse<String> info = get(base + "/api/info");
            assertThat(info.body()).contains("\"database\":\"" + db.vendor().folder() + "\"")
                    .doesNotContain("jdbc:");

            assertThat(get(base + "/no-such-page").statusCode()).isEqualTo(404);
        }
    }

    @DatabaseTest
    void aPublishedCvIsServedAsJsonAndAnUnpublishedOneIsNotFound(TestDatabase db) throws Exception {
        Path repo = Files.createTempDirectory("cv-api");
        try (GitRepoBuilder git = GitRepoBuilder.initBare(repo)) {
            for (int i = 0; i < 5; i++) {
                git.author("Ada", "ada@example.com").at("2024-05-0" + (i + 1) + "T10:00:00+02:00");
                git.write("src/A" + i + ".java", "class A" + i + " {}\n");
                git.commit("feat: part " + i);
            }
        }
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "ada", "--email", "ada@example.com",
                repo.toString()).exitCode()).isZero();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "bob", "--email", "bob@example.com",
                repo.toString()).exitCode()).isZero();
        new UserAccounts(db.dataSource(), java.time.Clock.systemUTC()).setPublished(
                new UserAccounts(db.dataSource(), java.time.Clock.systemUTC()).require("ada").id(), true);
        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            HttpResponse<String> cv = get(base + "/api/v1/cv/ada");
            assertThat(cv.statusCode()).as(cv.body()).isEqualTo(200);
            assertThat(cv.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
            var json = new tools.jackson.databind.ObjectMapper().readTree(cv.body());
            assertThat(json.get("commits").asLong()).isEqualTo(5);
            assertThat(json.get("languages").get("Java").get("additions").asLong()).isEqualTo(5);
            assertThat(json.get("repositories").get(0).get("name").asString()).isEqualTo("private repository");
            assertThat(cv.body()).doesNotContain(repo.getFileName().toString());
            assertThat(json.get("days").size()).isEqualTo(5);

            HttpResponse<String> resume = get(base + "/api/v1/cv/ada/resume.json");
            assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
            assertThat(resume.body()).contains("\"$schema\"").contains("\"skills\"").contains("\"canonical\"")
                    .contains("/cv/ada");
            assertThat(get(base + "/api/v1/cv/bob/resume.json").statusCode()).isEqualTo(404);

            HttpResponse<String> unpublished = get(base + "/api/v1/cv/bob");
            assertThat(unpublished.statusCode()).isEqualTo(404);
            assertThat(unpublished.body()).contains("no published CV for 'bob'");
            assertThat(get(base + "/api/v1/cv/nobody").statusCode()).isEqualTo(404);
            assertThat(get(base + "/api/docs").body()).contains("/api/v1/cv/{login}");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
