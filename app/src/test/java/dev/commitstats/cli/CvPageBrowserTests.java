package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
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
import com.microsoft.playwright.options.ReducedMotion;
import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.Database;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CV page in a real browser: Debian's chromium, driven by Playwright, on a generated CV of three repositories (one
 * public). Every chart draws, nothing fails or goes to another host, the page fits a 390 px phone, and a desktop
 * screenshot is written to {@code target/cv.png} (and to the README's {@code docs/cv.png} with
 * {@code COMMITSTATS_UPDATE_SCREENSHOT=true}).
 *
 * <p>Playwright never downloads a browser here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}): its driver ships inside
 * its jar, and the browser is {@code /usr/bin/chromium}. Without chromium the tests are skipped with a message, unless
 * {@code COMMITSTATS_REQUIRE_BROWSER=true} (as in CI), which makes them fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CvPageBrowserTests {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final boolean REQUIRED = "true".equalsIgnoreCase(System.getenv("COMMITSTATS_REQUIRE_BROWSER"));

    private static final List<String> CHARTS = List.of("years", "year-types", "daily", "languages-time",
            "languages-share", "types-time", "calendar", "punch-card");

    private Path dir;
    private ConfigurableApplicationContext server;
    private String base;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = CHROMIUM + " is missing (apt-get install chromium)";
            if (REQUIRED) {
                throw new IllegalStateException(reason + " and COMMITSTATS_REQUIRE_BROWSER=true");
            }
            throw new TestAbortedException("browser tests skipped: " + reason);
        }
        dir = Files.createTempDirectory("cv-browser");
        Path services = dir.resolve("repos/acme-billing-services");
        Path infra = dir.resolve("repos/acme-infrastructure");
        Path site = dir.resolve("repos/ada-dev-blog");
        CvHistories.write(services, 11, 420, 5 * 365, 2,
                List.of(CvHistories.JAVA, CvHistories.KOTLIN, CvHistories.SQL, CvHistories.DOCS), true);
        CvHistories.write(infra, 12, 200, 3 * 365, 9,
                List.of(CvHistories.HCL, CvHistories.GO, CvHistories.SHELL, CvHistories.YAML, CvHistories.PYTHON),
                false);
        CvHistories.write(site, 13, 90, 2 * 365, 40,
                List.of(CvHistories.TYPESCRIPT, CvHistories.CSS, CvHistories.DOCS), false);

        Path data = dir.resolve("data");
        CommitStatsProperties properties = CommitStatsProperties.resolve(Map.of("commitstats.data-dir",
                data.toString()));
        try (HikariDataSource ds = Database.openAndMigrate(properties, "browser-test")) {
            UserAccounts accounts = new UserAccounts(ds, Clock.systemUTC());
            long ada = accounts.create(CvHistories.LOGIN, "Ada Lovelace", ZoneId.of("Europe/Berlin")).id();
            CommandLineTests.Run collect = CommandLineTests.run("collect", "--data-dir", data.toString(), "--user",
                    CvHistories.LOGIN, "--email", CvHistories.EMAIL, services.toString(), infra.toString(),
                    site.toString());
            assertThat(collect.exitCode()).as(collect.err()).isZero();
            accounts.setPublished(ada, true);
            RepositoryRegistry registry = new RepositoryRegistry(ds, Clock.systemUTC());
            for (Repository r : registry.repositories(ada)) {
                if (r.name().equals("ada-dev-blog")) {
                    registry.setVisibility(r.id(), "public"); // named on the CV; the other two are masked
                }
            }
            // a colleague who hid the punch card; both joined the ranking
            long bob = accounts.create("bob", "Bob Builder", ZoneId.of("UTC")).id();
            CommandLineTests.Run colleague = CommandLineTests.run("collect", "--data-dir", data.toString(), "--user",
                    "bob", "--email", CvHistories.COLLEAGUE, services.toString());
            assertThat(colleague.exitCode()).as(colleague.err()).isZero();
            accounts.setPublished(bob, true);
            CvPreferences preferences = new CvPreferences(ds, accounts, registry);
            preferences.change("bob", new CvPreferences.Change(false, true, List.of(), List.of()));
            preferences.change(CvHistories.LOGIN, new CvPreferences.Change(null, true, List.of(), List.of()));
        }
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("commitstats.port", 0);
        overrides.put("commitstats.data-dir", data.toString());
        server = ServeCommand.start(overrides, properties);
        base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");

        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What went wrong while a page loaded: console errors, uncaught exceptions, failed or foreign requests. */
    private record Problems(List<String> list) {
        static Problems watch(Page page, String base) {
            List<String> list = Collections.synchronizedList(new ArrayList<>());
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    list.add("console " + m.type() + ": " + m.text() + " at " + m.location());
                }
            });
            page.onPageError(e -> list.add("page error: " + e));
            page.onRequestFailed(r -> list.add("failed: " + r.url() + " " + r.failure()));
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    list.add("HTTP " + r.status() + ": " + r.url());
                }
            });
            page.onRequest(r -> {
                if (!r.url().startsWith(base + "/") && !r.url().startsWith("data:")) {
                    list.add("request to another host: " + r.url());
                }
            });
            return new Problems(list);
        }
    }

    private static void open(Page page, String url) {
        page.navigate(url);
        page.waitForSelector("html[data-charts=ready]", new Page.WaitForSelectorOptions().setTimeout(30_000));
    }

    @Test
    void everyChartDrawsItsDataWithoutErrorsOrForeignRequests() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            Problems problems = Problems.watch(page, base);
            open(page, base + "/cv/ada");

            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) page.evaluate("""
                    () => [...document.querySelectorAll('.chart[data-chart]')]
                        .filter(el => el.querySelector('canvas, svg') && el.clientHeight > 0)
                        .filter(el => {
                            const option = echarts.getInstanceByDom(el).getOption();
                            return option.series.some(s => (s.data || []).some(d => {
                                const v = Array.isArray(d) ? d[d.length - 1] : (d && d.value !== undefined ? d.value : d);
                                return typeof v === 'number' && v > 0;
                            }));
                        })
                        .map(el => el.dataset.chart)""");
            assertThat(drawn).as("charts with a canvas and data").containsExactlyInAnyOrderElementsOf(CHARTS);
            assertThat(page.locator("details.numbers[open]").count()).as("tables folded under their charts")
                    .isZero();
            assertThat(page.title()).isEqualTo("Ada Lovelace — coding CV · Commit Stats");
            assertThat(page.locator("text=ada-dev-blog").count()).as("the public repository is named").isPositive();
            assertThat(page.content()).doesNotContain("acme-");
            assertThat(problems.list()).isEmpty();
        }
    }

    @Test
    void thePageFitsAPhone() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            Problems problems = Problems.watch(page, base);
            open(page, base + "/cv/ada");
            Object width = page.evaluate("() => document.documentElement.scrollWidth");
            Object tooWide = page.evaluate("""
                    () => [...document.querySelectorAll('body *')]
                        .filter(el => el.getBoundingClientRect().right > 391 || el.scrollWidth > 391)
                        .filter(el => !el.parentElement.closest('.table-scroll, .chart-scroll'))
                        .slice(0, 12)
                        .map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right)
                            + '/' + el.scrollWidth)
                        .concat([innerWidth, document.documentElement.clientWidth, document.body.scrollWidth])""");
            assertThat(((Number) width).intValue()).as("document width at 390 px; too wide: %s", tooWide)
                    .isLessThanOrEqualTo(390);
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) page.evaluate("""
                    () => [...document.querySelectorAll('.chart[data-chart]')]
                        .filter(el => !el.closest('.chart-scroll') && el.getBoundingClientRect().right > 390)
                        .map(el => el.dataset.chart)""");
            assertThat(wide).as("charts wider than the screen").isEmpty();
            assertThat(problems.list()).isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Paths.get("target/cv-390.png")));
        }
    }

    @Test
    void aHiddenPunchCardLeavesEveryOtherChartDrawn() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            Problems problems = Problems.watch(page, base);
            open(page, base + "/cv/bob");
            assertThat(page.locator("[data-chart=punch-card]").count()).isZero();
            assertThat(page.locator(".chart[data-chart] canvas").count()).isEqualTo(CHARTS.size() - 1);
            assertThat(problems.list()).isEmpty();
        }
    }

    @Test
    void theYearInReviewAndTheRankingReadWellOnAPhone() {
        String lastYear = String.valueOf(java.time.Year.now(ZoneId.of("Europe/Berlin")).getValue() - 1);
        for (String path : List.of("/cv/ada/year/" + lastYear, "/ranking")) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                    .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
                Page page = context.newPage();
                Problems problems = Problems.watch(page, base);
                com.microsoft.playwright.Response response = page.navigate(base + path);
                page.waitForLoadState();
                assertThat(response.status()).as(path).isEqualTo(200);
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as("width of %s at 390 px", path).isLessThanOrEqualTo(390);
                assertThat(problems.list()).as(path).isEmpty();
                if (path.equals("/ranking")) {
                    assertThat(page.locator("table.ranking tbody tr").first().textContent()).contains("1");
                    assertThat(page.content()).contains("Ada Lovelace").contains("Bob Builder");
                } else {
                    assertThat(page.locator("h1").textContent()).contains(lastYear);
                }
            }
        }
    }

    @Test
    void withoutJavaScriptTheTablesAreThePage() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(base + "/cv/ada");
            assertThat(page.locator(".chart:visible").count()).as("empty chart boxes shown").isZero();
            assertThat(page.locator("details.numbers:not([open])").count()).as("folded tables").isZero();
            assertThat(page.locator("details.numbers table:visible").count()).isEqualTo(6);
            assertThat(page.locator("table.metrics tbody tr:visible").count()).isGreaterThan(5);
        }
    }

    @Test
    void aDesktopScreenshotOfAGeneratedCv() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900)
                // drawn at 0.8: 960 pixels wide, about what a README column shows, and a PNG of half the size
                .setDeviceScaleFactor(0.8).setReducedMotion(ReducedMotion.REDUCE))) {
            Page page = context.newPage();
            open(page, base + "/cv/ada");
            Path shot = Paths.get("target/cv.png");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(shot));
            assertThat(Files.size(shot)).isPositive();
            // the README's picture is replaced only on request: it is committed, and it changes with the date
            if ("true".equalsIgnoreCase(System.getenv("COMMITSTATS_UPDATE_SCREENSHOT"))) {
                assertThat(Files.size(shot)).as("screenshot size").isLessThan(500 * 1024);
                Path docs = Paths.get("").toAbsolutePath().getParent().resolve("docs/cv.png");
                Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
