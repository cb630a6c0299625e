package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.NewAccount;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sign-in, sessions, CSRF and API keys against the real server over HTTP, on both databases: what an anonymous
 * visitor, a browser with a session and a script with a key may each do.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInServerTests {

    static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    static long account(TestDatabase db, String login, boolean admin) {
        AccountSecurity security = new AccountSecurity(db.dataSource(),
                new UserAccounts(db.dataSource(), Clock.systemUTC()), Clock.systemUTC());
        return security.create(new NewAccount(login, login.toUpperCase(), List.of(login + "@example.com"), admin,
                null), PASSWORD).id();
    }

    @DatabaseTest
    void anonymousApiRequestsGet401ProblemsAndPagesRedirectToSignIn(TestDatabase db) throws Exception {
        try (TestServer server = TestServer.start(db)) {
            WebSession anonymous = new WebSession(server.base());
            HttpResponse<String> me = anonymous.getJson("/api/v1/me");
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(me.body()).get("detail").asString()).contains("sign in");
            assertThat(anonymous.get("/api/v1/me").statusCode()).as("a browser asking the API").isEqualTo(401);
            assertThat(anonymous.sendJson("POST", "/api/v1/api-keys", "{}", false).statusCode()).isEqualTo(401);

            HttpResponse<String> user = anonymous.get("/user");
            assertThat(user.statusCode()).isEqualTo(302);
            assertThat(user.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

            // the public routes stay public, and an unknown route is not found whoever asks
            assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/cv/nobody").statusCode()).isEqualTo(404);
            assertThat(anonymous.getJson("/api/v1/cv/nobody").statusCode()).isEqualTo(404);
            assertThat(anonymous.get("/ranking").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/css/app.css").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
            HttpResponse<String> missing = anonymous.get("/no-such-page");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Not found").doesNotContain("Exception").doesNotContain("at dev.");
            HttpResponse<String> missingApi = anonymous.getJson("/api/v1/no-such-route");
            assertThat(missingApi.statusCode()).isEqualTo(404);
            assertThat(missingApi.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            // a visitor of public pages gets no session (the sign-in form's CSRF token needs one)
            assertThat(anonymous.sessionId()).isNull();
            assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
            assertThat(anonymous.sessionId()).isNotNull();
        }
    }

    @DatabaseTest
    void aBrowserSignsInWithASessionAndCsrfAndSignsOut(TestDatabase db) throws Exception {
        account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            WebSession browser = new WebSession(server.base());
            HttpResponse<String> signedIn = browser.signIn("ada", PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/user"));
            String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

            HttpResponse<String> user = browser.get("/user");
            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(user.body()).contains("Signed in as <strong>ada</strong>").contains("Logout")
                    .contains("<meta name=\"_csrf\"");
            assertThat(user.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
            JsonNode me = JSON.readTree(browser.getJson("/api/v1/me").body());
            assertThat(me.get("login").asString()).isEqualTo("ada");
            assertThat(me.get("name").asString()).isEqualTo("ADA");
            assertThat(me.get("admin").asBoolean()).isFalse();
            assertThat(me.get("identities").get(0).get("email").asString()).isEqualTo("ada@example.com");

            // a state-changing API call from the session needs the page's CSRF token
            assertThat(browser.sendJson("POST", "/api/v1/api-keys", "{\"scopes\":[\"read\"]}", false).statusCode())
                    .isEqualTo(403);
            HttpResponse<String> created = browser.sendJson("POST", "/api/v1/api-keys",
                    "{\"name\":\"laptop\",\"scopes\":[\"read\",\"push\"]}", true);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            // a forged sign-out (no token) is refused; the real one works
            HttpResponse<String> forged = browser.postForm("/logout", Map.of(), null);
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("Not allowed");
            assertThat(browser.get("/user").statusCode()).isEqualTo(200);
            HttpResponse<String> out = browser.postForm("/logout", Map.of(), "/user");
            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(browser.get("/user").statusCode()).isEqualTo(302);
        }
    }

    @DatabaseTest
    void aWrongPasswordAndAnUnknownLoginReadTheSame(TestDatabase db) {
        account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            WebSession browser = new WebSession(server.base());
            HttpResponse<String> wrong = browser.signIn("ada", "not the password");
            HttpResponse<String> unknown = browser.signIn("nobody", PASSWORD);
            assertThat(wrong.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
            assertThat(browser.get("/login?error").body()).contains("Wrong login or password.");
            assertThat(browser.get("/user").statusCode()).isEqualTo(302);
        }
    }

    @DatabaseTest
    void aKeyWorksWithoutCsrfOnlyInTheAuthorizationHeader(TestDatabase db) throws Exception {
        long ada = account(db, "ada", false);
        long bob = account(db, "bob", false);
        ApiKeys keys = new ApiKeys(db.dataSource(), Clock.systemUTC());
        String adaKey = keys.create(ada, "ci", Set.of(Caller.Scope.READ, Caller.Scope.WRITE)).value();
        String readOnly = keys.create(ada, "dashboard", Set.of(Caller.Scope.READ)).value();
        ApiKeys.Created bobs = keys.create(bob, "bob's", Set.of(Caller.Scope.READ, Caller.Scope.WRITE));
        try (TestServer server = TestServer.start(db)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> me = http.send(bearer(server.base() + "/api/v1/me", adaKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"login\":\"ada\"");
            assertThat(me.headers().allValues("Set-Cookie")).as("stateless").isEmpty();

            // no CSRF token needed with a key
            HttpResponse<String> created = http.send(bearer(server.base() + "/api/v1/api-keys", adaKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"more\",\"scopes\":[\"read\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("key").asString()).startsWith("cs_");

            // a key cannot mint a key stronger than itself, and a read-only key cannot write
            HttpResponse<String> stronger = http.send(bearer(server.base() + "/api/v1/api-keys", adaKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"push\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stronger.statusCode()).isEqualTo(403);
            assertThat(stronger.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(http.send(bearer(server.base() + "/api/v1/api-keys/" + bobs.key().id(), readOnly).DELETE()
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

            // another user's key is not found, and stays valid
            HttpResponse<String> notMine = http.send(bearer(server.base() + "/api/v1/api-keys/" + bobs.key().id(),
                    adaKey).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notMine.statusCode()).isEqualTo(404);
            assertThat(notMine.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(http.send(bearer(server.base() + "/api/v1/me", bobs.value()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            // a key anywhere but the Authorization header is not read
            for (String param : List.of("api_key", "access_token", "key", "token")) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/me?" + param + "="
                        + adaKey)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as(param).isEqualTo(401);
            }
            assertThat(http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/me"))
                    .header("Cookie", "SESSION=" + adaKey).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);

            // revoked: 401 from then on
            HttpResponse<String> list = http.send(bearer(server.base() + "/api/v1/api-keys", adaKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.body()).doesNotContain(adaKey).doesNotContain(readOnly).contains("\"prefix\":\"cs_");
            long readOnlyId = keys.list(ada).stream().filter(k -> k.name().equals("dashboard")).findFirst()
                    .orElseThrow().id();
            assertThat(http.send(bearer(server.base() + "/api/v1/api-keys/" + readOnlyId, adaKey).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> revoked = http.send(bearer(server.base() + "/api/v1/me", readOnly).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(401);
            assertThat(revoked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(revoked.body()).doesNotContain(readOnly);
        }
    }

    @DatabaseTest
    void signInAttemptsAreLimitedPerLogin(TestDatabase db) {
        account(db, "ada", false);
        try (TestServer server = TestServer.start(db, Map.of("commitstats.sign-in.attempts-per-login", 3))) {
            WebSession browser = new WebSession(server.base());
            for (int i = 0; i < 3; i++) {
                assertThat(browser.signIn("ada", "wrong " + i).headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            }
            // the right password no longer helps until the window has passed
            HttpResponse<String> limited = browser.signIn("ada", PASSWORD);
            assertThat(limited.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).matches(".*/login\\?wait=\\d+"));
            String wait = limited.headers().firstValue("Location").orElseThrow().replaceAll(".*wait=", "");
            assertThat(browser.get("/login?wait=" + wait).body())
                    .contains("Too many attempts, try again in " + wait + " minutes.");
            assertThat(browser.get("/user").statusCode()).isEqualTo(302);
            // another login from the same address is still counted separately (its address limit is higher)
            account(db, "bob", false);
            assertThat(browser.signIn("bob", PASSWORD).headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/user"));
        }
    }

    @DatabaseTest
    void secretsNeverAppearInLogsOrResponses(TestDatabase db, CapturedOutput output) throws Exception {
        account(db, "ada", false);
        String key;
        try (TestServer server = TestServer.start(db, Map.of("logging.level.dev.commitstats", "DEBUG",
                "logging.level.org.springframework.security", "DEBUG"))) {
            WebSession browser = new WebSession(server.base());
            browser.signIn("ada", "a wrong password here");
            browser.signIn("ada", PASSWORD);
            browser.get("/user");
            HttpResponse<String> created = browser.sendJson("POST", "/api/v1/api-keys",
                    "{\"name\":\"x\",\"scopes\":[\"read\"]}", true);
            key = JSON.readTree(created.body()).get("key").asString();
            browser.getJson("/api/v1/api-keys");
            browser.getJson("/api/v1/me");
            HttpClient.newHttpClient().send(bearer(server.base() + "/api/v1/me", key).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpClient.newHttpClient().send(bearer(server.base() + "/api/v1/me", key + "x").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = browser.sessionId();
            assertThat(session).isNotBlank();
            String responses = browser.everything().replace(created.body(), ""); // the one answer that holds the key
            assertThat(responses).doesNotContain(PASSWORD).doesNotContain("a wrong password here")
                    .doesNotContain(key);
            assertThat(output.getAll()).contains("ada") // the logs were captured
                    .doesNotContain(PASSWORD).doesNotContain("a wrong password here").doesNotContain(key)
                    .doesNotContain(session);
        }
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM api_keys WHERE key_hash LIKE :k").param("k", "%" + key + "%")
                .query(Long.class).single()).isZero();
        assertThat(db.jdbc().sql("SELECT password_hash FROM users WHERE login = 'ada'").query(String.class).single())
                .startsWith("{bcrypt}").doesNotContain(PASSWORD);
    }

    @DatabaseTest
    void everyResponseCarriesTheSecurityHeadersAndTheCardStaysEmbeddable(TestDatabase db) {
        try (TestServer server = TestServer.start(db)) {
            WebSession anonymous = new WebSession(server.base());
            for (String path : List.of("/", "/login", "/cv/nobody", "/api/v1/me", "/no-such-page")) {
                HttpResponse<String> r = anonymous.get(path);
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'"));
                assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(r.headers().firstValue("Referrer-Policy")).as(path)
                        .hasValue("strict-origin-when-cross-origin");
                assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            }
            HttpResponse<String> card = anonymous.get("/cv/nobody/card.svg");
            assertThat(card.statusCode()).isEqualTo(200);
            assertThat(card.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).doesNotContain("frame-ancestors"));
            assertThat(card.headers().firstValue("X-Frame-Options")).isEmpty();
            assertThat(card.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(card.headers().firstValue("Cache-Control")).hasValueSatisfying(c ->
                    assertThat(c).doesNotContain("no-store"));
        }
    }

    static HttpRequest.Builder bearer(String url, String key) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Accept", "application/json");
    }
}
