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
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON, page and card a server keeps per snapshot: a revalidation with the JSON's ETag gets 304, and once a
 * collection changed the numbers, every kept rendering follows the new snapshot.
 */
class CvRenderingsServerTests {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @DatabaseTest
    void keptRenderingsAreRevalidatedAndFollowANewSnapshot(TestDatabase db) throws Exception {
        Path repo = Files.createTempDirectory("cv-kept").resolve("tool");
        CvHistories.write(repo, 3, 20, 300, 2, List.of(CvHistories.JAVA), false);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create(CvHistories.LOGIN, "Ada", ZoneId.of("UTC")).id();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, "--email",
                CvHistories.EMAIL, repo.toString()).exitCode()).isZero();
        accounts.setPublished(ada, true);

        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            HttpResponse<String> json = get(base + "/api/v1/cv/ada");
            assertThat(json.statusCode()).isEqualTo(200);
            String etag = json.headers().firstValue("etag").orElseThrow();
            assertThat(json.headers().firstValue("cache-control")).hasValue("max-age=60");
            long commits = new ObjectMapper().readTree(json.body()).get("commits").asLong();
            String page = get(base + "/cv/ada").body();
            String card = get(base + "/cv/ada/card.svg").body();
            assertThat(get(base + "/api/v1/cv/ada").body()).as("served again, the same bytes").isEqualTo(json.body());
            assertThat(get(base + "/cv/ada").body()).isEqualTo(page);

            HttpResponse<String> revalidated = get(base + "/api/v1/cv/ada", "If-None-Match", etag);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();

            Path second = repo.resolveSibling("second");
            CvHistories.write(second, 4, 12, 20, 1, List.of(CvHistories.JAVA), false);
            assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, second.toString())
                    .exitCode()).isZero();
            Thread.sleep(5_200);  // an instance trusts the snapshot it read for five seconds

            HttpResponse<String> after = get(base + "/api/v1/cv/ada", "If-None-Match", etag);
            assertThat(after.statusCode()).as("a new snapshot, a new validator").isEqualTo(200);
            JsonNode fresh = new ObjectMapper().readTree(after.body());
            assertThat(fresh.get("commits").asLong()).isGreaterThan(commits);
            assertThat(get(base + "/cv/ada").body()).isNotEqualTo(page)
                    .contains(String.format(java.util.Locale.ENGLISH, "value=\"%d\" data-metric=\"commits\"",
                            fresh.get("commits").asLong()));
            assertThat(get(base + "/cv/ada/card.svg").body()).isNotEqualTo(card);
        }
    }
}
