package dev.commitstats.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "Sign in with GitHub" (OAuth2, not OpenID Connect) against WireMock standing in for a GitHub Enterprise Server at
 * {@code commitstats.sign-in.github.base-url}: its authorization page (which consents at once and sends the browser
 * back with a code and the state), {@code POST /login/oauth/access_token}, and the REST API's {@code GET /user} and
 * {@code GET /user/emails} under {@code /api/v3}, with the payloads GitHub documents. The client secret comes from a
 * file through Spring's {@code configtree:} import.
 */
@ExtendWith(OutputCaptureExtension.class)
class GitHubSignInServerTests {

    private static final String CLIENT_ID = "Iv1.8a61f9b3a7aba766";
    private static final String CLIENT_SECRET = "1234567890abcdef1234567890abcdef12345678";
    private static final String ACCESS_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A GitHub Enterprise Server's OAuth and REST endpoints, as GitHub documents their answers. */
    private static WireMockServer gitHub() {
        WireMockServer github = new WireMockServer(options().dynamicPort().templatingEnabled(true));
        github.start();
        // the user consents at once: back to the app with a code and the state it sent
        github.stubFor(get(urlPathEqualTo("/login/oauth/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=f2a0c9d6a1e7b3c4d5e6"
                        + "&state={{urlEncode request.query.state}}")
                .withTransformers("response-template")));
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("code=f2a0c9d6a1e7b3c4d5e6"))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"scope\":\"read:user,user:email\","
                        + "\"token_type\":\"bearer\"}")));
        // an expired or reused code: GitHub answers 200 with an error
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("code=expired"))
                .willReturn(okJson("{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed "
                        + "is incorrect or expired.\",\"error_uri\":\"https://docs.github.com/apps/managing-oauth-apps/"
                        + "troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code\"}")));
        github.stubFor(get(urlPathEqualTo("/api/v3/user"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson("""
                        {"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=",
                         "avatar_url":"https://github.com/images/error/octocat_happy.gif","gravatar_id":"",
                         "url":"https://api.github.com/users/octocat","html_url":"https://github.com/octocat",
                         "type":"User","site_admin":false,"name":"monalisa octocat","company":"GitHub",
                         "blog":"https://github.com/blog","location":"San Francisco",
                         "email":"octocat@github.com","hireable":false,"bio":"There once was...",
                         "twitter_username":"monatheoctocat","public_repos":2,"public_gists":1,"followers":20,
                         "following":0,"created_at":"2008-01-14T04:33:35Z","updated_at":"2008-01-14T04:33:35Z"}""")));
        github.stubFor(get(urlPathEqualTo("/api/v3/user/emails"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson("""
                        [{"email":"octocat@github.com","verified":true,"primary":true,"visibility":"public"},
                         {"email":"octocat@work.example.com","verified":true,"primary":false,"visibility":null},
                         {"email":"typo@exampel.com","verified":false,"primary":false,"visibility":null}]""")));
        return github;
    }

    /** The server signing in with the GitHub at {@code github}, the client secret read from a file. */
    private static TestServer start(TestDatabase db, WireMockServer github, Map<String, Object> more)
            throws Exception {
        Path secrets = Files.createDirectories(db.dataDir().resolve("secrets"));
        // as `echo "$SECRET" > file` writes it, with a newline
        Files.writeString(secrets.resolve("commitstats.sign-in.github.client-secret"), CLIENT_SECRET + "\n");
        Map<String, Object> settings = new java.util.HashMap<>(more);
        settings.put("commitstats.sign-in.github.client-id", CLIENT_ID);
        settings.put("commitstats.sign-in.github.base-url", github.baseUrl());
        settings.put("spring.config.import", "configtree:" + secrets + "/");
        return TestServer.start(db, settings);
    }

    @DatabaseTest
    void aFirstSignInWithGitHubCreatesTheUserWithTheVerifiedEmailsOnly(TestDatabase db, CapturedOutput output)
            throws Exception {
        WireMockServer github = gitHub();
        try (TestServer server = start(db, github, Map.of("logging.level.dev.commitstats", "DEBUG",
                "logging.level.org.springframework.security", "DEBUG"))) {
            WebSession browser = new WebSession(server.base());
            assertThat(browser.get("/login").body()).contains("href=\"/oauth2/authorization/github\"")
                    .contains("Sign in with GitHub").contains("Only your e-mail addresses and profile name are used.");

            HttpResponse<String> start = browser.get("/oauth2/authorization/github");
            String authorize = OAuthSignInServerTests.location(start);
            assertThat(authorize).startsWith(github.baseUrl() + "/login/oauth/authorize?")
                    .contains("client_id=" + CLIENT_ID).contains("scope=read:user%20user:email");
            HttpResponse<String> signedIn = OAuthSignInServerTests.signIn(browser, server, "github",
                    github.baseUrl() + "/login/oauth/authorize");
            assertThat(OAuthSignInServerTests.location(signedIn)).endsWith("/user");

            // the code went back with the app's credentials (HTTP Basic, the secret from the file)
            String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            github.verify(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                    .withHeader("Authorization", equalTo(basic))
                    .withRequestBody(containing("grant_type=authorization_code")));
            github.verify(getRequestedFor(urlPathEqualTo("/api/v3/user/emails")));

            JsonNode me = JSON.readTree(browser.getJson("/api/v1/me").body());
            assertThat(me.get("login").asString()).isEqualTo("octocat");
            assertThat(me.get("name").asString()).isEqualTo("monalisa octocat");
            assertThat(me.get("avatar_url").asString()).isEqualTo("https://github.com/images/error/octocat_happy.gif");
            assertThat(me.get("identities").toString()).isEqualTo("[{\"email\":\"octocat@github.com\","
                    + "\"verified\":true},{\"email\":\"octocat@work.example.com\",\"verified\":true}]");
            assertThat(browser.get("/user").body()).contains("Signed in as <strong>octocat</strong>");
            assertThat(db.jdbc().sql("SELECT registration_id || ':' || subject FROM sign_in_identities")
                    .query(String.class).list()).as("GitHub's numeric id, not the login").containsExactly("github:1");
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users WHERE login = 'octocat' AND password_hash IS NULL")
                    .query(Long.class).single()).as("no password").isEqualTo(1);

            // nothing kept or shown of the secret or the token
            String session = browser.sessionId();
            assertThat(browser.everything()).doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN);
            assertThat(output.getAll()).contains("octocat signed in with GitHub")
                    .doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN).doesNotContain(session);
        } finally {
            github.stop();
        }
    }

    @DatabaseTest
    void anExpiredCodeEndsOnTheSignInPageWithAMessage(TestDatabase db, CapturedOutput output) throws Exception {
        WireMockServer github = gitHub();
        try (TestServer server = start(db, github, Map.of())) {
            WebSession browser = new WebSession(server.base());
            String authorize = OAuthSignInServerTests.location(browser.get("/oauth2/authorization/github"));
            String state = org.springframework.web.util.UriComponentsBuilder.fromUriString(authorize).build()
                    .getQueryParams().getFirst("state");
            HttpResponse<String> failed = browser.get("/login/oauth2/code/github?code=expired&state=" + state);
            assertThat(OAuthSignInServerTests.location(failed)).endsWith("/login?oauth-error=failed&provider=github");
            HttpResponse<String> page = browser.get("/login?oauth-error=failed&provider=github");
            assertThat(page.body()).contains("Sign-in with GitHub failed. Please try again")
                    .doesNotContain("bad_verification_code");
            assertThat(output.getAll()).contains("Sign-in with github failed").doesNotContain(CLIENT_SECRET);
            assertThat(browser.get("/user").statusCode()).isEqualTo(302);
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
        } finally {
            github.stop();
        }
    }
}
