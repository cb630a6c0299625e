package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.nimbusds.jose.JOSEObjectType;
import dev.commitstats.config.CommitStatsProperties;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Sign in with Keycloak" in a real browser (Debian's chromium, as {@link SignInBrowserTests}) against
 * mock-oauth2-server: the button is a plain link (no script, so the Content Security Policy has nothing to refuse),
 * the provider sends the browser back, and the user page greets the new account; no console error on the way.
 */
class OAuthSignInBrowserTests {

    @Test
    void theButtonSignsInThroughTheProviderAndLandsOnTheUserPage() throws Exception {
        if (!Files.isExecutable(CvPageBrowserTests.CHROMIUM)) {
            String reason = CvPageBrowserTests.CHROMIUM + " is missing (apt-get install chromium)";
            if (CvPageBrowserTests.REQUIRED) {
                throw new IllegalStateException(reason + " and COMMITSTATS_REQUIRE_BROWSER=true");
            }
            throw new TestAbortedException("browser tests skipped: " + reason);
        }
        MockOAuth2Server oidc = new MockOAuth2Server();
        oidc.start();
        Path dir = Files.createTempDirectory("oauth-browser");
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("commitstats.port", 0);
        overrides.put("commitstats.data-dir", dir.toString());
        overrides.put("commitstats.sign-in.oidc.issuer-uri", oidc.issuerUrl("keycloak").toString());
        overrides.put("commitstats.sign-in.oidc.client-id", "commitstats-browser");
        overrides.put("commitstats.sign-in.oidc.client-secret", "browser-client-secret");
        overrides.put("commitstats.sign-in.oidc.name", "Keycloak");
        ConfigurableApplicationContext server = ServeCommand.start(overrides, CommitStatsProperties.resolve(overrides));
        String base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("keycloak", "browser-user-1", JOSEObjectType.JWT.getType(),
                List.of("commitstats-browser"), Map.of("preferred_username", "grace.hopper", "name", "Grace Hopper",
                        "email", "grace@example.com", "email_verified", true), 3600));
        try (server; Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CvPageBrowserTests.CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync")));
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    problems.add("console error: " + m.text());
                }
            });
            page.onPageError(e -> problems.add("page error: " + e));

            page.navigate(base + "/login");
            assertThat(page.textContent("main")).contains("Only your e-mail addresses and profile name are used.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/login-providers.png")));
            page.click("text=Sign in with Keycloak");
            page.waitForURL(base + "/user");
            assertThat(page.textContent("main")).contains("Signed in as grace.hopper");
            assertThat(problems).isEmpty();
        } finally {
            oidc.shutdown();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
