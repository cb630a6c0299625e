package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code cv settings} as the owner types it, and what the server shows after: the opt-in ranking (page and JSON,
 * only published users who joined), a hidden punch card, a named private repository.
 */
class CvRankingServerTests {

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    @DatabaseTest
    void theRankingListsOnlyPublishedUsersWhoJoinedAndTheSettingsShowOnTheCv(TestDatabase db) throws Exception {
        Path root = Files.createTempDirectory("cv-ranking");
        CvHistories.write(root.resolve("payroll"), 5, 30, 200, 3, List.of(CvHistories.JAVA, CvHistories.SQL), false);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create(CvHistories.LOGIN, "Ada Lovelace", ZoneId.of("UTC")).id();
        long bob = accounts.create("bob", "Bob", ZoneId.of("UTC")).id();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, "--email",
                CvHistories.EMAIL, root.resolve("payroll").toString()).exitCode()).isZero();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "bob", "--email", CvHistories.COLLEAGUE,
                root.resolve("payroll").toString()).exitCode()).isZero();
        accounts.setPublished(ada, true);
        accounts.setPublished(bob, true);

        CommandLineTests.Run shown = TokenCommands.run(db, "", "cv", "settings", "--user", "ada");
        assertThat(shown.out()).contains("punch card: shown").contains("ranking: not listed")
                .contains("private repositories named: none (all masked)");
        long payroll = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repositories(ada).get(0).id();
        CommandLineTests.Run changed = TokenCommands.run(db, "", "cv", "settings", "--user", "ada", "--ranking", "on",
                "--punch-card", "hide", "--name-repository", String.valueOf(payroll));
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("punch card: hidden").contains("ranking: listed")
                .contains("private repositories named: " + payroll + " payroll");

        try (TestServer server = TestServer.start(db)) {
            JsonNode ranking = new ObjectMapper().readTree(get(server.base() + "/api/v1/ranking"));
            assertThat(ranking.get("users").asInt()).isEqualTo(1);
            assertThat(ranking.get("overall")).hasSize(1);
            assertThat(ranking.get("overall").get(0).get("login").asString()).isEqualTo("ada");
            assertThat(ranking.get("overall").get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(ranking.get("languages").has("Java")).isTrue();
            String page = get(server.base() + "/ranking");
            assertThat(page).contains("Ada Lovelace").contains("href=\"/cv/ada\"").doesNotContain(">Bob<");

            String cv = get(server.base() + "/cv/ada");
            assertThat(cv).doesNotContain("When the commits happen").contains("payroll");
            JsonNode json = new ObjectMapper().readTree(get(server.base() + "/api/v1/cv/ada"));
            assertThat(json.has("punch_card")).isFalse();
            String bobsCv = get(server.base() + "/cv/bob");
            assertThat(bobsCv).contains("When the commits happen").doesNotContain("payroll");
        }
    }
}
