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
import java.util.TreeMap;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The year in review, {@code GET /cv/{login}/year/{yyyy}}, from the real server on each database: its numbers are the
 * JSON API's for that year, compared with the year before, private repositories are never named, and anything but a
 * year of a published user's commit span gets the CV's 404 page.
 */
class CvYearServerTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @DatabaseTest
    void aYearOfAPublishedCvShowsTheApisNumbersForThatYearAndNamesNoPrivateRepository(TestDatabase db)
            throws Exception {
        Path repo = Files.createTempDirectory("cv-year").resolve("acme-payroll-engine");
        // 900 days: the last year and at least the two before it have commits
        CvHistories.write(repo, 11, 60, 900, 2, List.of(CvHistories.JAVA, CvHistories.SQL, CvHistories.GO), true);
        Path hidden = Files.createTempDirectory("cv-year").resolve("hidden-project");
        CvHistories.write(hidden, 3, 6, 30, 1, List.of(CvHistories.PYTHON), false);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create(CvHistories.LOGIN, "Ada Lovelace", ZoneId.of("Europe/Berlin")).id();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, "--email", CvHistories.EMAIL,
                repo.toString()).exitCode()).isZero();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "carol", "--email", CvHistories.EMAIL,
                hidden.toString()).exitCode()).isZero();
        accounts.setPublished(ada, true);

        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            JsonNode json = new ObjectMapper().readTree(get(base + "/api/v1/cv/ada").body());
            TreeMap<Integer, Long> commitsPerYear = new TreeMap<>();
            for (JsonNode day : json.get("days")) {
                commitsPerYear.merge(Integer.parseInt(day.get("day").asString().substring(0, 4)),
                        day.get("commits").asLong(), Long::sum);
            }
            int year = commitsPerYear.lastKey();
            assertThat(commitsPerYear).containsKey(year - 1);

            HttpResponse<String> page = get(base + "/cv/ada/year/" + year);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/html"));
            String html = page.body();
            assertThat(html).contains("<data class=\"headline-value\" value=\"" + commitsPerYear.get(year)
                    + "\" data-metric=\"commits\">");
            // compared with the year before: its commits in the commits headline's change, in words
            long change = commitsPerYear.get(year) - commitsPerYear.get(year - 1);
            assertThat(html).contains("<title>Ada Lovelace — " + year + " in review · Commit Stats</title>")
                    .contains(change == 0 ? "unchanged from the year before"
                            : (change > 0 ? "up " : "down ") + String.format(java.util.Locale.ENGLISH, "%,d",
                                    Math.abs(change)) + " from " + String.format(java.util.Locale.ENGLISH, "%,d",
                                    commitsPerYear.get(year - 1)) + " in the year before")
                    .contains("Busiest month").contains("Busiest day")
                    .contains("data-language=\"Java\"")
                    .contains("href=\"/cv/ada/year/" + (year - 1) + "\"").contains("href=\"/cv/ada\"");

            // masked as on the CV: described, never named; no path or message leaks
            assertThat(html).contains("private repository").containsPattern("\\d{4}–\\d{4}")
                    .doesNotContain("acme").doesNotContain("payroll").doesNotContain(repo.getParent().toString())
                    .doesNotContain("src/main/java").doesNotContain(CvHistories.MESSAGE_WORD);

            // the CV links to each year, and each year of the span answers
            String cv = get(base + "/cv/ada").body();
            for (int y = commitsPerYear.firstKey(); y <= year; y++) {
                assertThat(cv).contains("href=\"/cv/ada/year/" + y + "\"");
                assertThat(get(base + "/cv/ada/year/" + y).statusCode()).isEqualTo(200);
            }

            // the same 404 page as the CV's for everything else
            String notFound = get(base + "/cv/nobody").body();
            for (String path : List.of("/cv/nobody/year/" + year, "/cv/carol/year/" + year,
                    "/cv/ada/year/" + (commitsPerYear.firstKey() - 1), "/cv/ada/year/" + (year + 1),
                    "/cv/ada/year/20x4", "/cv/ada/year/99999", "/cv/ada/year/-2024", "/cv/ada/year/0")) {
                HttpResponse<String> response = get(base + path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                String login = path.split("/")[2];
                assertThat(response.body().replace(login, "LOGIN")).as(path)
                        .isEqualTo(notFound.replace("nobody", "LOGIN"));
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
