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

    /**
     * A collection's writes into a user's 21st repository: 10,000 new facts while twenty other repositories of theirs
     * (2,000 facts each) are stored, so every batch checks the siblings for copies.
     */
    @DatabaseTest
    void write10000FactsBesideTwentyRepositories(TestDatabase db) throws IOException {
        Testbed t = new Testbed(db);
        long stored = 0;
        for (int i = 0; i < 20; i++) {
            long repo = i == 0 ? t.repo : t.repository("other" + i);
            stored += writeAll(t, repo, Facts.random(100 + i, 2_000, END, 5, "ada@example.com", "bob@example.com"));
        }
        analyze(db);
        long target = t.repository("new");
        List<CommitFact> facts = Facts.random(42, 10_000, END, 5, "ada@example.com");
        StatementTimes times = new StatementTimes();
        javax.sql.DataSource measured = times.wrap(db.dataSource());
        CommitFactStore timed = new CommitFactStore(measured,
                new dev.commitstats.repos.RepositoryRegistry(measured, java.time.Clock.systemUTC()));
        long first = writeAll(timed, target, facts);
        String firstTimes = times.topAndReset(6);
        long again = writeAll(timed, target, facts);
        String againTimes = times.topAndReset(6);
        report(db, "  where the first write's time went: " + firstTimes);
        report(db, "  where the rewrite's time went: " + againTimes);
        long rows = t.rows("commit_facts");
        report(db, ("write 10,000 new facts into a 21st repository of the user, 20 repositories of 2,000 facts stored "
                + "(written in %d ms): %d ms; rewriting them: %d ms; database %d bytes for %d facts (%d per fact, "
                + "indexes and rollups included)").formatted(stored, first, again, databaseBytes(db), rows,
                databaseBytes(db) / rows));
    }

    /** The database's size on disk: every table of the test's schema with its indexes (PostgreSQL), or the file. */
    private static long databaseBytes(TestDatabase db) {
        if (db.vendor() == dev.commitstats.config.Database.Vendor.POSTGRESQL) {
            return db.jdbc().sql("""
                    SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind = 'r'""").query(Long.class).single();
        }
        db.jdbc().sql("PRAGMA wal_checkpoint(TRUNCATE)").query().listOfRows();
        return db.jdbc().sql("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
                .query(Long.class).single();
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
        return writeAll(t.store, repo, facts);
    }

    private static long writeAll(CommitFactStore store, long repo, List<CommitFact> facts) {
        long start = System.nanoTime();
        int size = CommitFactStore.RECOMMENDED_BATCH_SIZE;
        for (int from = 0; from < facts.size(); from += size) {
            List<CommitFact> batch = new ArrayList<>(facts.subList(from, Math.min(facts.size(), from + size)));
            CommitFact last = batch.get(batch.size() - 1);
            store.writeBatch(repo, batch, new RepositoryCursor(last.sha(), last.committerTime(),
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
