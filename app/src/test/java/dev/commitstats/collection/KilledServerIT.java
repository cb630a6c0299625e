package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.assertSameTotals;
import static dev.commitstats.collection.CollectTests.expected;
import static dev.commitstats.collection.CollectTests.history;
import static dev.commitstats.collection.CollectTests.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of background collection, on both databases: {@code serve} of the packaged jar collects a large
 * repository (served over smart HTTP) that its periodic delta enqueued; the process is killed with SIGKILL after some
 * batches of facts are stored and before the last; a new {@code serve} on the same database and data dir runs the
 * collection again (the killed claim's lease runs out, the delta enqueues it again) and the stored totals then equal
 * the engine's over the whole repository, each commit once. Runs after {@code package} (failsafe).
 */
class KilledServerIT {

    /** Commits in the served repository; two thirds are the user's. */
    private static final int COMMITS = 3_000;

    @TempDir
    static Path shared;

    static SmartHttpGitServer git;
    static Path origin;
    static Totals want;

    @BeforeAll
    static void aLargeRepositoryOnAGitServer() throws Exception {
        Path served = Files.createDirectories(shared.resolve("served"));
        origin = served.resolve("team/large.git");
        try (GitRepoBuilder b = GitRepoBuilder.initBare(origin)) {
            history(b, COMMITS, 0);
        }
        want = expected(origin);
        git = new SmartHttpGitServer(served, Files.createDirectories(shared.resolve("tomcat")));
    }

    @AfterAll
    static void stopGitServer() throws Exception {
        if (git != null) {
            git.close();
        }
    }

    @DatabaseTest
    void aServerKilledMidCollectionCollectsTheRestAfterARestartWithTheTotalsOfAnUninterruptedRun(TestDatabase db)
            throws Exception {
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        accounts.addIdentities(me.id(), Set.of(ME));
        long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).registerRepository(me.id(),
                NewRepository.of(git.url("team/large.git"), SourceKind.GIT, "large"));
        Path logs = Files.createTempDirectory(shared, "logs");

        // the delta (every 10 s) enqueues the repository: a URL without host information is always enqueued
        Process first = serve(db, logs.resolve("first.log"));
        long stored;
        try {
            await("a first batch of facts", Duration.ofSeconds(90), first, logs.resolve("first.log"),
                    () -> facts(db, id) > 0);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no claim released, the job left "processing"
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        stored = facts(db, id);
        assertThat(stored).as("killed mid-collection: some facts stored, not all").isPositive()
                .isLessThan(want.commits());
        assertThat(status(db, id)).isEqualTo("collecting");
        assertThat(runs(db, id, "collected")).isZero();

        long killedAt = System.nanoTime();
        Process second = serve(db, logs.resolve("second.log"));
        try {
            await("the repository up to date after the restart", Duration.ofSeconds(120), second,
                    logs.resolve("second.log"), () -> "up_to_date".equals(status(db, id)));
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }

        System.out.printf("%s: killed with %d of %d facts stored; up to date %.1f s after the kill%n", db, stored,
                want.commits(), (System.nanoTime() - killedAt) / 1e9);
        assertThat(facts(db, id)).isEqualTo(want.commits());
        assertSameTotals(stored(db, "me"), want);
        // the runs after the restart mined exactly what the killed one had not stored: nothing twice, nothing lost
        assertThat(db.jdbc().sql("""
                SELECT COALESCE(SUM(new_commits), 0) FROM collection_runs
                WHERE repository_id = :id AND outcome = 'collected'""").param("id", id).query(Long.class).single())
                .isEqualTo(want.commits() - stored);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM collection_claims").query(Long.class).single()).isZero();
    }

    /** {@code serve} of the packaged jar on the test database, with a short delta, lease and batches. */
    private static Process serve(TestDatabase db, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "commitstats.jar");
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar", jar.toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(db.cliOptions()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("COMMITSTATS_PROVIDERS_ALLOWED_HOSTS", "127.0.0.1:" + git.port());
        pb.environment().put("COMMITSTATS_COLLECTION_INTERVAL", "10s");
        // a killed server's claim blocks the repository for a lease: short, so that the rerun comes soon
        pb.environment().put("COMMITSTATS_COLLECTION_LEASE", "6s");
        // small batches on one thread: the collection takes long enough to be killed in the middle
        pb.environment().put("COMMITSTATS_COLLECTION_BATCH_SIZE", "100");
        pb.environment().put("COMMITSTATS_COLLECTION_WORKER_THREADS", "1");
        return pb.start();
    }

    private static void await(String what, Duration timeout, Process server, Path log, BooleanSupplier done)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError((server.isAlive() ? "timed out waiting for " : "serve ended before ") + what
                        + "; it printed:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
    }

    private static long facts(TestDatabase db, long id) {
        return db.jdbc().sql("SELECT COUNT(*) FROM commit_facts WHERE repository_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private static String status(TestDatabase db, long id) {
        return db.jdbc().sql("SELECT status FROM repositories WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    private static long runs(TestDatabase db, long id, String outcome) {
        return db.jdbc().sql("SELECT COUNT(*) FROM collection_runs WHERE repository_id = :id AND outcome = :o")
                .param("id", id).param("o", outcome).query(Long.class).single();
    }
}
