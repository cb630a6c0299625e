package dev.commitstats.core.mining;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that mine commits. {@link #pool(int)} makes the executor that
 * {@link RepositoryMiner#mine(MiningOptions, java.util.function.Predicate, java.util.function.Consumer,
 * MiningListener, java.util.concurrent.Executor) RepositoryMiner.mine} takes: a server makes one at start-up and hands
 * it to every collection, so that however many collections run at once, no more than its size of commits are mined
 * at a time; the stats command makes one for its single call.
 */
public final class MiningWorkers {

    private MiningWorkers() {
    }

    /**
     * A fixed pool of {@code threads} daemon threads, named {@code commitstats-miner-0}, {@code commitstats-miner-1}
     * and so on, each started when a task first needs it, in front of an unbounded queue: the tasks of a mining call
     * wait there while other calls keep the threads busy, and start when a thread frees.
     *
     * <p>Thread-safe, like any {@link ExecutorService}: any number of mining calls may share it. The caller owns it
     * and shuts it down when no more mining will run (the threads are daemons, so a forgotten pool does not keep the
     * JVM alive, but it does keep its threads). A mining call waits for its tasks to run, so it must not run on one of
     * the pool's own threads with that same pool: with every thread busy calling, no task of theirs could start.
     *
     * @param threads the most commits mined at the same time, at least 1
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public static ExecutorService pool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "commitstats-miner-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }
}
