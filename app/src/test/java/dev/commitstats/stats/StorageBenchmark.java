package dev.commitstats.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.repos.RepositoryCursor;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.Tag;

/**
 * Write throughput and CV aggregate latency on both databases. Excluded from the default test run (tag
 * {@code benchmark}); run it with {@code bench/storage-bench.sh}. Figures go to stdout and to
 * {@code app/target/benchmarks/storage.txt}; docs/benchmarks.md records them.
 */
@Tag("benchmark")
class StorageBenchmark {

    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    @DatabaseTest
    void write10000Facts(TestDatabase db) throws IOException {
        Testbed t = new Testbed(db);
        List<CommitFact> facts = Facts.random(42, 10_000, END, 5, "ada@example.com");
        long first = writeAll(t, t.repo, facts);
        long again = writeAll(t, t.repo, facts);
        report(db, "write 10,000 facts (batches of %d, one transaction each): %d ms; rewriting them: %d ms"
                .formatted(CommitFactStore.RECOMMENDED_BATCH_SIZE, first, again));
    }

    @DatabaseTest
    void aggregate200000Facts(TestDatabase db) throws IOException {
        Testbed t = new Testbed(db);
        // three repositories; the third is a fork holding 20,000 commits of the first
        long second = t.repository("second");
        long fork = t.repository("fork");
        List<CommitFact> a = Facts.random(1, 120_000, END, 8, "ada@example.com", "ada@example.com", "ada@example.com",
                "bot@example.com");
        List<CommitFact> b = Facts.random(2, 80_000, END, 8, "ada@example.com");
        long w = writeAll(t, t.repo, a) + writeAll(t, second, b) + writeAll(t, fork, a.subList(0, 20_000));
        long facts = t.rows("commit_facts");
        analyze(db);
        String all = time(t);
        t.registry.setActive(second, false);
        t.registry.setActive(fork, false);
        String single = time(t);
        report(db, ("aggregate all CV stats, %d facts stored (written in %d ms), %d counted for the user in 3 "
                + "repositories with a fork: %s; in 1 repository (%d counted): %s").formatted(facts, w,
                countedCommits(t, true), all, countedCommits(t, false), single));
    }

    private static long countedCommits(Testbed t, boolean reactivate) {
        if (reactivate) {
            t.registry.repositories(t.user).forEach(r -> t.registry.setActive(r.id(), true));
        }
        long n = t.stats().totals().commits();
        if (reactivate) {
            t.registry.repositories(t.user).stream().filter(r -> r.id() != t.repo)
                    .forEach(r -> t.registry.setActive(r.id(), false));
        }
        return n;
    }

    private static void analyze(TestDatabase db) {
        db.jdbc().sql("ANALYZE").update();
    }

    private static String time(Testbed t) {
        for (int i = 0; i < 3; i++) {
            t.stats();
        }
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            t.stats();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return "median %d ms (min %d, max %d, %d runs)".formatted(ms[ms.length / 2], ms[0], ms[ms.length - 1], ms.length);
    }

    private static long writeAll(Testbed t, long repo, List<CommitFact> facts) {
        long start = System.nanoTime();
        int size = CommitFactStore.RECOMMENDED_BATCH_SIZE;
        for (int from = 0; from < facts.size(); from += size) {
            List<CommitFact> batch = new ArrayList<>(facts.subList(from, Math.min(facts.size(), from + size)));
            CommitFact last = batch.get(batch.size() - 1);
            t.store.writeBatch(repo, batch, new RepositoryCursor(last.sha(), last.committerTime(),
                    from + size >= facts.size(), RepositoryStatus.COLLECTING));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void report(TestDatabase db, String line) throws IOException {
        String out = "[" + db.vendor().folder() + "] " + line;
        System.out.println(out);
        Path file = Path.of("target", "benchmarks", "storage.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
