package dev.commitstats.cv;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.DataDirectory;
import dev.commitstats.config.Database;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.OutlierFile;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryCursor;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.stats.RepositoryProfiles;
import dev.commitstats.stats.StatsQueries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data of the CV serving benchmark ({@code bench/cv-serve.sh}, issue 18 "Speed"): a data directory with
 * {@code users} published users ({@code user001}, {@code user002}, ...) of {@code commits} commit facts each, and
 * every user's CV snapshot built, so that a server started on it serves the page, card and JSON from snapshots.
 *
 * <p>What a user is: one of five profiles (JVM backend, front end, infrastructure, data, systems) with its languages
 * in realistic proportions, two identities, a time zone with its summer time, and five repositories over {@code years}
 * years up to the day the data was first generated: three private ones of an employer, one after the other, and two
 * public ones worked on now and then. Commits fall in working hours, mostly on weekdays; a quarter carry lines that
 * are not counted (generated, vendored, moved), a few a bulk file, some introduce a tool or a package. Everything is
 * reproducible from the user's number and the first generation's end day, which {@value #PARAMETERS} keeps.
 *
 * <p>Written through the product's stores ({@link UserAccounts}, {@link RepositoryRegistry},
 * {@link CommitFactStore#writeBatch} in batches of {@value CommitFactStore#RECOMMENDED_BATCH_SIZE}, one transaction
 * each) on the database {@code commitstats serve --data-dir} opens, with its settings. SQLite has one writer at a time,
 * so users are written one after the other. Resumable: a user whose snapshot exists is complete and skipped; an
 * interrupted user is written again (the upserts are idempotent). Every run also rebuilds the snapshots older than
 * {@code snapshot-refresh} (default 10 minutes): the server rebuilds a snapshot older than its maximum age (an hour) on
 * the next read, and a benchmark must not measure those rebuilds.
 *
 * <p>Settings are system properties: {@code cvbench.data-dir} (required), {@code cvbench.users} (100),
 * {@code cvbench.commits} (50000), {@code cvbench.years} (8), {@code cvbench.snapshot-refresh} (a duration, 10m).
 * {@code bench/cv-serve.sh} runs {@link #main}; {@code -Dtest=CvServingData -DexcludedGroups=none} runs it as a test
 * (tag {@code benchmark}, which the default test run excludes).
 */
@Tag("benchmark")
class CvServingData {

    static final String PARAMETERS = "cv-serving-data.properties";

    private static final int BATCH = CommitFactStore.RECOMMENDED_BATCH_SIZE;

    private record Profile(String name, String[] languages, int[] weights, String ecosystem, String[] packages,
            String[] repositories) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("backend", new String[] {"Java", "Kotlin", "SQL", "YAML", "Markdown", "Shell", "Dockerfile"},
                    new int[] {50, 15, 10, 10, 8, 4, 3}, "maven",
                    new String[] {"org.springframework.boot:spring-boot-starter-web", "com.fasterxml.jackson.core:jackson-databind",
                        "org.postgresql:postgresql", "org.flywaydb:flyway-core", "io.micrometer:micrometer-core",
                        "org.junit.jupiter:junit-jupiter", "org.assertj:assertj-core", "org.testcontainers:postgresql"},
                    new String[] {"billing-service", "order-api", "ledger", "spring-batch-tools", "jdbc-utils"}),
            new Profile("frontend", new String[] {"TypeScript", "JavaScript", "CSS", "HTML", "JSON", "Markdown", "Vue"},
                    new int[] {50, 12, 12, 8, 6, 6, 6}, "npm",
                    new String[] {"react", "react-dom", "vite", "vitest", "zod", "@tanstack/react-query", "date-fns",
                        "tailwindcss", "eslint", "prettier"},
                    new String[] {"web-console", "checkout-ui", "design-system", "vite-plugin-icons", "react-charts"}),
            new Profile("infrastructure", new String[] {"Go", "HCL", "YAML", "Shell", "Dockerfile", "Markdown", "Python"},
                    new int[] {40, 20, 18, 10, 4, 5, 3}, "go",
                    new String[] {"github.com/spf13/cobra", "github.com/stretchr/testify", "k8s.io/client-go",
                        "github.com/prometheus/client_golang", "go.uber.org/zap", "github.com/hashicorp/terraform-plugin-sdk"},
                    new String[] {"platform-live", "cluster-operator", "deploy-pipelines", "tf-modules", "kubectl-diff"}),
            new Profile("data", new String[] {"Python", "SQL", "Jupyter Notebook", "YAML", "Markdown", "Shell"},
                    new int[] {55, 18, 10, 6, 7, 4}, "pypi",
                    new String[] {"pandas", "numpy", "scikit-learn", "pyarrow", "sqlalchemy", "pytest", "pydantic",
                        "apache-airflow", "polars"},
                    new String[] {"forecasting", "warehouse-etl", "churn-model", "pandas-profiler", "dbt-helpers"}),
            new Profile("systems", new String[] {"Rust", "C", "C++", "CMake", "Shell", "Markdown", "Python"},
                    new int[] {40, 20, 15, 5, 8, 8, 4}, "cargo",
                    new String[] {"serde", "tokio", "clap", "anyhow", "thiserror", "tracing", "rayon", "criterion"},
                    new String[] {"storage-engine", "packet-router", "firmware-tools", "ring-buffer", "fast-csv"}));

    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Europe/London",
        "America/Los_Angeles", "Asia/Tokyo", "America/Sao_Paulo", "Australia/Sydney", "UTC"};

    /**
     * Share of the user's commits and span (fractions of the whole period) of each of the five repositories: three
     * employers' repositories one after the other, then two public ones.
     */
    private static final double[][] REPOSITORY_SHAPES = {
        {0.30, 0.00, 0.42}, {0.30, 0.38, 0.75}, {0.28, 0.72, 1.00}, {0.08, 0.10, 1.00}, {0.04, 0.55, 0.95}};

    /** Commit types in a plausible mix; about two thirds of the typed ones inferred from the wording. */
    private static final CommitType[] TYPES = {CommitType.FEAT, CommitType.FEAT, CommitType.FEAT, CommitType.FIX,
        CommitType.FIX, CommitType.FIX, CommitType.REFACTOR, CommitType.REFACTOR, CommitType.TEST, CommitType.DOCS,
        CommitType.BUILD, CommitType.CHORE, CommitType.CI, CommitType.PERF, CommitType.STYLE, CommitType.REVERT,
        CommitType.OTHER, CommitType.OTHER};

    private final Path dataDir;
    private final int users;
    private final int commits;
    private final int years;
    private final Duration snapshotRefresh;

    /** The settings from the system properties (JUnit needs this one constructor, and main uses it too). */
    CvServingData() {
        String dir = System.getProperty("cvbench.data-dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("set -Dcvbench.data-dir=FOLDER (the data dir the server will use)");
        }
        this.dataDir = Path.of(dir).toAbsolutePath().normalize();
        this.users = Integer.getInteger("cvbench.users", 100);
        this.commits = Integer.getInteger("cvbench.commits", 50_000);
        this.years = Integer.getInteger("cvbench.years", 8);
        this.snapshotRefresh = Duration.parse("PT" + System.getProperty("cvbench.snapshot-refresh", "10m")
                .toUpperCase(Locale.ROOT));
    }

    public static void main(String[] args) throws IOException {
        new CvServingData().fill();
    }

    @Test
    void fillTheDataDirectory() throws IOException {
        fill();
    }

    void fill() throws IOException {
        Instant end = endDay();
        CommitStatsProperties properties = CommitStatsProperties.resolve(Map.of("commitstats.data-dir", dataDir));
        try (HikariDataSource ds = Database.openAndMigrate(properties, "cv-serving-data")) {
            Clock clock = Clock.systemUTC();
            UserAccounts accounts = new UserAccounts(ds, clock);
            RepositoryRegistry registry = new RepositoryRegistry(ds, clock);
            CommitFactStore store = new CommitFactStore(ds, registry);
            StatsQueries queries = new StatsQueries(ds, accounts, registry, clock);
            CvDocuments documents = new CvDocuments(accounts, registry, queries,
                    new RepositoryProfiles(ds, accounts, registry), new CvPreferences(ds, accounts, registry), clock);
            CvSnapshots snapshots = new CvSnapshots(ds, accounts, documents, clock, Duration.ofHours(1));
            JdbcClient jdbc = JdbcClient.create(ds);

            long started = System.nanoTime();
            long written = 0;
            int skipped = 0;
            int refreshed = 0;
            long refreshNanos = 0;
            for (int u = 1; u <= users; u++) {
                String login = login(u);
                User user = accounts.find(login).orElse(null);
                Long builtAt = user == null ? null
                        : jdbc.sql("SELECT built_at FROM cv_snapshots WHERE user_id = :u").param("u", user.id())
                                .query(Long.class).optional().orElse(null);
                if (builtAt != null) {
                    skipped++;
                    if (Instant.ofEpochSecond(builtAt).isBefore(clock.instant().minus(snapshotRefresh))) {
                        long s = System.nanoTime();
                        snapshots.rebuild(user.id());
                        refreshNanos += System.nanoTime() - s;
                        refreshed++;
                    }
                    continue;
                }
                long s = System.nanoTime();
                UserData data = new UserData(u, end, years);
                if (user == null) {
                    user = accounts.create(login, data.displayName(), data.zone);
                }
                accounts.addIdentities(user.id(), List.of(login + "@example.com", login + "@work.example"));
                int left = commits;
                for (int r = 0; r < REPOSITORY_SHAPES.length; r++) {
                    long repo = repository(registry, user.id(), data, r);
                    int count = r == REPOSITORY_SHAPES.length - 1 ? left
                            : (int) Math.round(commits * REPOSITORY_SHAPES[r][0] / shareSum());
                    left -= count;
                    List<CommitFact> facts = data.facts(r, count);
                    writeAll(store, repo, facts);
                    written += facts.size();
                }
                accounts.setPublished(user.id(), true);
                long w = System.nanoTime();
                snapshots.rebuild(user.id());
                long e = System.nanoTime();
                double elapsed = (e - started) / 1e9;
                long done = (long) (u - skipped) * commits;
                long toGo = (long) (users - u) * commits;
                System.out.printf(Locale.ROOT, "%s (%s, %s): %,d facts in %.1f s (%,.0f facts/s), snapshot %.2f s;"
                        + " %d/%d users, %.0f s so far, about %.0f s to go%n", login, data.profile.name(),
                        data.zone.getId(), commits, (w - s) / 1e9, commits / ((w - s) / 1e9), (e - w) / 1e9, u, users,
                        elapsed, done == 0 ? 0 : elapsed / done * toGo);
                System.out.flush();
            }
            if (refreshed > 0) {
                System.out.printf(Locale.ROOT, "rebuilt %d snapshots older than %s in %.1f s%n", refreshed,
                        snapshotRefresh.toString().substring(2).toLowerCase(Locale.ROOT), refreshNanos / 1e9);
            }
            System.out.printf(Locale.ROOT, "%s: %d users of %,d commits (%d were already complete), %,d facts written"
                    + " in %.1f s%n", dataDir, users, commits, skipped, written, (System.nanoTime() - started) / 1e9);
        }
    }

    static String login(int u) {
        return String.format(Locale.ROOT, "user%03d", u);
    }

    private static double shareSum() {
        double sum = 0;
        for (double[] shape : REPOSITORY_SHAPES) {
            sum += shape[0];
        }
        return sum;
    }

    /**
     * The day the generated histories end, chosen at the first run and kept with the parameters, so that a resumed
     * run writes the same facts; a data dir made with other parameters is refused rather than mixed.
     */
    private Instant endDay() throws IOException {
        DataDirectory.open(dataDir); // as the server makes it: readable by its owner only
        Path file = dataDir.resolve(PARAMETERS);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            String expected = "users=" + users + " commits=" + commits + " years=" + years;
            String found = "users=" + p.getProperty("users") + " commits=" + p.getProperty("commits") + " years="
                    + p.getProperty("years");
            if (!expected.equals(found)) {
                throw new IllegalStateException(dataDir + " holds data made with " + found + ", not " + expected
                        + ": use another folder");
            }
            return Instant.parse(p.getProperty("end"));
        }
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        p.setProperty("users", String.valueOf(users));
        p.setProperty("commits", String.valueOf(commits));
        p.setProperty("years", String.valueOf(years));
        p.setProperty("end", end.toString());
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "made by CvServingData (bench/cv-serve.sh)");
        }
        return end;
    }

    private static long repository(RepositoryRegistry registry, long userId, UserData data, int r) {
        boolean employer = r < 3;
        String owner = employer ? data.employer : data.login;
        String name = data.profile.repositories()[r];
        String url = "https://git.example.com/" + owner + "/" + name + ".git";
        long id = registry.findByCloneUrl(userId, url).map(repo -> repo.id()).orElseGet(() ->
                registry.registerRepository(userId, new NewRepository(url, SourceKind.GIT, name, owner, true, false)));
        registry.setVisibility(id, employer ? "private" : "public");
        return id;
    }

    private static void writeAll(CommitFactStore store, long repo, List<CommitFact> facts) {
        for (int from = 0; from < facts.size(); from += BATCH) {
            List<CommitFact> batch = facts.subList(from, Math.min(facts.size(), from + BATCH));
            CommitFact last = batch.get(batch.size() - 1);
            boolean done = from + BATCH >= facts.size();
            store.writeBatch(repo, batch, new RepositoryCursor(last.sha(), last.committerTime(), done,
                    done ? RepositoryStatus.UP_TO_DATE : RepositoryStatus.COLLECTING));
        }
    }

    /** One user's generated history; reproducible from the user's number and the end day. */
    private static final class UserData {
        final int number;
        final String login;
        final Profile profile;
        final ZoneId zone;
        final String employer;
        final Instant end;
        final int years;

        UserData(int number, Instant end, int years) {
            this.number = number;
            this.login = login(number);
            this.profile = PROFILES.get((number - 1) % PROFILES.size());
            this.zone = ZoneId.of(ZONES[(number - 1) % ZONES.length]);
            this.employer = "acme-" + (char) ('a' + number % 7) + "-corp";
            this.end = end;
            this.years = years;
        }

        String displayName() {
            return "Bench User " + number;
        }

        /** Newest first, as the miner walks a history. */
        List<CommitFact> facts(int r, int count) {
            Random rnd = new Random(number * 31L + r);
            double[] shape = REPOSITORY_SHAPES[r];
            LocalDate last = LocalDate.ofInstant(end, zone).minusDays(1);
            long days = years * 365L;
            long from = (long) (shape[1] * days);
            long to = Math.max(from + 1, (long) (shape[2] * days));
            // the public repositories mostly in the evenings and at weekends
            boolean spareTime = r >= 3;
            // each repository leans on some of the profile's languages
            int[] weights = profile.weights().clone();
            weights[(r + 1) % weights.length] += 10;
            List<Instant> times = new ArrayList<>(count);
            while (times.size() < count) {
                LocalDate day = last.minusDays(days - from - (long) (rnd.nextDouble() * (to - from)));
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (weekend && rnd.nextInt(spareTime ? 2 : 8) != 0) {
                    continue;
                }
                int hour = spareTime || rnd.nextInt(10) == 0 ? 18 + rnd.nextInt(6) : 9 + rnd.nextInt(9);
                ZonedDateTime t = LocalDateTime.of(day, java.time.LocalTime.of(hour, rnd.nextInt(60), rnd.nextInt(60)))
                        .atZone(zone);
                times.add(t.toInstant());
            }
            times.sort(java.util.Comparator.reverseOrder());
            List<CommitFact> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(fact(rnd, r, i, times.get(i), weights));
            }
            return out;
        }

        private CommitFact fact(Random rnd, int r, int i, Instant t, int[] weights) {
            String sha = String.format(Locale.ROOT, "%08x%08x%024x", number, r, i);
            String email = r < 3 && rnd.nextInt(3) != 0 ? login + "@work.example" : login + "@example.com";
            int offsetMinutes = zone.getRules().getOffset(t).getTotalSeconds() / 60;
            CommitType type = TYPES[rnd.nextInt(TYPES.length)];
            boolean inferred = type != CommitType.OTHER && rnd.nextInt(3) != 0;
            Map<String, LineCount> languages = new LinkedHashMap<>();
            int n = 1 + (rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(3));
            for (int k = 0; k < n; k++) {
                // most commits are small; a few are large (log-normal-ish: median ~20 lines, some hundreds)
                long add = Math.min(3_000, (long) Math.exp(3 + rnd.nextGaussian() * 1.2));
                long del = (long) (add * rnd.nextDouble() * 0.8);
                languages.merge(pick(rnd, weights), new LineCount(add, del, 1 + rnd.nextInt(3)), LineCount::plus);
            }
            Map<ExclusionBucket, LineCount> excluded = new EnumMap<>(ExclusionBucket.class);
            List<OutlierFile> outliers = new ArrayList<>();
            if (rnd.nextInt(4) == 0) {
                ExclusionBucket b = ExclusionBucket.values()[rnd.nextInt(3)]; // vendored, generated, moved
                excluded.put(b, new LineCount(rnd.nextInt(800), rnd.nextInt(400), 1 + rnd.nextInt(4)));
            }
            if (rnd.nextInt(400) == 0) {
                long lines = 5_000 + rnd.nextInt(20_000);
                excluded.put(ExclusionBucket.BULK, new LineCount(lines, 0, 1));
                outliers.add(new OutlierFile("data/export-" + i + ".csv", "CSV", lines, 0));
            }
            if (rnd.nextInt(150) == 0) {
                excluded.put(ExclusionBucket.BINARY, new LineCount(0, 0, 1));
            }
            List<Detection> detections = new ArrayList<>();
            if (rnd.nextInt(2_000) == 0) {
                DetectionKind kind = DetectionKind.values()[rnd.nextInt(4)];
                detections.add(new Detection(kind, null, switch (kind) {
                    case DOCKERFILE -> "services/svc-" + i + "/Dockerfile";
                    case HELM_CHART -> "charts/chart-" + i + "/Chart.yaml";
                    case TERRAFORM_MODULE -> "terraform/module-" + i + "/main.tf";
                    default -> ".github/workflows/build-" + i + ".yml";
                }));
            }
            if (rnd.nextInt(120) == 0) {
                detections.add(new Detection(DetectionKind.PACKAGE, profile.ecosystem(),
                        profile.packages()[rnd.nextInt(profile.packages().length)]));
            }
            return new CommitFact(sha, email, t, offsetMinutes, t.plusSeconds(rnd.nextInt(3_600)), 1,
                    new CommitKind(type, rnd.nextInt(40) == 0, inferred), languages, excluded, detections, outliers);
        }

        private String pick(Random rnd, int[] weights) {
            int sum = 0;
            for (int w : weights) {
                sum += w;
            }
            int x = rnd.nextInt(sum);
            for (int k = 0; k < weights.length; k++) {
                x -= weights[k];
                if (x < 0) {
                    return profile.languages()[k];
                }
            }
            return profile.languages()[0];
        }
    }
}
