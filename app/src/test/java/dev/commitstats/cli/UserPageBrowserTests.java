package dev.commitstats.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The user page in a real browser (Debian's chromium through Playwright, as {@link SignInBrowserTests}): a newcomer
 * sets up the first account, signs in, adds a GitHub token (a GitHub Enterprise stand-in on WireMock, payloads as
 * GitHub documents them) and sees its repositories discovered, switches an owner group off, runs a refresh and watches
 * the status turn "up to date" (a real smart-HTTP git server behind it, the background jobs collecting); a forged form
 * is refused; no console error; the page fits 390 pixels. Screenshots: {@code target/user-page.png},
 * {@code target/user-page-390.png}, and the README's {@code docs/user.png} with {@code COMMITSTATS_UPDATE_SCREENSHOT=true}.
 */
class UserPageBrowserTests {

    private static final String SECRET = "ghp_BROWSERCANARY000011112222333344445555";

    @TempDir
    Path tmp;

    @Test
    void aNewcomerAddsATokenPicksRepositoriesAndWatchesTheFirstCollection() throws Exception {
        if (!Files.isExecutable(CvPageBrowserTests.CHROMIUM)) {
            String reason = CvPageBrowserTests.CHROMIUM + " is missing (apt-get install chromium)";
            if (CvPageBrowserTests.REQUIRED) {
                throw new IllegalStateException(reason + " and COMMITSTATS_REQUIRE_BROWSER=true");
            }
            throw new TestAbortedException("browser tests skipped: " + reason);
        }
        WireMockServer github = new WireMockServer(options().dynamicPort());
        github.start();
        Path served = tmp.resolve("served");
        try (SmartHttpGitServer git = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")))
                .allow("x-access-token", SECRET)) {
            for (String repo : List.of("acme/legacy", "ada/tool")) {
                try (GitRepoBuilder b = GitRepoBuilder.initBare(served.resolve("private/" + repo + ".git"))) {
                    for (int i = 0; i < 5; i++) {
                        b.author("Ada", "ada@example.com").at("2025-0" + (i + 1) + "-02T10:00:00+01:00")
                                .write("src/F" + i + ".java", "class F {\n  int v" + i + ";\n}\n")
                                .commit("feat: change " + i);
                    }
                }
            }
            stubGitHub(github, git);

            Map<String, Object> overrides = new HashMap<>();
            overrides.put("commitstats.port", 0);
            overrides.put("commitstats.data-dir", tmp.resolve("data").toString());
            overrides.put("commitstats.providers.allowed-hosts", "localhost:" + github.port() + ",127.0.0.1:"
                    + git.port());
            overrides.put("commitstats.jobs.poll-interval-seconds", 5);
            CommitStatsProperties properties = CommitStatsProperties.resolve(overrides);
            PrintStream stdout = System.out;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ConfigurableApplicationContext server;
            System.setOut(new PrintStream(new SignInBrowserTests.TeeStream(stdout, log), true, StandardCharsets.UTF_8));
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
                            .setExecutablePath(CvPageBrowserTests.CHROMIUM).setHeadless(true)
                            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync")));
                    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                            .setViewportSize(1280, 900))) {
                Page page = context.newPage();
                List<String> problems = Collections.synchronizedList(new ArrayList<>());
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) {
                        problems.add("console error: " + m.text());
                    }
                });
                page.onPageError(e -> problems.add("page error: " + e));
                page.onRequestFailed(r -> problems.add("failed request: " + r.url()));

                page.navigate(base + "/login");
                page.click("text=set up the first one");
                page.fill("#code", code.group(1));
                page.fill("#login", "ada");
                page.fill("#email", "ada@example.com");
                page.fill("#password", "a password for the browser");
                page.fill("#password2", "a password for the browser");
                page.click("button[type=submit]");
                page.fill("#login", "ada");
                page.fill("#password", "a password for the browser");
                page.click("main button[type=submit]");
                assertThat(page.url()).endsWith("/user");
                page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
                assertThat(page.textContent("#onboarding")).contains("Add a token");

                // a token: checked with the host, then its repositories are discovered at once
                page.fill("#token-name", "work");
                page.selectOption("#token-provider", "github");
                page.fill("#token-base", github.baseUrl());
                page.fill("#token-secret", SECRET);
                page.click("#tokens button:has-text('Add token')");
                page.waitForSelector("#tokens-table tr[data-token=work]");
                assertThat(page.textContent("#tokens")).contains("valid").contains("valid for ada");
                page.waitForSelector("#repositories-table tbody[data-group=acme]");
                assertThat(page.textContent("#repositories")).contains("legacy").contains("tool")
                        .contains("2 of 2 count");

                // the acme group is old work: off, with everything found in it later
                page.click("tbody[data-group=acme] button:has-text('Switch group off')");
                page.waitForSelector("tbody[data-group=acme] button:has-text('Switch group on')");
                assertThat(page.textContent("#repositories")).contains("1 of 2 count");

                // the filter and the sortable columns (a small static script; the table works without it)
                page.fill("#repositories-filter", "tool");
                assertThat(page.isVisible("tr[data-search*=legacy]")).isFalse();
                page.fill("#repositories-filter", "");
                page.click("th[data-sort-column=name] button");

                // Run Refresh: the table polls until the collection is done
                page.click("#run-refresh");
                page.waitForSelector("#repositories .notice:has-text('enqueued')");
                Locator tool = page.locator("tbody[data-group=ada] tr.repository");
                page.waitForCondition(() -> tool.textContent().contains("up to date"),
                        new Page.WaitForConditionOptions().setTimeout(90_000));
                assertThat(tool.textContent()).contains("yes");
                assertThat(page.locator("tbody[data-group=acme] tr.repository").textContent()).contains("pending")
                        .as("switched off: not collected");
                page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/user-page.png"))
                        .setFullPage(true));

                // the content page and its runs
                page.navigate(base + "/content");
                assertThat(page.textContent("#runs")).contains("ada/tool").contains("collected");

                // at 390 pixels the page fits (wide tables scroll inside their box)
                page.setViewportSize(390, 844);
                page.navigate(base + "/user");
                page.waitForFunction("() => document.readyState === 'complete'");
                Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
                page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/user-page-390.png")));
                page.setViewportSize(1280, 900);

                // a forged cross-site form: no CSRF token, refused, nothing changed
                Page evil = context.newPage();
                evil.setContent("<form id=f method=post action='" + base + "/user/identities'>"
                        + "<input name=emails value=evil@example.com></form>");
                Response forged = evil.waitForNavigation(() -> evil.evaluate("document.getElementById('f').submit()"));
                // the browser sends no session cookie with a cross-site POST (SameSite=Lax): sent to sign-in; and
                // with the cookie it would lack the CSRF token (403, UserPageServerTests)
                assertThat(forged.status() == 403 || forged.url().endsWith("/login")).as(forged.url() + " "
                        + forged.status()).isTrue();
                evil.close();
                page.navigate(base + "/user");
                assertThat(page.textContent("#identities")).doesNotContain("evil@example.com");
                assertThat(page.content()).doesNotContain(SECRET);

                assertThat(problems).isEmpty();
                Path shot = Paths.get("target/user-page.png");
                if ("true".equalsIgnoreCase(System.getenv("COMMITSTATS_UPDATE_SCREENSHOT"))) {
                    Path docs = Paths.get("").toAbsolutePath().getParent().resolve("docs/user.png");
                    Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            github.stop();
        }
    }

    private static void stubGitHub(WireMockServer github, SmartHttpGitServer git) {
        github.stubFor(get(urlPathEqualTo("/api/v3/user")).willReturn(okJson("""
                {"login": "ada", "id": 583231, "type": "User", "name": "Ada", "email": null}""")
                .withHeader("X-OAuth-Scopes", "").withHeader("X-RateLimit-Remaining", "4999")));
        github.stubFor(get(urlPathEqualTo("/api/v3/user/repos")).willReturn(okJson("""
                [{"id": 1296269, "name": "legacy", "full_name": "acme/legacy", "private": true,
                  "visibility": "private", "owner": {"login": "acme", "id": 9919, "type": "Organization"},
                  "html_url": "%1$s/acme/legacy", "clone_url": "%2$s", "fork": false, "archived": false,
                  "default_branch": "main", "pushed_at": "2026-03-01T10:00:00Z", "stargazers_count": 1},
                 {"id": 1296270, "name": "tool", "full_name": "ada/tool", "private": true,
                  "visibility": "private", "owner": {"login": "ada", "id": 583231, "type": "User"},
                  "html_url": "%1$s/ada/tool", "clone_url": "%3$s", "fork": false, "archived": false,
                  "default_branch": "main", "pushed_at": "2026-03-01T10:00:00Z", "stargazers_count": 3}]"""
                .formatted(github.baseUrl(), git.url("private/acme/legacy.git"), git.url("private/ada/tool.git")))));
        github.stubFor(get(urlPathEqualTo("/api/v3/user/emails")).willReturn(okJson("""
                [{"email": "ada@example.com", "verified": true, "primary": true, "visibility": "private"}]""")));
        github.stubFor(get(urlPathEqualTo("/api/v3/search/issues")).willReturn(okJson("""
                {"total_count": 0, "incomplete_results": false, "items": []}""")));
    }
}
