package dev.commitstats.collection;

import dev.commitstats.stats.CommitFactStore;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How collections run, {@code commitstats.collection.*} (environment {@code COMMITSTATS_COLLECTION_*}); the README
 * lists them.
 *
 * @param workerThreads mining threads of this instance, shared by all the collections it runs at once; 0 means the
 *                      number of cores
 * @param batchSize     commit facts per transaction: large enough to amortise the commit, small enough to keep a
 *                      crash's loss tiny (default {@link CommitFactStore#RECOMMENDED_BATCH_SIZE}, measured)
 * @param mirrorTimeout how long a git server may stay silent before a clone or fetch fails
 * @param lease         how long a collection's claim on its repository lasts without renewal; a collection renews it
 *                      every third of it, so a killed process blocks its repository for at most this long
 * @param claimWait     how long a collection waits for another collection of the same repository to finish before
 *                      it reports "already being collected"
 * @param runsRetention how long the record of each collection run is kept
 */
@ConfigurationProperties("commitstats.collection")
public record CollectionSettings(
        @DefaultValue("0") int workerThreads,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2m") Duration mirrorTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10m") Duration claimWait,
        @DefaultValue("90d") Duration runsRetention) {

    public CollectionSettings {
        if (workerThreads < 0) {
            throw new IllegalArgumentException("commitstats.collection.worker-threads must be 0 (the number of cores) "
                    + "or more, not " + workerThreads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("commitstats.collection.batch-size must be at least 1");
        }
        if (mirrorTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("commitstats.collection.mirror-timeout must be at least 1s");
        }
        if (lease.toSeconds() < 3) {
            throw new IllegalArgumentException("commitstats.collection.lease must be at least 3s");
        }
        if (claimWait.isNegative()) {
            throw new IllegalArgumentException("commitstats.collection.claim-wait must not be negative");
        }
        if (runsRetention.toHours() < 1) {
            throw new IllegalArgumentException("commitstats.collection.runs-retention must be at least 1h");
        }
    }

    /** The defaults. */
    public static CollectionSettings defaults() {
        return new CollectionSettings(0, CommitFactStore.RECOMMENDED_BATCH_SIZE, Duration.ofMinutes(2),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofDays(90));
    }

    /** The number of mining threads in effect. */
    public int effectiveWorkerThreads() {
        return workerThreads == 0 ? Runtime.getRuntime().availableProcessors() : workerThreads;
    }

    public CollectionSettings withWorkerThreads(int n) {
        return new CollectionSettings(n, batchSize, mirrorTimeout, lease, claimWait, runsRetention);
    }

    public CollectionSettings withBatchSize(int n) {
        return new CollectionSettings(workerThreads, n, mirrorTimeout, lease, claimWait, runsRetention);
    }

    public CollectionSettings withClaim(Duration leaseLength, Duration wait) {
        return new CollectionSettings(workerThreads, batchSize, mirrorTimeout, leaseLength, wait, runsRetention);
    }
}
