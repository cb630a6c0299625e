package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.commitstats.config.CommitStatsProperties;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sign-in in a real browser (Debian's chromium through Playwright, as {@link CvPageBrowserTests}): the first-run setup
 * with the code from the server's log, sign-in, the user page, sign-out, all without a console error (a Content
 * Security Policy violation is one); and a cross-site form that posts to the server with the victim's session cookie
 * is refused.
 */
class SignInBrowserTests {

    @Test
    void setUpSignInSeeTheUserPageSignOutAndAForgedFormIsRefused() throws Exception {
        if (!Files.isExecutable(CvPageBrowserTests.CHROMIUM)) {
            String reason = CvPageBrowserTests.CHROMIUM + " is missing (apt-get install chromium)";
            if (CvPageBrowserTests.REQUIRED) {
                throw new IllegalStateException(reason + " and COMMITSTATS_REQUIRE_BROWSER=true");
            }
            throw new TestAbortedException("browser tests skipped: " + reason);
        }
        Path dir = Files.createTempDirectory("sign-in-browser");
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("commitstats.port", 0);
        overrides.put("commitstats.data-dir", dir.toString());
        CommitStatsProperties properties = CommitStatsProperties.resolve(overrides);
        PrintStream stdout = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ConfigurableApplicationContext server;
        System.setOut(new PrintStream(new TeeStream(stdout, log), true, StandardCharsets.UTF_8));
        try {
            server = ServeCommand.start(overrides, properties);
        } finally {
            System.setOut(stdout);
        }
        Matcher code = Pattern.compile("enter the code ([0-9A-Z]{4}-[0-9A-Z]{4})")
                .matcher(log.toString(StandardCharsets.UTF_8));
        assertThat(code.find()).as("the setup code in the log").isTrue();
        String base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
        try (server; Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CvPageBrowserTests.CHROMIUM).setHeadless(true));
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
            page.click("text=set up the first one");
            assertThat(page.url()).endsWith("/setup");
            page.fill("#code", code.group(1));
            page.fill("#login", "ada");
            page.fill("#email", "ada@example.com");
            page.fill("#password", "a password for the browser");
            page.fill("#password2", "a password for the browser");
            page.click("button[type=submit]");
            assertThat(page.url()).endsWith("/login?set-up");
            assertThat(page.textContent("main")).contains("Your account is ready");

            page.fill("#login", "ada");
            page.fill("#password", "a password for the browser");
            page.click("main button[type=submit]");
            assertThat(page.url()).endsWith("/user");
            assertThat(page.textContent("main")).contains("Signed in as ada");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/user.png")));

            // another site's page that posts a form to this server: the browser sends the session cookie only on a
            // top-level navigation (SameSite=Lax), and the form has no CSRF token, so it is refused either way
            Page evil = context.newPage();
            evil.setContent("<form id=f method=post action='" + base + "/api/v1/api-keys'>"
                    + "<input name=name value=stolen></form>");
            Response forged = evil.waitForNavigation(() -> evil.evaluate("document.getElementById('f').submit()"));
            assertThat(forged.status()).isIn(401, 403);
            evil.setContent("<form id=g method=post action='" + base + "/logout'></form>");
            Response forgedLogout = evil.waitForNavigation(() -> evil.evaluate("document.getElementById('g').submit()"));
            assertThat(forgedLogout.status()).isEqualTo(403);
            evil.close();
            page.navigate(base + "/user");
            assertThat(page.textContent("main")).as("still signed in").contains("Signed in as ada");

            page.click("text=Logout");
            assertThat(page.url()).endsWith("/login?signed-out");
            page.navigate(base + "/user");
            assertThat(page.url()).endsWith("/login");
            assertThat(problems).isEmpty();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes to two streams: the console keeps its output while the test reads it. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
