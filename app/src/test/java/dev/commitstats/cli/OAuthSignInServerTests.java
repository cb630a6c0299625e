package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "Sign in with NAME" against a real OpenID Connect server (mock-oauth2-server: discovery, authorization endpoint,
 * token endpoint with signed ID tokens, JWKS, user info), the whole authorization-code flow over HTTP with a cookie
 * jar, on both databases: the first sign-in creates the user, the next reuses it, an unverified email is left out, a
 * taken login gets a suffix, and a forged state, a refused consent and a provider that is down each end on
 * {@code /login} with a sentence.
 */
@ExtendWith(OutputCaptureExtension.class)
class OAuthSignInServerTests {

    static final String CLIENT_ID = "commitstats-test";
    static final String CLIENT_SECRET = "oidc-client-secret-4f9a2c71";
    private static final String ISSUER_ID = "keycloak";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The server with the OpenID Connect provider configured (and GitLab too, when {@code gitlabUrl} is given). */
    private static TestServer start(TestDatabase db, MockOAuth2Server oidc, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("commitstats.sign-in.oidc.issuer-uri", oidc.issuerUrl(ISSUER_ID).toString());
        settings.put("commitstats.sign-in.oidc.client-id", CLIENT_ID);
        settings.put("commitstats.sign-in.oidc.client-secret", CLIENT_SECRET);
        settings.put("commitstats.sign-in.oidc.name", "Keycloak");
        return TestServer.start(db, settings);
    }

    /** The provider's next sign-in is this user (the ID token's and the user info's claims). */
    private static void nextUser(MockOAuth2Server oidc, String subject, Map<String, Object> claims) {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), claims, 3600));
    }

    /**
     * The browser's way through a sign-in: the button's link, the provider's authorization endpoint (which signs the
     * queued user in without a form), the callback. Returns the callback's answer.
     */
    static HttpResponse<String> signIn(WebSession browser, TestServer server, String registrationId,
            String providerBase) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/" + registrationId);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = location(start);
        assertThat(authorize).startsWith(providerBase);
        Map<String, String> query = UriComponentsBuilder.fromUriString(authorize).build().getQueryParams()
                .toSingleValueMap();
        assertThat(query.get("redirect_uri")).isEqualTo(server.base() + "/login/oauth2/code/" + registrationId);
        assertThat(query.get("state")).isNotBlank();
        HttpResponse<String> consent = browser.getUrl(authorize);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        String callback = location(consent);
        assertThat(callback).startsWith(server.base() + "/login/oauth2/code/" + registrationId + "?");
        return browser.getUrl(callback);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static JsonNode me(WebSession browser) {
        HttpResponse<String> me = browser.getJson("/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return JSON.readTree(me.body());
    }

    @DatabaseTest
    void aFirstSignInCreatesTheUserWithItsVerifiedEmailAndTheNextOneReusesIt(TestDatabase db) throws Exception {
        MockOAuth2Server oidc = new MockOAuth2Server();
        oidc.start();
        try (TestServer server = start(db, oidc, Map.of())) {
            String providerBase = oidc.issuerUrl(ISSUER_ID).toString();
            WebSession browser = new WebSession(server.base());
            HttpResponse<String> login = browser.get("/login");
            assertThat(login.body()).contains("href=\"/oauth2/authorization/oidc\"").contains("Sign in with Keycloak")
                    .contains("Only your e-mail addresses and profile name are used.")
                    .contains("the first account becomes the administrator")
                    .doesNotContain("Sign in with GitHub");
            assertThat(browser.get("/setup").body()).contains("Or sign in with")
                    .contains("<a href=\"/oauth2/authorization/oidc\">Keycloak</a>")
                    .contains("the first account that signs in becomes the administrator");

            nextUser(oidc, "f3c1-ada", Map.of("preferred_username", "ada", "name", "Ada Lovelace",
                    "email", "Ada@Example.com", "email_verified", true, "picture", "https://img.example.com/ada.png"));
            HttpResponse<String> first = signIn(browser, server, "oidc", providerBase);
            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(location(first)).endsWith("/user");
            JsonNode me = me(browser);
            assertThat(me.get("login").asString()).isEqualTo("ada");
            assertThat(me.get("name").asString()).isEqualTo("Ada Lovelace");
            assertThat(me.get("avatar_url").asString()).isEqualTo("https://img.example.com/ada.png");
            assertThat(me.get("admin").asBoolean()).as("the instance's first account").isTrue();
            assertThat(me.get("identities").toString())
                    .isEqualTo("[{\"email\":\"ada@example.com\",\"verified\":true}]");
            assertThat(browser.get("/setup").headers().firstValue("Location")).as("set up by the sign-in")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

            HttpResponse<String> out = browser.postForm("/logout", Map.of(), "/user");
            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(browser.get("/user").statusCode()).isEqualTo(302);

            // the same provider user again, who has verified another email since: the same account
            nextUser(oidc, "f3c1-ada", Map.of("preferred_username", "ada.renamed", "email", "ada@work.example.com",
                    "email_verified", true));
            assertThat(location(signIn(browser, server, "oidc", providerBase))).endsWith("/user");
            JsonNode again = me(browser);
            assertThat(again.get("login").asString()).isEqualTo("ada");
            assertThat(again.get("identities").toString()).isEqualTo("[{\"email\":\"ada@example.com\","
                    + "\"verified\":true},{\"email\":\"ada@work.example.com\",\"verified\":true}]");
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(1);
            assertThat(db.jdbc().sql("SELECT registration_id || ':' || subject FROM sign_in_identities")
                    .query(String.class).list()).containsExactly("oidc:f3c1-ada");
        } finally {
            oidc.shutdown();
        }
    }

    @DatabaseTest
    void anUnverifiedEmailIsLeftOutAndATakenLoginGetsASuffix(TestDatabase db) {
        SignInServerTests.account(db, "ada", false);
        MockOAuth2Server oidc = new MockOAuth2Server();
        oidc.start();
        try (TestServer server = start(db, oidc, Map.of())) {
            WebSession browser = new WebSession(server.base());
            assertThat(browser.get("/login").body()).as("the instance has an account")
                    .doesNotContain("the first account becomes the administrator");
            nextUser(oidc, "someone-else", Map.of("preferred_username", "ada", "email", "ada@example.com",
                    "email_verified", false));
            assertThat(location(signIn(browser, server, "oidc", oidc.issuerUrl(ISSUER_ID).toString())))
                    .endsWith("/user");
            JsonNode me = me(browser);
            assertThat(me.get("login").asString()).isEqualTo("ada-2");
            assertThat(me.get("admin").asBoolean()).isFalse();
            assertThat(me.get("identities").size()).as("an unverified email is not theirs").isZero();
            assertThat(browser.get("/user").body()).contains("Signed in as <strong>ada-2</strong>");
        } finally {
            oidc.shutdown();
        }
    }

    @DatabaseTest
    void aForgedStateARefusedConsentAndAProviderThatIsDownEndOnTheSignInPage(TestDatabase db, CapturedOutput output)
            throws Exception {
        MockOAuth2Server oidc = new MockOAuth2Server();
        oidc.start();
        // GitLab at an address where nothing listens: discovery fails on the first click, not at the start
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long started = System.nanoTime();
        try (TestServer server = start(db, oidc, Map.of("commitstats.sign-in.gitlab.client-id", "gitlab-app",
                "commitstats.sign-in.gitlab.client-secret", "gitlab-secret-b7d1",
                "commitstats.sign-in.gitlab.base-url", "http://127.0.0.1:" + closed))) {
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
            assertThat(output.getAll()).doesNotContain("discovery document");
            WebSession browser = new WebSession(server.base());
            assertThat(browser.get("/login").body()).contains("Sign in with GitLab").contains("Sign in with Keycloak");

            HttpResponse<String> down = browser.get("/oauth2/authorization/gitlab");
            assertThat(location(down)).endsWith("/login?oauth-error=unavailable&provider=gitlab");
            assertThat(browser.get("/login?oauth-error=unavailable&provider=gitlab").body())
                    .contains("Sign-in with GitLab is not available right now");
            assertThat(output.getAll()).contains("Sign-in with GitLab is unavailable: cannot read the OpenID Connect "
                    + "discovery document http://127.0.0.1:" + closed + "/.well-known/openid-configuration");
            assertThat(location(browser.get("/oauth2/authorization/nobody")))
                    .endsWith("/login?oauth-error=unavailable&provider=nobody");
            assertThat(browser.get("/login?oauth-error=unavailable&provider=%3Cscript%3E").body())
                    .contains("Sign-in with that provider is not available").doesNotContain("<script>");

            // a callback whose state this browser never got (a forged link, or another browser's)
            HttpResponse<String> start = browser.get("/oauth2/authorization/oidc");
            String state = UriComponentsBuilder.fromUriString(location(start)).build().getQueryParams()
                    .getFirst("state");
            HttpResponse<String> forged = browser.get("/login/oauth2/code/oidc?code=stolen&state=not-" + state);
            assertThat(location(forged)).endsWith("/login?oauth-error=expired&provider=oidc");
            HttpResponse<String> page = browser.get(URI.create(location(forged)).getRawPath() + "?"
                    + URI.create(location(forged)).getRawQuery());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("That sign-in with Keycloak has expired or was started in another "
                    + "browser.").doesNotContain("Exception");

            // the user said no at the provider
            HttpResponse<String> denied = browser.get("/login/oauth2/code/oidc?error=access_denied"
                    + "&error_description=The+user+denied&state=" + state);
            assertThat(location(denied)).endsWith("/login?oauth-error=denied&provider=oidc");
            assertThat(browser.get("/login?oauth-error=denied&provider=oidc").body())
                    .contains("Sign-in with Keycloak was cancelled").doesNotContain("The user denied");
            assertThat(browser.get("/user").statusCode()).as("not signed in").isEqualTo(302);
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
        } finally {
            oidc.shutdown();
        }
    }

    /** The provider's next recorded request, or null when there is none. */
    private static RecordedRequest recorded(MockOAuth2Server oidc) {
        try {
            return oidc.takeRequest(200, TimeUnit.MILLISECONDS);
        } catch (RuntimeException none) {
            return null;
        }
    }

    @DatabaseTest
    void noClientSecretAccessTokenOrSessionIdInLogsOrPages(TestDatabase db, CapturedOutput output) throws Exception {
        MockOAuth2Server oidc = new MockOAuth2Server();
        oidc.start();
        try (TestServer server = start(db, oidc, Map.of("logging.level.dev.commitstats", "DEBUG",
                "logging.level.org.springframework.security", "DEBUG"))) {
            WebSession browser = new WebSession(server.base());
            browser.get("/login");
            nextUser(oidc, "s-1", Map.of("preferred_username", "grace", "email", "grace@example.com",
                    "email_verified", true));
            signIn(browser, server, "oidc", oidc.issuerUrl(ISSUER_ID).toString());
            browser.get("/user");
            browser.getJson("/api/v1/me");
            // the provider saw the token request (with the client's secret) and the user-info request (with the token)
            String accessToken = null;
            String tokenRequest = null;
            for (RecordedRequest r; (r = recorded(oidc)) != null; ) {
                String authorization = r.getHeader("Authorization");
                if (r.getPath().contains("/token")) {
                    tokenRequest = authorization + " " + r.getBody().readUtf8();
                } else if (authorization != null && authorization.startsWith("Bearer ")) {
                    accessToken = authorization.substring("Bearer ".length());
                }
            }
            assertThat(tokenRequest).as("the secret was sent as HTTP Basic").startsWith("Basic ");
            assertThat(accessToken).as("the user info was read with the access token").isNotBlank();
            String session = browser.sessionId();
            assertThat(session).isNotBlank();
            assertThat(browser.everything()).doesNotContain(CLIENT_SECRET).doesNotContain(accessToken);
            assertThat(browser.responses()).extracting(HttpResponse::body).as("the session id only in its cookie")
                    .noneMatch(body -> body.contains(session));
            assertThat(output.getAll()).contains("grace signed in with Keycloak")
                    .doesNotContain(CLIENT_SECRET).doesNotContain(accessToken).doesNotContain(session);
        } finally {
            oidc.shutdown();
        }
    }
}
