package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The SVG card through the real server on each database: a published user's card with the numbers of their CV,
 * cache headers and revalidation; a "no public CV" image for anyone else; never a repository's name.
 */
class CvCardServerTests {

    /** What a browser sends for an {@code <img>}. */
    private static final String IMAGE_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    private final HttpClient http = HttpClient.newHttpClient();

    @DatabaseTest
    void aPublishedCvHasACardThatRevalidatesAndOthersGetANotFoundCard(TestDatabase db) throws Exception {
        Path repo = Files.createTempDirectory("card-secret-repo");
        try (GitRepoBuilder git = GitRepoBuilder.initBare(repo)) {
            for (int i = 0; i < 5; i++) {
                git.author("Ada", "ada@example.com").at("2024-05-0" + (i + 1) + "T10:00:00+02:00");
                git.write("src/A" + i + ".java", "class A" + i + " {\n}\n");
                git.write("cmd/b" + i + ".go", "package b\n");
                git.commit("feat: part " + i);
            }
        }
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "ada", "--email", "ada@example.com",
                repo.toString()).exitCode()).isZero();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "bob", "--email", "bob@example.com",
                repo.toString()).exitCode()).isZero();
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        accounts.setPublished(accounts.require("ada").id(), true);

        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            JsonNode json = new ObjectMapper().readTree(get(base + "/api/v1/cv/ada", null).body());

            HttpResponse<String> card = get(base + "/cv/ada/card.svg?number_format=long&show=deletions", null);
            assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
            assertThat(card.headers().firstValue("content-type")).hasValue("image/svg+xml;charset=utf-8");
            assertThat(card.headers().firstValue("cache-control"))
                    .hasValue("max-age=1800, s-maxage=3600, stale-while-revalidate=86400");
            assertThat(card.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(card.headers().firstValue("content-security-policy")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("default-src 'none'"));
            String etag = card.headers().firstValue("etag").orElseThrow();
            assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(card.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                    .contains("ada&#39;s Commit Stats")
                    .contains("data-testid=\"commits\">" + json.get("commits").asLong() + "<")
                    .contains("data-testid=\"lines\">" + json.get("additions").asLong() + "<")
                    .contains("data-testid=\"deletions\">" + json.get("deletions").asLong() + "<")
                    .contains("data-testid=\"days\">" + json.get("activity").get("active_days").asLong() + "<")
                    .contains("data-testid=\"streak\">5 days<")
                    .contains("data-testid=\"span\">May 2024<")
                    .contains(">Java<", ">Go<");
            assertThat(json.get("commits").asLong()).isEqualTo(5);
            assertThat(card.body()).doesNotContain(repo.getFileName().toString(), "card-secret-repo",
                    "private repository");

            HttpResponse<String> again = get(base + "/cv/ada/card.svg?number_format=long&show=deletions", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("etag")).hasValue(etag);
            assertThat(again.headers().firstValue("cache-control")).hasValue(
                    card.headers().firstValue("cache-control").orElseThrow());
            assertThat(get(base + "/cv/ada/card.svg?number_format=long&show=deletions", "\"other\", " + etag)
                    .statusCode()).as("one of several tags").isEqualTo(304);
            assertThat(get(base + "/cv/ada/card.svg?number_format=long&show=deletions", "\"other\"").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> dark = get(base + "/cv/ada/card.svg?theme=dark", etag);
            assertThat(dark.statusCode()).as("another picture, another tag").isEqualTo(200);
            assertThat(dark.headers().firstValue("etag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));

            HttpResponse<String> bad = get(base + "/cv/ada/card.svg?theme=%3Cx%3E&langs_count=-1&layout=pie"
                    + "&number_format=9&border_radius=NaN&hide_title=maybe&hide=%3Cscript%3E&show=x&show=y", null);
            assertThat(bad.statusCode()).as("bad values fall back").isEqualTo(200);
            assertThat(bad.body()).contains("ada&#39;s Commit Stats").doesNotContain("<x>", "<script");

            for (String login : new String[] {"bob", "nobody"}) {
                HttpResponse<String> missing = get(base + "/cv/" + login + "/card.svg?theme=dark", null);
                assertThat(missing.statusCode()).as(login).isEqualTo(200);
                assertThat(missing.headers().firstValue("content-type")).hasValue("image/svg+xml;charset=utf-8");
                assertThat(missing.headers().firstValue("cache-control"))
                        .hasValue("max-age=60, s-maxage=60, stale-while-revalidate=60");
                assertThat(missing.body()).contains("no public CV for &#39;" + login + "&#39;")
                        .doesNotContain("card-secret-repo", "Commits");
            }
            HttpResponse<String> hostile = get(base + "/cv/%3Cscript%3E%26%22/card.svg", null);
            assertThat(hostile.statusCode()).isEqualTo(200);
            assertThat(hostile.body()).contains("no public CV for &#39;&lt;script&gt;&amp;&quot;&#39;")
                    .doesNotContain("<script");
            assertThat(get(base + "/api/docs", null).body()).as("not part of the JSON API")
                    .doesNotContain("card.svg");
        }
    }

    private HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", IMAGE_ACCEPT).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
