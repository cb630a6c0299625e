package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The first-run setup with the code from the log; sessions kept in the database, so that a second server on the same
 * database accepts them; and a CV page seen by a signed-in user keeps nothing of them for the next visitor.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunAndSessionsServerTests {

    private static final Pattern CODE = Pattern.compile(
            "First-run setup: open http://localhost:(\\d+)/setup and enter the code ([0-9A-Z]{4}-[0-9A-Z]{4})");

    @DatabaseTest
    void theFirstAdminIsCreatedOnceWithTheCodeFromTheLog(TestDatabase db, CapturedOutput output) {
        try (TestServer server = TestServer.start(db)) {
            Matcher m = CODE.matcher(output.getAll());
            assertThat(m.find()).as(output.getAll()).isTrue();
            assertThat(server.base()).endsWith(":" + m.group(1));
            String code = m.group(2);
            WebSession browser = new WebSession(server.base());
            assertThat(browser.get("/login").body()).contains("href=\"/setup\"");
            assertThat(browser.get("/setup").body()).contains("First-run setup");

            Map<String, String> form = Map.of("code", "ABCD-EFGH", "login", "root", "email", "root@example.com",
                    "password", "the admin password", "password2", "the admin password");
            HttpResponse<String> wrong = browser.postForm("/setup", form, "/setup");
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.body()).contains("That is not the setup code").contains("value=\"root\"")
                    .doesNotContain("the admin password");
            HttpResponse<String> forged = browser.postForm("/setup", withCode(form, code), null);
            assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
            assertThat(new UserAccounts(db.dataSource(), java.time.Clock.systemUTC()).find("root")).isEmpty();

            HttpResponse<String> differing = browser.postForm("/setup", Map.of("code", code, "login", "root",
                    "password", "the admin password", "password2", "another password"), "/setup");
            assertThat(differing.body()).contains("The two passwords differ.");

            HttpResponse<String> done = browser.postForm("/setup", withCode(form, code.toLowerCase()), "/setup");
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?set-up"));
            // once only: the page is gone and the code does not work again
            assertThat(browser.get("/setup").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            HttpResponse<String> again = browser.postForm("/setup", withCode(Map.of("code", code, "login", "evil",
                    "password", "the evil password", "password2", "the evil password"), code), "/login");
            assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(new UserAccounts(db.dataSource(), java.time.Clock.systemUTC()).find("evil")).isEmpty();
            assertThat(browser.get("/login").body()).doesNotContain("href=\"/setup\"");

            assertThat(browser.signIn("root", "the admin password").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/user"));
            assertThat(browser.get("/user").body()).contains("Signed in as <strong>root</strong>")
                    .contains("administrator");
        }
    }

    @DatabaseTest
    void noCodeIsPrintedOnceAnAccountHasAPassword(TestDatabase db, CapturedOutput output) {
        SignInServerTests.account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            assertThat(output.getAll()).doesNotContain("First-run setup");
            WebSession browser = new WebSession(server.base());
            assertThat(browser.get("/setup").statusCode()).isEqualTo(302);
            HttpResponse<String> post = browser.postForm("/setup", Map.of("code", "ABCD-EFGH", "login", "x",
                    "password", "0123456789", "password2", "0123456789"), "/login");
            assertThat(post.statusCode()).isEqualTo(302);
        }
    }

    @DatabaseTest
    void aSessionIsAcceptedByAnotherServerOnTheSameDatabase(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "ada", false);
        String cookie;
        try (TestServer first = TestServer.start(db)) {
            WebSession browser = new WebSession(first.base());
            browser.signIn("ada", SignInServerTests.PASSWORD);
            assertThat(browser.get("/user").statusCode()).isEqualTo(200);
            cookie = browser.sessionId();
        }
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'ada'")
                .query(Long.class).single()).isEqualTo(1);
        try (TestServer second = TestServer.start(db)) {
            HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(second.base() + "/api/v1/me")).header("Cookie", "SESSION=" + cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"login\":\"ada\"");
        }
    }

    @DatabaseTest
    void aCvPageSeenSignedInKeepsNothingOfTheViewerForTheNext(TestDatabase db) throws Exception {
        Path repo = Files.createTempDirectory("cv-viewer");
        try (GitRepoBuilder git = GitRepoBuilder.initBare(repo)) {
            git.author("Bob", "bob@example.com").at("2024-05-01T10:00:00+02:00");
            git.write("A.java", "class A {}\n");
            git.commit("feat: a");
        }
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "bob", "--email", "bob@example.com",
                repo.toString(), "--publish").exitCode()).isZero();
        SignInServerTests.account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            WebSession ada = new WebSession(server.base());
            ada.signIn("ada", SignInServerTests.PASSWORD);
            String csrf = WebSession.metaToken(ada.get("/user").body());
            HttpResponse<String> seenByAda = ada.get("/cv/bob");
            assertThat(seenByAda.statusCode()).isEqualTo(200);
            HttpResponse<String> seenByAnyone = new WebSession(server.base()).get("/cv/bob");
            assertThat(seenByAnyone.body()).doesNotContain("ada").doesNotContain(csrf).doesNotContain("_csrf")
                    .contains("Sign in");
        }
    }

    private static Map<String, String> withCode(Map<String, String> form, String code) {
        Map<String, String> m = new java.util.HashMap<>(form);
        m.put("code", code);
        return m;
    }
}
