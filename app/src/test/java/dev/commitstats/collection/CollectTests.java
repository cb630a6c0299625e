package dev.commitstats.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.cli.CommandLineTestsAccess;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.RepositoryMiner;
import dev.commitstats.core.mining.SkipRules;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.core.mining.TotalsBuilder;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryAnnotations;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collection end to end on both databases: totals equal the engine's own over the same commits, runs are
 * incremental, force-pushes are repaired, forks count once, a crash mid-batch loses nothing, URLs are mirrored.
 */
class CollectTests {

    static final String ME = "me@example.com";
    /** The admin's allow-list, as a system property: in-process commands read their settings from the environment. */
    private static final String ALLOWED_HOSTS = "commitstats.providers.allowed-hosts";

    @TempDir
    Path tmp;

    /** A history of {@code commits} commits, two thirds by {@link #ME}. */
    static void history(GitRepoBuilder repo, int commits, int offset) throws Exception {
        for (int i = 0; i < commits; i++) {
            boolean mine = (i + offset) % 3 != 0;
            repo.author(mine ? "Me" : "Other", mine ? (i % 2 == 0 ? ME : "ME@Example.com") : "other@example.com")
                    .at(String.format("2024-%02d-%02dT%02d:00:00+02:00", 1 + (i + offset) % 12, 1 + (i + offset) % 28, (i * 7) % 24));
            repo.write("src/F" + (i % 17) + ".java", "class F {\n" + "  int v" + (i + offset) + ";\n".repeat(1 + i % 5) + "}\n");
            if (i % 10 == 0) {
                repo.write("vendor/lib" + i + ".js", "var x;\n".repeat(3));
            }
            if (i % 25 == 0) {
                repo.write("docs/page" + i + ".md", "# page\n\ntext " + i + "\n");
            }
            repo.commit((i % 4 == 0 ? "feat" : "fix") + ": change " + (i + offset));
        }
    }

    /** The engine's own totals over the same commits, every branch, each once. */
    static Totals expected(Path repo) throws Exception {
        TotalsBuilder b = new TotalsBuilder();
        try (RepositoryMiner m = RepositoryMiner.open(repo)) {
            m.mine(MiningOptions.defaults().withAllBranches().withAuthors(Set.of(ME)), s -> false, b::add, MiningListener.NONE);
        }
        return b.build();
    }

    /** The engine's own totals over the same commits with the owner's skips. */
    static Totals expected(Path repo, dev.commitstats.core.mining.SkipRules skips) throws Exception {
        TotalsBuilder b = new TotalsBuilder();
        try (RepositoryMiner m = RepositoryMiner.open(repo)) {
            m.mine(MiningOptions.defaults().withAllBranches().withAuthors(Set.of(ME)).withSkips(skips), s -> false,
                    b::add, MiningListener.NONE);
        }
        return b.build();
    }

    static Totals stored(TestDatabase db, String login) {
        Clock clock = Clock.systemUTC();
        UserAccounts accounts = new UserAccounts(db.dataSource(), clock);
        return new StatsQueries(db.dataSource(), accounts, new RepositoryRegistry(db.dataSource(), clock), clock)
                .totals(accounts.require(login).id());
    }

    static void assertSameTotals(Totals got, Totals want) {
        assertThat(got.commits()).isEqualTo(want.commits());
        assertThat(got.additions()).isEqualTo(want.additions());
        assertThat(got.deletions()).isEqualTo(want.deletions());
        assertThat(got.languages()).isEqualTo(want.languages());
        assertThat(got.excluded()).isEqualTo(want.excluded());
        assertThat(got.types()).isEqualTo(want.types());
    }

    private static CommandLineTestsAccess.Run collect(TestDatabase db, String... args) {
        return CommandLineTestsAccess.run(db, "collect", args);
    }

    @DatabaseTest
    void collectStoresWhatTheEngineMinesAndIsIncremental(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.init(dir)) {
            history(repo, 60, 0);
            var r = collect(db, "--user", "me", "--email", ME, dir.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("40 new commits, 40 in total").contains("up_to_date");
            assertSameTotals(stored(db, "me"), expected(dir));

            var again = collect(db, "--user", "me", dir.toString());
            assertThat(again.out()).contains("0 new commits, 40 in total");

            history(repo, 9, 100);
            var more = collect(db, "--user", "me", dir.toString());
            assertThat(more.out()).contains("6 new commits, 46 in total");
            assertSameTotals(stored(db, "me"), expected(dir));
        }
    }

    @DatabaseTest
    void aNewIdentityMakesTheNextRunWalkTheHistoryAgain(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.init(dir)) {
            history(repo, 30, 0);
        }
        collect(db, "--user", "me", "--email", "other@example.com", dir.toString());
        // nothing moved in the repository, but the user now has one more email: their commits must come in
        var r = collect(db, "--user", "me", "--email", ME, dir.toString());
        assertThat(r.out()).contains("20 new commits, 30 in total");
    }

    @DatabaseTest
    void factsMinedUnderOtherCountingRulesAreCountedAgain(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.init(dir)) {
            history(repo, 30, 0);
        }
        collect(db, "--user", "me", "--email", ME, dir.toString());
        // what an older release would have stored: other numbers for the same commits (raw mode's, here), under
        // rules version 1, with that release's fingerprint
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long repoId = registry.repositories(new UserAccounts(db.dataSource(), Clock.systemUTC()).require("me").id())
                .get(0).id();
        java.util.List<dev.commitstats.core.mining.CommitFact> old = new java.util.ArrayList<>();
        try (RepositoryMiner m = RepositoryMiner.open(dir)) {
            m.mine(MiningOptions.defaults().withAllBranches().withAuthors(Set.of(ME)).withRaw(true), s -> false, old::add,
                    MiningListener.NONE);
        }
        new CommitFactStore(db.dataSource(), registry).writeBatch(repoId, old, null);
        registry.saveMinedRulesVersion(repoId, 1);
        registry.saveCollectedFingerprint(repoId, "fingerprint of an older release");
        assertThat(stored(db, "me").excluded().values()).allMatch(n -> n.additions() == 0);
        assertThat(expected(dir).excluded().values()).anyMatch(n -> n.additions() > 0);

        var r = collect(db, "--user", "me", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 new commits, 20 in total (20 counted again: the counting rules changed)");
        assertSameTotals(stored(db, "me"), expected(dir));
        assertThat(registry.minedRulesVersion(repoId)).hasValue(dev.commitstats.core.mining.MiningRules.VERSION);

        var again = collect(db, "--user", "me", dir.toString());
        assertThat(again.out()).contains("0 new commits, 20 in total,").doesNotContain("counted again");
    }

    @DatabaseTest
    void skippedPathsAndCommitsLeaveEveryTotalAndComeBackWhenUnskipped(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo");
        List<String> mine = new java.util.ArrayList<>();
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 60, 0);
        }
        try (RepositoryMiner m = RepositoryMiner.open(dir)) {
            m.mine(MiningOptions.defaults().withAllBranches().withAuthors(Set.of(ME)), s -> false,
                    f -> mine.add(f.sha()), MiningListener.NONE);
        }
        collect(db, "--user", "me", "--email", ME, dir.toString());
        Totals all = expected(dir);
        assertSameTotals(stored(db, "me"), all);

        Clock clock = Clock.systemUTC();
        UserAccounts accounts = new UserAccounts(db.dataSource(), clock);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), clock);
        RepositoryAnnotations annotations = new RepositoryAnnotations(db.dataSource(), registry, clock);
        long me = accounts.require("me").id();
        long id = registry.repositories(me).get(0).id();
        Set<String> paths = Set.of("docs/", "src/F3.java", "*.js");
        Set<String> commits = Set.of(mine.get(5), mine.get(17));
        annotations.annotate(me, id, new RepositoryAnnotations.Change(paths, Set.of(), commits, Set.of()));
        SkipRules skips = SkipRules.of(paths, commits);

        var r = collect(db, "--user", "me", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 new commits, 38 in total (2 removed: skipped) (38 counted again: the "
                + "skipped paths changed)");
        Totals skipped = expected(dir, skips);
        assertSameTotals(stored(db, "me"), skipped);
        assertThat(skipped.commits()).isEqualTo(all.commits() - 2);
        assertThat(all.excluded().get(ExclusionBucket.VENDORED).additions()).isPositive();
        assertThat(skipped.excluded().get(ExclusionBucket.VENDORED).additions()).as("*.js were the vendored files")
                .isZero();
        assertThat(skipped.additions()).isLessThan(all.additions());

        var again = collect(db, "--user", "me", dir.toString());
        assertThat(again.out()).contains("0 new commits, 38 in total,").doesNotContain("counted again")
                .doesNotContain("removed");
        assertSameTotals(stored(db, "me"), skipped);

        // a fresh collection with the same skips gives the same numbers: nothing counted twice or left behind
        var fresh = collect(db, "--user", "fresh", "--email", ME, dir.toString());
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        long freshId = registry.repositories(accounts.require("fresh").id()).get(0).id();
        annotations.annotate(accounts.require("fresh").id(), freshId,
                new RepositoryAnnotations.Change(paths, Set.of(), commits, Set.of()));
        collect(db, "--user", "fresh", dir.toString());
        assertSameTotals(stored(db, "fresh"), skipped);

        annotations.annotate(me, id, new RepositoryAnnotations.Change(Set.of(), paths, Set.of(), commits));
        var back = collect(db, "--user", "me", dir.toString());
        assertThat(back.out()).contains("2 new commits, 40 in total (38 counted again: the skipped paths changed)");
        assertSameTotals(stored(db, "me"), all);
    }

    @DatabaseTest
    void aForcePushThatRemovedCollectedCommitsIsRepaired(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 30, 0);
            String keep = repo.commit("chore: base");
            history(repo, 15, 50);
            collect(db, "--user", "me", "--email", ME, dir.toString());
            repo.resetHard(keep);
            history(repo, 4, 200);
            var r = collect(db, "--user", "me", dir.toString());
            assertThat(r.out()).contains("removed by a force-push");
            assertSameTotals(stored(db, "me"), expected(dir));
        }
        // a fresh collection of the rewritten history gives the same numbers
        var fresh = collect(db, "--user", "fresh", "--email", ME, dir.toString());
        assertThat(fresh.exitCode()).isZero();
        assertSameTotals(stored(db, "fresh"), stored(db, "me"));
    }

    @DatabaseTest
    void aForkOrMirrorOfTheSameHistoryCountsOnce(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("origin");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 45, 0);
        }
        Path fork = tmp.resolve("fork.git");
        Process p = new ProcessBuilder("git", "clone", "-q", "--bare", dir.toString(), fork.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        try (GitRepoBuilder forkRepo = GitRepoBuilder.openBare(fork)) {
            history(forkRepo, 6, 300); // the fork moved on
        }
        var r = collect(db, "--user", "me", "--email", ME, dir.toString(), fork.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Totals want = expected(fork); // the fork holds every commit of the origin plus its own
        assertSameTotals(stored(db, "me"), want);
    }

    @DatabaseTest
    void aCrashInTheMiddleOfABatchLosesNothingAndCountsNothingTwice(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 120, 0); // 80 of mine: batches of 25, a crash in the middle of the third
        }
        Clock clock = Clock.systemUTC();
        UserAccounts accounts = new UserAccounts(db.dataSource(), clock);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), clock);
        CommitFactStore store = new CommitFactStore(db.dataSource(), registry);
        User u = accounts.findOrCreate("me");
        accounts.addIdentities(u.id(), Set.of(ME));
        long id = registry.registerRepository(u.id(), NewRepository.of(dir.toString(), SourceKind.LOCAL, "repo"));
        try (CollectionFixture f = new CollectionFixture(db, CollectionSettings.defaults().withWorkerThreads(2)
                .withBatchSize(25))) {
            CollectionOutcome crashed = f.service().collect(id, CollectionTrigger.COMMAND, new MiningListener() {
                @Override
                public void progress(int done, int total) {
                    // progress can jump while the walk is still running: crash at the first report past 62
                    if (done >= 62) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            }, null);
            assertThat(crashed.failed()).isTrue();
            long kept = store.countCommits(id);
            assertThat(kept).as("whole batches only").isPositive().isLessThan(80);
            assertThat(kept % 25).isZero();
            assertThat(registry.cursor(id).allCommitsProcessed()).isFalse();

            CollectionOutcome rerun = f.service().collect(id, CollectionTrigger.COMMAND, MiningListener.NONE, null);
            assertThat(rerun.status()).isEqualTo(RepositoryStatus.UP_TO_DATE);
            assertThat(rerun.newCommits()).isEqualTo(80 - kept);
            assertThat(registry.cursor(id).allCommitsProcessed()).isTrue();
            assertSameTotals(stored(db, "me"), expected(dir));
        }
    }

    @DatabaseTest
    void aBrokenRepositoryIsMarkedAndTheOthersStillComplete(TestDatabase db) throws Exception {
        Path good = tmp.resolve("good");
        try (GitRepoBuilder repo = GitRepoBuilder.init(good)) {
            history(repo, 9, 0);
        }
        Path notARepo = Files.createDirectories(tmp.resolve("plain"));
        var r = collect(db, "--user", "me", "--email", ME, notARepo.toString(), good.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("plain").contains("error: not a git repository").contains("6 new commits");
        assertThat(r.err()).contains("1 of 2 repositories failed");
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        User u = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("me");
        assertThat(registry.repositories(u.id())).extracting(Repository::status)
                .containsExactlyInAnyOrder(RepositoryStatus.ERROR, RepositoryStatus.UP_TO_DATE);
        assertThat(registry.repositories(u.id())).filteredOn(x -> x.status() == RepositoryStatus.ERROR)
                .extracting(Repository::errorMessage).allSatisfy(m -> assertThat(m).startsWith("not a git repository"));
    }

    @DatabaseTest
    void aGitUrlIsMirroredOverSmartHttpAndFetchedIncrementally(TestDatabase db) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path origin = served.resolve("team/app.git");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(origin);
             SmartHttpGitServer server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("work")))) {
            history(repo, 30, 0);
            String url = server.url("team/app.git");
            // the local test server is an internal address: the admin's allow-list lets it through, plain http included
            System.setProperty(ALLOWED_HOSTS, "127.0.0.1:" + server.port());
            try {
                var r = collect(db, "--user", "me", "--email", ME, url);
                assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
                assertThat(r.out()).contains("team/app").contains("20 new commits");
                history(repo, 3, 77);
                var again = collect(db, "--user", "me", url);
                assertThat(again.out()).contains("2 new commits, 22 in total");
            } finally {
                System.clearProperty(ALLOWED_HOSTS);
            }
            assertSameTotals(stored(db, "me"), expected(origin));
            assertThat(Files.isDirectory(db.dataDir().resolve("mirrors"))).isTrue();
        }
    }

    @DatabaseTest
    void aGitUrlOfAnInternalHostIsRefusedWithoutTheAllowList(TestDatabase db) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve("team/app.git"));
             SmartHttpGitServer server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("work")))) {
            history(repo, 3, 0);
            var r = collect(db, "--user", "me", "--email", ME, server.url("team/app.git"));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("error: cannot mirror " + server.url("team/app.git")
                    + ": plain http is refused for 127.0.0.1: use https (an admin can allow it with "
                    + "COMMITSTATS_PROVIDERS_ALLOWED_HOSTS)");
            assertThat(server.requests()).isZero();
        }
    }

    @DatabaseTest
    void collectWithoutAnyEmailIsAClearError(TestDatabase db) throws Exception {
        Path good = tmp.resolve("good");
        try (GitRepoBuilder repo = GitRepoBuilder.init(good)) {
            history(repo, 3, 0);
        }
        var r = collect(db, "--user", "nobody", good.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("has no email address yet: add one with --email");
    }
}
