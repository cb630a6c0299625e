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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code commitstats collect} processes of the packaged jar on the same repository at once: one mines every commit
 * while the other waits, then finds nothing new; the totals equal one run's. Runs after {@code package} (failsafe).
 */
class CollectProcessesIT {

    private static final Pattern NEW = Pattern.compile("([\\d,]+) new commits, ([\\d,]+) in total");

    @TempDir
    static Path shared;

    static Path repo;

    @BeforeAll
    static void aLargeHistory() throws Exception {
        repo = shared.resolve("large.git");
        try (GitRepoBuilder b = GitRepoBuilder.initBare(repo)) {
            history(b, 300, 0);
        }
    }

    @DatabaseTest
    void twoProcessesCollectingOneRepositoryMineItOnce(TestDatabase db) throws Exception {
        // the repository is registered and held by a third party, so that both processes find it busy and queue up
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        accounts.addIdentities(me.id(), List.of(ME));
        long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).registerRepository(me.id(),
                NewRepository.of(repo.toAbsolutePath().normalize().toString(), SourceKind.LOCAL, "large"));
        db.jdbc().sql("INSERT INTO collection_claims (repository_id, holder, expires_at) VALUES (:id, 'test', :t)")
                .param("id", id).param("t", Clock.systemUTC().instant().getEpochSecond() + 600).update();

        Path logs = Files.createTempDirectory(shared, "logs");
        Path firstLog = logs.resolve("first.log");
        Path secondLog = logs.resolve("second.log");
        Process first = start(db, firstLog);
        Process second = start(db, secondLog);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(waiting(firstLog) && waiting(secondLog)) && first.isAlive() && second.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(waiting(firstLog) && waiting(secondLog)).as("both wait for the holder; they printed:%n%s%n%s",
                read(firstLog), read(secondLog)).isTrue();
        // released: they now contend for the repository, and the claim lets one of them in at a time
        db.jdbc().sql("DELETE FROM collection_claims WHERE holder = 'test'").update();

        assertThat(first.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String one = read(firstLog);
        String two = read(secondLog);
        assertThat(first.exitValue()).as(one).isZero();
        assertThat(second.exitValue()).as(two).isZero();
        assertThat(List.of(newCommits(one), newCommits(two))).as("%s%n%s", one, two)
                .containsExactlyInAnyOrder(200, 0);
        assertThat(claims(db)).isZero();
        assertSameTotals(stored(db, "me"), expected(repo));
    }

    private static boolean waiting(Path log) throws IOException {
        return read(log).contains("another collection of this repository is running");
    }

    private static Process start(TestDatabase db, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "commitstats.jar");
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "collect", "--user", "me",
                "--email", ME, "--threads", "1"));
        cmd.addAll(List.of(db.cliOptions()));
        cmd.add(repo.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("COMMITSTATS_NO_PROGRESS", "1");
        return pb.start();
    }

    private static long claims(TestDatabase db) {
        return db.jdbc().sql("SELECT COUNT(*) FROM collection_claims").query(Long.class).single();
    }

    private static int newCommits(String output) {
        Matcher m = NEW.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
