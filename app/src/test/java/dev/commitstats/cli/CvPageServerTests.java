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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The public CV page, {@code GET /cv/{login}}, from the real server on each database: the numbers it shows are the JSON
 * API's, private repositories are never named, every chart has its table in the HTML, and anyone but a published user
 * gets the same 404.
 */
class CvPageServerTests {

    private static final Pattern FIGURE = Pattern.compile(
            "<data class=\"headline-value\" value=\"(\\d+)\" data-metric=\"([a-z_]+)\">");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @DatabaseTest
    void aPublishedCvPageShowsTheApisNumbersAndNamesNoPrivateRepository(TestDatabase db) throws Exception {
        Path repo = Files.createTempDirectory("cv-page").resolve("acme-payroll-engine");
        CvHistories.write(repo, 7, 40, 700, 2, List.of(CvHistories.JAVA, CvHistories.SQL, CvHistories.TYPESCRIPT),
                true);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create(CvHistories.LOGIN, "Ada Lovelace", ZoneId.of("Europe/Berlin")).id();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, "--email", CvHistories.EMAIL,
                repo.toString()).exitCode()).isZero();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "bob", "--email", CvHistories.COLLEAGUE,
                repo.toString()).exitCode()).isZero();
        accounts.setPublished(ada, true);

        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            HttpResponse<String> page = get(base + "/cv/ada");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/html"));
            String html = page.body();
            JsonNode json = new ObjectMapper().readTree(get(base + "/api/v1/cv/ada").body());

            Map<String, Long> figures = new HashMap<>();
            Matcher m = FIGURE.matcher(html);
            while (m.find()) {
                figures.put(m.group(2), Long.parseLong(m.group(1)));
            }
            assertThat(json.get("commits").asLong()).isGreaterThan(40);
            assertThat(figures).containsEntry("commits", json.get("commits").asLong())
                    .containsEntry("additions", json.get("additions").asLong())
                    .containsEntry("commit_days", json.get("activity").get("active_days").asLong())
                    .containsEntry("languages", (long) json.get("languages").size())
                    .containsEntry("repositories", 1L);
            assertThat(html).contains(String.format(java.util.Locale.ENGLISH, "%,d",
                    json.get("deletions").asLong()) + " deleted");

            // what a search engine and a link preview read
            assertThat(html).contains("<title>Ada Lovelace — coding CV · Commit Stats</title>")
                    .containsPattern("<meta name=\"description\" content=\"Ada Lovelace&#39;s coding CV: [^\"]+\">")
                    .contains("<meta property=\"og:title\" content=\"Ada Lovelace — coding CV · Commit Stats\">")
                    .contains("<meta property=\"og:description\"")
                    .contains("href=\"/api/v1/cv/ada\"");

            // every chart stands over a table, or a sentence, that reads without JavaScript
            assertThat(html).contains("<caption>Commits, commit days and commit types per year</caption>")
                    .contains("<caption>Lines added per year and language</caption>")
                    .contains("<caption>Lines per language, all time</caption>")
                    .contains("<caption>Commits per type, all time</caption>")
                    .contains("<caption>Commits per month from ")
                    .contains("<caption>Commits per weekday and hour of the day")
                    .containsPattern("[\\d,]+ commits on [\\d,]+ days between ")
                    .contains("<th scope=\"row\">Lines added</th>")
                    .contains("<th scope=\"row\">Java lines added</th>");
            for (String chart : List.of("years", "year-types", "daily", "languages-time", "languages-share",
                    "types-time", "calendar", "punch-card")) {
                assertThat(html).contains("data-chart=\"" + chart + "\"");
            }
            assertThat(html).contains("data-bucket=\"vendored\"").contains("data-bucket=\"bulk\"")
                    .contains("Dockerfiles").contains("org.slf4j:slf4j-api");

            // the charts come from this server, never from a CDN
            // (the template names no version: the WebJar locator resolves it, and the link carries it)
            Matcher echarts = Pattern.compile("src=\"(/webjars/echarts/5\\.[\\d.]+/dist/echarts\\.min\\.js)\"")
                    .matcher(html);
            assertThat(echarts.find()).as("the ECharts script").isTrue();
            assertThat(html).contains("src=\"/js/cv.js\"").doesNotContainPattern("(src|href)=\"(https?:)?//");
            assertThat(get(base + echarts.group(1)).statusCode()).isEqualTo(200);
            assertThat(get(base + "/js/cv.js").statusCode()).isEqualTo(200);
            assertThat(get(base + "/css/cv.css").statusCode()).isEqualTo(200);

            // masking: the private repository is described, never named; no path or message leaks
            assertThat(html).contains("private repository")
                    .containsPattern("Java, (SQL|TypeScript), (SQL|TypeScript) · \\d{4}–\\d{4}")
                    .doesNotContain("acme").doesNotContain("payroll").doesNotContain(repo.getParent().toString())
                    .doesNotContain("src/main/java").doesNotContain("Chart.yaml").doesNotContain(".github")
                    .doesNotContain(CvHistories.MESSAGE_WORD);
        }
    }

    @DatabaseTest
    void unknownAndUnpublishedUsersGetTheSameNotFoundPage(TestDatabase db) throws Exception {
        Path repo = Files.createTempDirectory("cv-page").resolve("hidden-project");
        CvHistories.write(repo, 3, 6, 30, 1, List.of(CvHistories.PYTHON), false);
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "carol", "--email", CvHistories.EMAIL,
                repo.toString()).exitCode()).isZero();

        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            HttpResponse<String> unpublished = get(base + "/cv/carol");
            HttpResponse<String> unknown = get(base + "/cv/nobody");
            assertThat(unpublished.statusCode()).isEqualTo(404);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unpublished.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/html"));
            assertThat(unpublished.body()).contains("No public CV here").doesNotContain("hidden-project")
                    .doesNotContain("Python");
            assertThat(unpublished.body().replace("carol", "LOGIN")).isEqualTo(unknown.body().replace("nobody", "LOGIN"));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
