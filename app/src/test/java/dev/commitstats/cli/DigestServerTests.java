package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.digest.DigestJobs;
import dev.commitstats.digest.DigestPreferences;
import dev.commitstats.digest.IsoWeek;
import dev.commitstats.digest.UnsubscribeLinks;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import dev.commitstats.tokens.TokenCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest in the running server on both databases: the page for a signed-in user (and a redirect to
 * sign-in for anyone else), the opt-in form, the JSON API, the unsubscribe link without a session or CSRF token
 * (RFC 8058), and the e-mail through a real SMTP server (GreenMail) with {@code spring.mail.host} set.
 */
class DigestServerTests {

    /** Ada with a private repository and three commits in last week (the server's clock is the real one). */
    static long ada(TestDatabase db) {
        long user = SignInServerTests.account(db, "ada", false);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long repo = registry.registerRepository(user, new NewRepository("https://git.acme.example/acme/secret-app.git",
                SourceKind.GIT, "secret-app", "acme", true, true));
        LocalDate monday = IsoWeek.of(LocalDate.now(ZoneOffset.UTC)).previous().monday();
        List<CommitFact> facts = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant t = monday.plusDays(i).atTime(12, 0).toInstant(ZoneOffset.UTC);
            facts.add(new CommitFact(String.format("%040x", i + 1), "ada@example.com", t, 0, t, 1,
                    new CommitKind(CommitType.FEAT, false, false), Map.of("Java", new LineCount(10, 0, 1)),
                    Map.<ExclusionBucket, LineCount>of(), List.of(), List.of()));
        }
        new CommitFactStore(db.dataSource(), registry).writeBatch(repo, facts, null);
        return user;
    }

    private static DigestPreferences preferences(TestDatabase db) {
        return new DigestPreferences(db.dataSource(), new UserAccounts(db.dataSource(), Clock.systemUTC()),
                Clock.systemUTC());
    }

    @DatabaseTest
    void theDigestPageIsForItsSignedInOwnerAndTheOptInFormWorks(TestDatabase db) throws Exception {
        long user = ada(db);
        try (TestServer server = TestServer.start(db)) {
            WebSession anonymous = new WebSession(server.base());
            HttpResponse<String> redirected = anonymous.get("/user/digest");
            assertThat(redirected.statusCode()).isEqualTo(302);
            assertThat(redirected.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(anonymous.getJson("/api/v1/digest").statusCode()).isEqualTo(401);

            WebSession browser = new WebSession(server.base());
            browser.signIn("ada", SignInServerTests.PASSWORD);
            HttpResponse<String> page = browser.get("/user/digest");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Weekly digest").contains("You committed 3 times").contains("<svg")
                    .contains("private repository").doesNotContain("secret-app").doesNotContain("<script>")
                    .contains("no mail server configured");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(c -> assertThat(c).contains("script-src 'self'"));
            String week = IsoWeek.of(LocalDate.now(ZoneOffset.UTC)).previous().toString();
            assertThat(browser.get("/user/digest?week=" + week).body()).contains("Weekly digest — " + week);
            assertThat(browser.get("/user/digest?week=not-a-week").statusCode()).isEqualTo(400);

            HttpResponse<String> saved = browser.postForm("/user/digest/settings", Map.of("email", "true"),
                    "/user/digest");
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(preferences(db).of(user).email()).isTrue();
            assertThat(browser.postForm("/user/digest/settings", Map.of("email", "true"), null).statusCode())
                    .as("a forged form").isEqualTo(403);

            HttpResponse<String> json = browser.getJson("/api/v1/digest?week=" + week);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains("\"week\":\"" + week + "\"").contains("\"commits\":3")
                    .doesNotContain("secret-app");
            HttpResponse<String> off = browser.sendJson("PUT", "/api/v1/digest/settings", "{\"email\": false}", true);
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(preferences(db).of(user).email()).isFalse();
        }
    }

    @DatabaseTest
    void theMailedDigestsUnsubscribeLinkWorksWithoutSignInAndStopsTheNextMail(TestDatabase db) throws Exception {
        long user = ada(db);
        // opted in two weeks ago: last week's digest is due (any day but Monday before 08:00 UTC)
        preferences(db).change(user, true, null, IsoWeek.of(LocalDate.now(ZoneOffset.UTC)).minus(2));
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (TestServer server = TestServer.start(db, Map.of("spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtp.getSmtp().getPort(), "commitstats.digest.public-url", "https://stats.example"))) {
            java.time.ZonedDateTime now = java.time.ZonedDateTime.now(ZoneOffset.UTC);
            boolean due = now.getDayOfWeek() != java.time.DayOfWeek.MONDAY || now.getHour() >= 8;
            DigestJobs jobs = server.context().getBean(DigestJobs.class);
            jobs.sendDue();
            jobs.sendDue(); // a retried or doubled run
            assertThat(smtp.getReceivedMessages()).hasSize(due ? 1 : 0);

            String token = new UnsubscribeLinks(TokenCipher.open("", db.dataDir())).token(user);
            if (due) {
                String header = smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0];
                assertThat(header).startsWith("<https://stats.example/digest/unsubscribe?token=");
                token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> confirm = http.send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/digest/unsubscribe?token=" + token)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("Stop the weekly digest e-mails?");
            assertThat(confirm.headers().allValues("Set-Cookie")).as("no session for an anonymous visitor").isEmpty();
            assertThat(preferences(db).of(user).email()).as("a GET (a link scanner) changes nothing").isTrue();

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/digest/unsubscribe?token=1.forged")).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                    "List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(preferences(db).of(user).email()).isTrue();

            // RFC 8058: the mail client's one-click POST, no session, no CSRF token
            HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/digest/unsubscribe?token=" + token)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                    "List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(oneClick.statusCode()).isEqualTo(200);
            assertThat(oneClick.body()).contains("no more weekly digests");
            assertThat(preferences(db).of(user).email()).isFalse();

            int before = smtp.getReceivedMessages().length;
            jobs.sendDue();
            assertThat(smtp.getReceivedMessages()).hasSize(before);
        } finally {
            smtp.stop();
        }
    }
}
