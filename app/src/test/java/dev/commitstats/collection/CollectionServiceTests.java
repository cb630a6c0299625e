package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.assertSameTotals;
import static dev.commitstats.collection.CollectTests.expected;
import static dev.commitstats.collection.CollectTests.history;
import static dev.commitstats.collection.CollectTests.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The collection use cases on both databases: collect by id, one collection per repository, the event. */
class CollectionServiceTests {

    @TempDir
    Path tmp;

    /** A repository of 30 commits (20 of them by {@link CollectTests#ME}) registered for user "me". */
    private long registered(TestDatabase db, Path dir) throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 30, 0);
        }
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        accounts.addIdentities(me.id(), Set.of(ME));
        return new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                .registerRepository(me.id(), NewRepository.of(dir.toString(), SourceKind.LOCAL, "repo"));
    }

    private static CollectionSettings waitingUpTo(Duration wait) {
        return CollectionSettings.defaults().withWorkerThreads(2).withClaim(Duration.ofSeconds(30), wait);
    }

    @DatabaseTest
    void collectingByIdLoadsTheOwnersIdentitiesAndPublishesTheEvent(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        long id = registered(db, dir);
        try (CollectionFixture f = new CollectionFixture(db, waitingUpTo(Duration.ZERO))) {
            CollectionOutcome o = f.service().collect(id, CollectionTrigger.REFRESH, MiningListener.NONE, null);
            assertThat(o.result()).isEqualTo(CollectionOutcome.Result.COLLECTED);
            assertThat(o.newCommits()).isEqualTo(20);
            assertThat(o.totalCommits()).isEqualTo(20);
            assertSameTotals(stored(db, "me"), expected(dir));
            assertThat(f.events).singleElement().isInstanceOfSatisfying(RepositoryCollected.class, e -> {
                assertThat(e.repositoryId()).isEqualTo(id);
                assertThat(e.trigger()).isEqualTo(CollectionTrigger.REFRESH);
                assertThat(e.newCommits()).isEqualTo(20);
                assertThat(e.changedNumbers()).isTrue();
            });

            CollectionOutcome again = f.service().collect(id, CollectionTrigger.SCHEDULE, MiningListener.NONE, null);
            assertThat(again.newCommits()).isZero();
            assertThat(f.events).hasSize(2).last().isInstanceOfSatisfying(RepositoryCollected.class,
                    e -> assertThat(e.changedNumbers()).isFalse());
        }
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM collection_claims").query(Long.class).single())
                .as("the claim is released").isZero();
    }

    @DatabaseTest
    void aFailedCollectionReleasesItsClaimAndPublishesNothing(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        long id = registered(db, dir);
        try (CollectionFixture f = new CollectionFixture(db, waitingUpTo(Duration.ZERO))) {
            CollectionOutcome o = f.service().collect(id, CollectionTrigger.COMMAND, new MiningListener() {
                @Override
                public void progress(int done, int total) {
                    throw new IllegalStateException("simulated crash");
                }
            }, null);
            assertThat(o.result()).isEqualTo(CollectionOutcome.Result.FAILED);
            assertThat(f.events).isEmpty();
            CollectionOutcome rerun = f.service().collect(id, CollectionTrigger.COMMAND, MiningListener.NONE, null);
            assertThat(rerun.result()).as("not blocked by the failed run's claim")
                    .isEqualTo(CollectionOutcome.Result.COLLECTED);
        }
        assertSameTotals(stored(db, "me"), expected(dir));
    }

    @DatabaseTest
    void anUnknownRepositoryIsNotFound(TestDatabase db) {
        try (CollectionFixture f = new CollectionFixture(db, CollectionSettings.defaults())) {
            assertThatThrownBy(() -> f.service().collect(999, CollectionTrigger.REFRESH, MiningListener.NONE, null))
                    .isInstanceOfSatisfying(UseCaseException.class,
                            e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND));
        }
    }

    @DatabaseTest
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoCollectionsOfOneRepositoryAtOnceMineItOnce(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        long id = registered(db, dir);
        CountDownLatch firstIsMining = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);
        try (CollectionFixture f = new CollectionFixture(db, waitingUpTo(Duration.ofSeconds(60)))) {
            CompletableFuture<CollectionOutcome> first = CompletableFuture.supplyAsync(() ->
                    f.service().collect(id, CollectionTrigger.COMMAND, new MiningListener() {
                        @Override
                        public void progress(int done, int total) {
                            firstIsMining.countDown();
                            await(secondIsWaiting); // hold the repository until the second one is queued behind it
                        }
                    }, null));
            assertThat(firstIsMining.await(60, TimeUnit.SECONDS)).isTrue();
            List<CollectionOutcome> second = new java.util.concurrent.CopyOnWriteArrayList<>();
            var report = f.service().collectSources(
                    new CollectionService.SourcesRequest("me", List.of(), false, List.of(dir.toString())),
                    new CollectionService.SourcesProgress() {
                        @Override
                        public MiningListener collecting(String name) {
                            return MiningListener.NONE;
                        }

                        @Override
                        public void waiting(String name) {
                            secondIsWaiting.countDown();
                        }

                        @Override
                        public void finished(String name, CollectionOutcome outcome) {
                            second.add(outcome);
                        }

                        @Override
                        public void refused(String name, String message) {
                            throw new AssertionError(message);
                        }
                    });
            CollectionOutcome one = first.get(60, TimeUnit.SECONDS);
            assertThat(secondIsWaiting.getCount()).as("the second collection waited").isZero();
            assertThat(report.failures()).isZero();
            assertThat(one.newCommits()).isEqualTo(20);
            assertThat(second).singleElement().satisfies(o -> {
                assertThat(o.result()).isEqualTo(CollectionOutcome.Result.COLLECTED);
                assertThat(o.newCommits()).as("everything was mined by the first").isZero();
            });
        }
        assertSameTotals(stored(db, "me"), expected(dir));
    }

    @DatabaseTest
    void aRepositoryHeldByAnotherCollectionIsReportedBusyWithoutMining(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        long id = registered(db, dir);
        long future = Clock.systemUTC().instant().getEpochSecond() + 600;
        db.jdbc().sql("INSERT INTO collection_claims (repository_id, holder, expires_at) VALUES (:id, 'other', :t)")
                .param("id", id).param("t", future).update();
        try (CollectionFixture f = new CollectionFixture(db, waitingUpTo(Duration.ofMillis(600)))) {
            CollectionOutcome o = f.service().collect(id, CollectionTrigger.WEBHOOK, MiningListener.NONE, null);
            assertThat(o.result()).isEqualTo(CollectionOutcome.Result.BUSY);
            assertThat(o.failed()).isTrue();
            assertThat(o.message()).contains("already being collected");
            assertThat(f.events).isEmpty();
        }
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM commit_facts").query(Long.class).single()).isZero();
        assertThat(new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repository(id).orElseThrow().status())
                .as("left to the collection that holds it").isEqualTo(RepositoryStatus.PENDING);
        assertThat(db.jdbc().sql("SELECT holder FROM collection_claims").query(String.class).single())
                .isEqualTo("other");
    }

    @DatabaseTest
    void theExpiredClaimOfAKilledProcessIsTakenOver(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        long id = registered(db, dir);
        long past = Clock.systemUTC().instant().getEpochSecond() - 1;
        db.jdbc().sql("INSERT INTO collection_claims (repository_id, holder, expires_at) VALUES (:id, 'killed', :t)")
                .param("id", id).param("t", past).update();
        try (CollectionFixture f = new CollectionFixture(db, waitingUpTo(Duration.ZERO))) {
            CollectionOutcome o = f.service().collect(id, CollectionTrigger.SCHEDULE, MiningListener.NONE, null);
            assertThat(o.result()).isEqualTo(CollectionOutcome.Result.COLLECTED);
            assertThat(o.newCommits()).isEqualTo(20);
        }
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM collection_claims").query(Long.class).single()).isZero();
    }

    @DatabaseTest
    void collectingSourcesNeedsAnEmailFirst(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 3, 0);
        }
        try (CollectionFixture f = new CollectionFixture(db, CollectionSettings.defaults())) {
            var request = new CollectionService.SourcesRequest("nobody", List.of(), false, List.of(dir.toString()));
            assertThatThrownBy(() -> f.service().collectSources(request, null))
                    .isInstanceOf(UseCaseException.class).hasMessageContaining("has no email address yet");
            var bad = new CollectionService.SourcesRequest("nobody", List.of("nobody"), false, List.of(dir.toString()));
            assertThatThrownBy(() -> f.service().collectSources(bad, null))
                    .isInstanceOf(UseCaseException.class).hasMessageContaining("not an email address");
        }
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM repositories").query(Long.class).single()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @DatabaseTest
    void everyRunIsRecordedWithItsTriggerItsNewCommitsAndHowItEnded(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        long id = registered(db, dir);
        Path broken = java.nio.file.Files.createDirectories(tmp.resolve("not-a-repo"));
        long me = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("me").id();
        long bad = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                .registerRepository(me, NewRepository.of(broken.toString(), SourceKind.LOCAL, "broken"));
        try (CollectionFixture f = new CollectionFixture(db, waitingUpTo(Duration.ZERO))) {
            f.service().collect(id, CollectionTrigger.REFRESH, MiningListener.NONE, null);
            f.service().collect(id, CollectionTrigger.SCHEDULE, MiningListener.NONE, null);
            f.service().collect(bad, CollectionTrigger.WEBHOOK, MiningListener.NONE, null);

            List<CollectionRuns.Run> runs = f.service().runs().runs(me, null, 10);
            assertThat(runs).extracting(CollectionRuns.Run::trigger, CollectionRuns.Run::newCommits,
                    CollectionRuns.Run::outcome).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(CollectionTrigger.WEBHOOK, 0, "failed"),
                            org.assertj.core.groups.Tuple.tuple(CollectionTrigger.SCHEDULE, 0, "collected"),
                            org.assertj.core.groups.Tuple.tuple(CollectionTrigger.REFRESH, 20, "collected"));
            assertThat(runs.get(0).message()).startsWith("not a git repository");
            assertThat(runs.get(0).repository()).isEqualTo("broken");
            assertThat(runs).allSatisfy(r -> assertThat(r.finishedAt()).isAfterOrEqualTo(r.startedAt()));
            assertThat(f.service().runs().runs(me, id, 10)).hasSize(2);
            assertThat(f.service().runs().runs(me, id, 1)).singleElement()
                    .extracting(CollectionRuns.Run::trigger).isEqualTo(CollectionTrigger.SCHEDULE);
            long other = new UserAccounts(db.dataSource(), Clock.systemUTC()).findOrCreate("other").id();
            assertThat(f.service().runs().runs(other, null, 10)).as("only the owner's runs").isEmpty();
        }
    }

    @DatabaseTest
    void runsOlderThanTheRetentionAreDroppedAsNewOnesAreRecorded(TestDatabase db) throws Exception {
        long id = registered(db, tmp.resolve("repo.git"));
        long me = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("me").id();
        java.time.Instant now = java.time.Instant.parse("2026-06-01T00:00:00Z");
        CollectionRuns old = new CollectionRuns(db.dataSource(),
                Clock.fixed(now.minus(Duration.ofDays(91)), java.time.ZoneOffset.UTC), Duration.ofDays(90));
        CollectionOutcome outcome = CollectionOutcome.collected(id, 1, 0, 0, 1, Duration.ofSeconds(1));
        old.record(id, CollectionTrigger.SCHEDULE, now.minus(Duration.ofDays(91)), outcome);
        CollectionRuns today = new CollectionRuns(db.dataSource(), Clock.fixed(now, java.time.ZoneOffset.UTC),
                Duration.ofDays(90));
        today.record(id, CollectionTrigger.REFRESH, now.minusSeconds(5), outcome);
        assertThat(today.runs(me, null, 10)).singleElement().extracting(CollectionRuns.Run::trigger)
                .isEqualTo(CollectionTrigger.REFRESH);
    }
}
