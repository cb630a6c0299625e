package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mining on an executor the caller supplies, as a server shares one bounded pool between collections: the facts are
 * those of a private pool (and git's), calls sharing a busy pool wait for it instead of deadlocking or giving up, and
 * a call that ends early leaves none of its tasks running. The timeouts only guard against a hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MiningExecutorTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void installCaches() {
        GitCaches.install(); // as a process does at start-up; a second call changes nothing
        GitCaches.install();
    }

    @Test
    void aSharedPoolOfOneThreadMinesTheSameFactsAsAPrivatePool() throws Exception {
        Path dir = history("repo", 11, 150);
        MiningOptions fourThreads = MiningOptions.defaults().withThreads(4).withBulkThreshold(2000);
        Map<String, CommitFact> privatePool = new HashMap<>();
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            miner.mine(fourThreads, sha -> false, f -> privatePool.put(f.sha(), f), MiningListener.NONE);
        }
        ExecutorService pool = MiningWorkers.pool(1);
        try {
            assertThat(mine(dir, fourThreads, pool)).isEqualTo(privatePool);
            assertRawEqualsGit(dir, mine(dir, fourThreads.withRaw(true), pool));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoCallsSharingATwoThreadPoolBothComplete() throws Exception {
        Path first = history("first", 21, 120);
        Path second = history("second", 22, 120);
        MiningOptions options = MiningOptions.defaults().withRaw(true).withThreads(4);
        ExecutorService pool = MiningWorkers.pool(2);
        CountDownLatch ready = new CountDownLatch(2);
        try {
            CompletableFuture<Map<String, CommitFact>> a = CompletableFuture.supplyAsync(() -> mineWhenReady(first, options, pool, ready));
            CompletableFuture<Map<String, CommitFact>> b = CompletableFuture.supplyAsync(() -> mineWhenReady(second, options, pool, ready));
            assertRawEqualsGit(first, a.get());
            assertRawEqualsGit(second, b.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void tasksWaitingInABusyPoolAreNotTakenForDead() throws Exception {
        Path dir = history("repo", 31, 60);
        ExecutorService pool = MiningWorkers.pool(1);
        CountDownLatch gate = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(gate)); // another collection holding the only thread
        Map<String, CommitFact> facts = new HashMap<>();
        MiningListener releaseLater = new MiningListener() {
            @Override
            public void started(int total) {
                // the call now waits for results with every task still queued, longer than its one-second check
                CompletableFuture.runAsync(gate::countDown, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
            }
        };
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            miner.mine(MiningOptions.defaults().withRaw(true).withThreads(3), sha -> false, f -> facts.put(f.sha(), f),
                    releaseLater, pool);
        } finally {
            pool.shutdown();
        }
        assertRawEqualsGit(dir, facts);
    }

    @Test
    void aSinkThatThrowsStopsTheCallAndLeavesNoTaskRunning() throws Exception {
        Path dir = history("repo", 41, 200);
        ExecutorService pool = MiningWorkers.pool(2);
        CountingExecutor counting = new CountingExecutor(pool);
        RuntimeException boom = new IllegalStateException("the store is down");
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            assertThatThrownBy(() -> miner.mine(MiningOptions.defaults().withThreads(4), sha -> false, f -> {
                throw boom;
            }, MiningListener.NONE, counting)).isSameAs(boom);
        } // the repository is closed right away; the tasks still queued start after that
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).as("the pool becomes idle").isTrue();
        assertThat(counting.submitted.get()).isBetween(1, 4);
        assertThat(counting.completed.get()).as("every submitted task completed").isEqualTo(counting.submitted.get());
    }

    @Test
    void interruptingACallWhoseTasksAreQueuedStopsItAndTheTasksEndWhenTheyStart() throws Exception {
        Path dir = history("repo", 51, 40);
        ExecutorService pool = MiningWorkers.pool(1);
        CountingExecutor counting = new CountingExecutor(pool);
        CountDownLatch gate = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(gate));
        MiningListener interruptSelf = new MiningListener() {
            @Override
            public void started(int total) {
                Thread.currentThread().interrupt(); // as a job being cancelled
            }
        };
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            assertThatThrownBy(() -> miner.mine(MiningOptions.defaults().withThreads(2), sha -> false, f -> { },
                    interruptSelf, counting)).isInstanceOf(MiningException.class).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }
        gate.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(counting.submitted.get()).isEqualTo(2);
        assertThat(counting.completed.get()).isEqualTo(2);
    }

    @Test
    void anExecutorThatRejectsGivesAMiningException() throws Exception {
        Path dir = history("repo", 61, 20);
        ExecutorService shutDown = MiningWorkers.pool(1);
        shutDown.shutdown();
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            for (Executor rejecting : List.of(shutDown, full)) {
                assertThatThrownBy(() -> miner.mine(MiningOptions.defaults().withThreads(2), sha -> false, f -> { },
                        MiningListener.NONE, rejecting)).isInstanceOf(MiningException.class)
                        .hasMessageContaining("rejected a worker task")
                        .hasCauseInstanceOf(RejectedExecutionException.class);
            }
        }
    }

    @Test
    void anExecutorThatRunsTasksOnTheCallingThreadGivesAMiningException() throws Exception {
        Path dir = history("repo", 71, 20);
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            assertThatThrownBy(() -> miner.mine(MiningOptions.defaults().withThreads(2), sha -> false, f -> { },
                    MiningListener.NONE, Runnable::run)).isInstanceOf(MiningException.class)
                    .hasMessageContaining("on the calling thread");
        }
    }

    @Test
    void poolThreadsAreDaemonsNamedAfterMining() throws Exception {
        ExecutorService pool = MiningWorkers.pool(2);
        try {
            Thread t = CompletableFuture.supplyAsync(Thread::currentThread, pool).get();
            assertThat(t.getName()).isEqualTo("commitstats-miner-0");
            assertThat(t.isDaemon()).isTrue();
        } finally {
            pool.shutdown();
        }
        assertThatThrownBy(() -> MiningWorkers.pool(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private Path history(String name, long seed, int commits) throws Exception {
        Path dir = tmp.resolve(name);
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(seed, repo).write(commits);
        }
        return dir;
    }

    private static Map<String, CommitFact> mine(Path dir, MiningOptions options, Executor workers) throws MiningException {
        Map<String, CommitFact> out = new HashMap<>();
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            miner.mine(options, sha -> false, f -> out.put(f.sha(), f), MiningListener.NONE, workers);
        }
        return out;
    }

    private static Map<String, CommitFact> mineWhenReady(Path dir, MiningOptions options, Executor workers,
            CountDownLatch ready) {
        ready.countDown();
        awaitQuietly(ready);
        try {
            return mine(dir, options, workers);
        } catch (MiningException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRawEqualsGit(Path dir, Map<String, CommitFact> raw) throws Exception {
        Map<String, GitOracle.Numstat> git = GitOracle.numstat(dir, "HEAD");
        assertThat(raw.keySet()).isEqualTo(git.keySet());
        for (GitOracle.Numstat n : git.values()) {
            CommitFact f = raw.get(n.sha());
            assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("raw counts of %s", n.sha())
                    .containsExactly(n.additions(), n.deletions());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the tasks an executor accepted and the ones that have returned. */
    private static final class CountingExecutor implements Executor {
        final Executor delegate;
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    completed.incrementAndGet();
                }
            });
            submitted.incrementAndGet();
        }
    }
}
