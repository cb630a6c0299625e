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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Named CVs end to end on each database, made with the {@code cv} command and read from the real server: the named
 * CV's numbers are {@code stats}' over its repository, its page, card, JSON and year pages name no private repository,
 * unknown and unpublished ones get the default CV's 404s, and {@code /cvs} lists only published CVs.
 */
class CvNamedServerTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private static CommandLineTests.Run cv(TestDatabase db, String subcommand, String... args) {
        List<String> all = new ArrayList<>(List.of("cv", subcommand));
        all.addAll(List.of(db.cliOptions()));
        all.addAll(List.of(args));
        return CommandLineTests.run(all.toArray(String[]::new));
    }

    private static long repositoryId(TestDatabase db, String name) {
        return db.jdbc().sql("SELECT id FROM repositories WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @DatabaseTest
    void aNamedCvCountsItsSelectionAndNamesNoPrivateRepository(TestDatabase db) throws Exception {
        Path root = Files.createTempDirectory("cv-named");
        Path payroll = root.resolve("acme-payroll-engine");
        Path infra = root.resolve("acme-infra-stacks");
        CvHistories.write(payroll, 7, 40, 700, 2, List.of(CvHistories.JAVA, CvHistories.SQL), true);
        CvHistories.write(infra, 8, 25, 500, 30, List.of(CvHistories.HCL, CvHistories.SHELL), false);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create(CvHistories.LOGIN, "Ada Lovelace", ZoneId.of("Europe/Berlin")).id();
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, "--email",
                CvHistories.EMAIL, payroll.toString(), infra.toString()).exitCode()).isZero();
        accounts.setPublished(ada, true);
        long payrollId = repositoryId(db, "acme-payroll-engine");
        long infraId = repositoryId(db, "acme-infra-stacks");

        CommandLineTests.Run created = cv(db, "create", "--user", "ada", "backend", "--repository",
                Long.toString(payrollId), "--title", "Backend work", "--publish", "--format", "json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(json.readTree(created.out()).get("cvs").get(0).get("path").asString()).isEqualTo("/cv/ada/backend");
        assertThat(cv(db, "create", "--user", "ada", "infra", "--hide", Long.toString(payrollId)).exitCode())
                .as("an unpublished one").isZero();
        CommandLineTests.Run reserved = cv(db, "create", "--user", "ada", "card");
        assertThat(reserved.exitCode()).isEqualTo(1);
        assertThat(reserved.err()).contains("'card' cannot name a CV: it is reserved");

        try (TestServer server = TestServer.start(db)) {
            String base = server.base();
            JsonNode named = json.readTree(get(base + "/api/v1/cv/ada/backend").body());
            JsonNode whole = json.readTree(get(base + "/api/v1/cv/ada").body());
            // the oracle: stats over the one repository the CV counts
            CommandLineTests.Run stats = CommandLineTests.run("stats", payroll.toString(), "--author",
                    CvHistories.EMAIL, "--format", "json");
            JsonNode expected = json.readTree(stats.out());
            for (String field : List.of("commits", "additions", "deletions", "languages", "excluded", "types")) {
                assertThat(named.get(field)).as(field).isEqualTo(expected.get(field));
            }
            assertThat(named.get("commits").asLong()).isLessThan(whole.get("commits").asLong());
            assertThat(named.get("repositories")).hasSize(1);
            assertThat(named.propertyNames()).as("the default CV's shape")
                    .containsExactlyElementsOf(whole.propertyNames());

            // every response of the named CV: masked everywhere
            List<String> bodies = new ArrayList<>();
            HttpResponse<String> page = get(base + "/cv/ada/backend");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Backend work").contains("href=\"/api/v1/cv/ada/backend\"")
                    .contains("<title>Ada Lovelace — Backend work · coding CV · Commit Stats</title>");
            bodies.add(page.body());
            bodies.add(get(base + "/api/v1/cv/ada/backend").body());
            bodies.add(get(base + "/api/v1/cv/ada/backend/resume.json").body());
            HttpResponse<String> card = get(base + "/cv/ada/backend/card.svg?show=repositories");
            assertThat(card.statusCode()).isEqualTo(200);
            assertThat(card.body()).startsWith("<svg").doesNotContain("no public CV");
            bodies.add(card.body());
            Matcher years = Pattern.compile("href=\"(/cv/ada/backend/year/\\d{4})\"").matcher(page.body());
            int yearPages = 0;
            while (years.find()) {
                HttpResponse<String> year = get(base + years.group(1));
                assertThat(year.statusCode()).as(years.group(1)).isEqualTo(200);
                assertThat(year.body()).contains("href=\"/cv/ada/backend\"");
                bodies.add(year.body());
                yearPages++;
            }
            assertThat(yearPages).isGreaterThan(0);
            for (String body : bodies) {
                assertThat(body).doesNotContain("acme").doesNotContain("payroll").doesNotContain("infra-stacks")
                        .doesNotContain(root.toString()).doesNotContain(CvHistories.MESSAGE_WORD);
            }

            // unpublished, unknown, reserved or malformed: the default CV's answers
            for (String address : List.of("ada/infra", "ada/nothing", "nobody/backend", "ada/Not_A_Name")) {
                HttpResponse<String> notFound = get(base + "/cv/" + address);
                assertThat(notFound.statusCode()).as(address).isEqualTo(404);
                assertThat(notFound.body()).contains("No public CV here");
                HttpResponse<String> api = get(base + "/api/v1/cv/" + address);
                assertThat(api.statusCode()).as(address).isEqualTo(404);
                assertThat(api.headers().firstValue("content-type")).hasValue("application/problem+json");
                HttpResponse<String> notFoundCard = get(base + "/cv/" + address + "/card.svg");
                assertThat(notFoundCard.statusCode()).as(address).isEqualTo(200);
                assertThat(notFoundCard.body()).contains("no public CV");
                assertThat(get(base + "/cv/" + address + "/year/2024").statusCode()).isEqualTo(404);
            }
            // the default CV's own sub-routes are not named CVs
            assertThat(get(base + "/cv/ada/card.svg").body()).doesNotContain("no public CV");
            assertThat(get(base + "/api/v1/cv/ada/resume.json").statusCode()).isEqualTo(200);

            // the listing: the default CV and the published named one, never the unpublished one
            JsonNode listed = json.readTree(get(base + "/api/v1/cvs").body());
            assertThat(listed.get("cvs").valueStream().map(e -> e.get("cv").asString()).toList())
                    .containsExactlyInAnyOrder("/cv/ada", "/cv/ada/backend");
            assertThat(listed.get("cvs").valueStream().filter(e -> e.get("cv").asString().equals("/cv/ada/backend"))
                    .findFirst().orElseThrow().get("commits").asLong()).isEqualTo(named.get("commits").asLong());
            HttpResponse<String> cvs = get(base + "/cvs");
            assertThat(cvs.statusCode()).isEqualTo(200);
            assertThat(cvs.body()).contains("href=\"/cv/ada/backend\"").contains("Backend work")
                    .doesNotContain("/cv/ada/infra").doesNotContain("acme");

            // unpublishing takes it out at once
            assertThat(cv(db, "update", "--user", "ada", "backend", "--unpublish").exitCode()).isZero();
            assertThat(get(base + "/cv/ada/backend").statusCode()).isEqualTo(404);
        }
        CommandLineTests.Run list = cv(db, "list", "--user", "ada");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("(default)").contains("backend").contains("infra")
                .contains("hidden: " + payrollId).doesNotContain("hidden: " + infraId);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
