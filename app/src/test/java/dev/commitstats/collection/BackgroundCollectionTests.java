package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.expected;
import static dev.commitstats.collection.CollectTests.history;
import static dev.commitstats.collection.CollectTests.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.Database;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collection through JobRunr in the real server, on both databases: a refresh enqueues a collect job per repository
 * and the workers collect each once; a repository that is gone is parked in {@code error} without retries while an
 * unreachable host is retried with backoff; the delta skips what its host reports unchanged; and two servers on one
 * PostgreSQL schema share twenty repositories, each collected exactly once.
 */
class BackgroundCollectionTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    /** Repositories served over smart HTTP, registered by URL for "me". */
    private final class Served implements AutoCloseable {
        final SmartHttpGitServer server;
        final long userId;
        final List<Long> ids = new ArrayList<>();
        final List<Path> origins = new ArrayList<>();
        final RepositoryRegistry registry;

        Served(TestDatabase db, int repositories) throws Exception {
            Path served = Files.createDirectories(tmp.resolve("served"));
            server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")));
            UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
            User me = accounts.findOrCreate("me");
            accounts.addIdentities(me.id(), Set.of(ME));
            userId = me.id();
            registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
            for (int i = 0; i < repositories; i++) {
                Path origin = served.resolve("team/r" + i + ".git");
                try (GitRepoBuilder repo = GitRepoBuilder.initBare(origin)) {
                    history(repo, 6 + i % 5, i);
                }
                origins.add(origin);
                ids.add(register("team/r" + i + ".git", "r" + i));
            }
        }

        long register(String path, String name) {
            return registry.registerRepository(userId, NewRepository.of(server.url(path), SourceKind.GIT, name));
        }

        String allowedHosts() {
            return "127.0.0.1:" + server.port() + ",127.0.0.1:1";
        }

        long expectedCommits() throws Exception {
            long n = 0;
            for (Path o : origins) {
                n += expected(o).commits();
            }
            return n;
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    @DatabaseTest
    void aRefreshCollectsEachRepositoryOnceAndParksAPermanentFailureButRetriesATransientOne(TestDatabase db)
            throws Exception {
        try (Served s = new Served(db, 3);
                JobsServer server = JobsServer.start(db, tmp.resolve("data"), s.allowedHosts())) {
            long gone = s.register("team/gone.git", "gone");
            long unreachable = s.registry.registerRepository(s.userId,
                    NewRepository.of("http://127.0.0.1:1/team/down.git", SourceKind.GIT, "down"));
            CollectionJobs jobs = server.bean(CollectionJobs.class);
            CollectionRuns runs = server.bean(CollectionService.class).runs();

            CollectionJobs.Refresh refresh = jobs.refresh(s.userId, CollectionTrigger.REFRESH);

            assertThat(refresh.enqueued()).hasSize(5).containsAll(s.ids).contains(gone, unreachable);
            JobsServer.await("the five first runs", WAIT,
                    () -> runs.runs(s.userId, null, 100).stream().map(CollectionRuns.Run::repositoryId)
                            .distinct().count() == 5);
            for (long id : s.ids) {
                assertThat(runs.runs(s.userId, id, 10)).singleElement()
                        .satisfies(r -> assertThat(r.outcome()).isEqualTo("collected"))
                        .satisfies(r -> assertThat(r.trigger()).isEqualTo(CollectionTrigger.REFRESH));
            }
            assertThat(stored(db, "me").commits()).isEqualTo(s.expectedCommits());

            // gone for good: error with the reason, blocked, and its job done (no retry)
            assertThat(s.registry.repository(gone).orElseThrow().status()).isEqualTo(RepositoryStatus.ERROR);
            assertThat(s.registry.repository(gone).orElseThrow().errorMessage()).startsWith("repository not found");
            assertThat(jobs.blocked(gone)).isTrue();
            // the network: retried with backoff (scheduled again), not blocked
            StorageProvider storage = server.bean(StorageProvider.class);
            JobsServer.await("the retry of the unreachable repository", WAIT,
                    () -> storage.countJobs(StateName.SCHEDULED) == 1);
            assertThat(jobs.blocked(unreachable)).isFalse();
            assertThat(storage.countJobs(StateName.SUCCEEDED)).isEqualTo(4);

            // the schedule leaves the blocked one alone; a refresh the user asks for tries it again
            assertThat(jobs.refresh(s.userId, CollectionTrigger.SCHEDULE).enqueued()).doesNotContain(gone)
                    .contains(unreachable);
            // a token checked or replaced since it was blocked (as `tokens replace` on the command line does, whose
            // event the server never hears) lets the schedule try the repository again
            long checked = Instant.now().getEpochSecond() + 5;
            long token = db.jdbc().sql("""
                            INSERT INTO tokens (user_id, name, provider, base_url, secret, status, status_message,
                                                checked_at, created_at, updated_at)
                            VALUES (:u, 'work', 'gitea', 'http://127.0.0.1:1', 'x', 'valid', 'valid', :t, :t, :t)
                            RETURNING id""")
                    .param("u", s.userId).param("t", checked).query(Long.class).single();
            db.jdbc().sql("UPDATE repositories SET token_id = :t WHERE id = :r").param("t", token).param("r", gone)
                    .update();
            assertThat(jobs.refresh(s.userId, CollectionTrigger.SCHEDULE).enqueued()).contains(gone);
            assertThat(jobs.refresh(s.userId, CollectionTrigger.REFRESH).enqueued()).contains(gone);
        }
    }

    @DatabaseTest
    void theDeltaEnqueuesOnlyTheRepositoriesWithAPushSinceTheirLastCollection(TestDatabase db) throws Exception {
        try (Served s = new Served(db, 3);
                JobsServer server = JobsServer.start(db, tmp.resolve("data"), s.allowedHosts())) {
            CollectionJobs jobs = server.bean(CollectionJobs.class);
            CollectionRuns runs = server.bean(CollectionService.class).runs();
            jobs.refresh(s.userId, CollectionTrigger.REFRESH);
            JobsServer.await("three runs", WAIT, () -> runs.runs(s.userId, null, 100).size() == 3);
            // what discovery records: the host's last push, asked now; r1 was pushed to since its collection
            long later = System.currentTimeMillis() + 60_000;
            db.jdbc().sql("UPDATE repositories SET last_push_at = 1000, collected_push_at = 1000, push_checked_at = :t")
                    .param("t", later).update();
            db.jdbc().sql("UPDATE repositories SET last_push_at = 2000 WHERE id = :id").param("id", s.ids.get(1))
                    .update();

            CollectionJobs.Refresh delta = jobs.refresh(s.userId, CollectionTrigger.SCHEDULE);

            assertThat(delta.enqueued()).containsExactly(s.ids.get(1));
            assertThat(delta.unchanged()).isEqualTo(2);
            JobsServer.await("the fourth run", WAIT, () -> runs.runs(s.userId, null, 100).size() == 4);
            assertThat(runs.runs(s.userId, null, 1).get(0).trigger()).isEqualTo(CollectionTrigger.SCHEDULE);
        }
    }

    @DatabaseTest
    void twoServersOnOneDatabaseShareTwentyRepositoriesAndCollectEachExactlyOnce(TestDatabase db) throws Exception {
        assumeTrue(db.vendor() == Database.Vendor.POSTGRESQL, "several instances share PostgreSQL");
        try (Served s = new Served(db, 20);
                JobsServer one = JobsServer.start(db, tmp.resolve("one"), s.allowedHosts());
                JobsServer two = JobsServer.start(db, tmp.resolve("two"), s.allowedHosts())) {
            CollectionRuns runs = one.bean(CollectionService.class).runs();
            // both job servers announced themselves (a loaded machine may start the second one late)
            StorageProvider storage = one.bean(StorageProvider.class);
            JobsServer.await("two job servers", WAIT, () -> storage.getBackgroundJobServers().size() == 2);

            CollectionJobs.Refresh refresh = one.bean(CollectionJobs.class).refresh(s.userId, CollectionTrigger.REFRESH);

            assertThat(refresh.enqueued()).hasSize(20);
            JobsServer.await("twenty runs", WAIT, () -> runs.runs(s.userId, null, 100).size() >= 20);
            Thread.sleep(6_000); // one more poll: a second run of any repository would show now
            List<CollectionRuns.Run> all = runs.runs(s.userId, null, 100);
            assertThat(all).hasSize(20).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("collected"));
            assertThat(all.stream().map(CollectionRuns.Run::repositoryId).distinct()).hasSize(20);
            // each instance mirrors what it collected: both did some, and together all of them
            long byOne = mirrors(tmp.resolve("one"));
            long byTwo = mirrors(tmp.resolve("two"));
            assertThat(byOne).isPositive();
            assertThat(byTwo).isPositive();
            assertThat(byOne + byTwo).isEqualTo(20);
            assertThat(stored(db, "me").commits()).isEqualTo(s.expectedCommits());
        }
    }

    private static long mirrors(Path dataDir) throws Exception {
        Path root = dataDir.resolve("mirrors");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".git") && Files.isDirectory(p))
                    .filter(p -> !p.toString().contains("/.incoming/")).count();
        }
    }
}
