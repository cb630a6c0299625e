package dev.commitstats.collection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.MiningException;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.MiningResult;
import dev.commitstats.core.mining.MiningRules;
import dev.commitstats.core.mining.RepositoryMiner;
import dev.commitstats.core.mining.SkipRules;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryAnnotations;
import dev.commitstats.repos.RepositoryCursor;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.mirror.Credentials;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.ProgressSink;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.stats.CommitFactStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one registered repository up to date for its owner. Every branch is walked (each commit once); only the
 * owner's commits (by their identities) that are not stored yet are mined; facts are written in batches, and the
 * cursor is marked complete in the same transaction as the last batch. A crash at any point loses nothing: the next
 * run skips what is stored and mines the rest. Commits that a force-push made unreachable are deleted first.
 *
 * <p>This is the engine behind {@link CollectionService}, which claims the repository first: thread-safe if its
 * collaborators are, but a given repository must be collected by one caller at a time.
 */
final class RepositoryCollector {

    private static final Logger log = LoggerFactory.getLogger(RepositoryCollector.class);

    private final RepositoryRegistry registry;
    private final RepositoryAnnotations annotations;
    private final CommitFactStore store;
    private final RepositoryMirrors mirrors;
    private final int threads;
    private final int batchSize;
    private final Executor miningWorkers;

    /**
     * @param threads       mining threads per collection, at most
     * @param batchSize     facts per transaction (tests use small batches to cut a run between two of them)
     * @param miningWorkers the bounded pool the mining threads come from, shared by concurrent collections
     */
    RepositoryCollector(RepositoryRegistry registry, RepositoryAnnotations annotations, CommitFactStore store,
            RepositoryMirrors mirrors, int threads, int batchSize, Executor miningWorkers) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be at least 1");
        }
        this.registry = registry;
        this.annotations = annotations;
        this.store = store;
        this.mirrors = mirrors;
        this.threads = threads;
        this.batchSize = batchSize;
        this.miningWorkers = miningWorkers;
    }

    /**
     * Collects {@code repository} from {@code source} (its clone URL, possibly with credentials in it, or local path).
     *
     * @param identities  the owner's emails; commits by anyone else are not mined
     * @param credentials a token for HTTPS, or null
     * @param listener    mining progress
     * @param claimHeld   checked before each batch is written: false stops the collection (another took it over)
     * @param mayskipFetch whether the fetch may be skipped when the host reported no push since the last complete
     *                    collection (a webhook's collection never skips: the push it announces may not be known yet)
     * @param startedAt   when the collection started, recorded with a complete run
     */
    CollectionOutcome collect(Repository repository, String source, Set<String> identities,
            @Nullable Credentials credentials, MiningListener listener, BooleanSupplier claimHeld,
            boolean mayskipFetch, Instant startedAt) {
        long started = System.nanoTime();
        CollectionOutcome outcome = collectOnce(repository, source, identities, credentials, listener, claimHeld,
                mayskipFetch, startedAt, started);
        CollectionFailure failure = outcome.failure();
        if (failure != null && failure.reason().equals(CollectionFailure.CORRUPT_MIRROR)) {
            // a mirror is a cache: delete it and clone again, once (a local folder is never deleted)
            try {
                if (mirrors.discard(source)) {
                    log.warn("repository {}: its mirror could not be read ({}); cloning it again", repository.id(),
                            failure.message());
                    return collectOnce(registry.repository(repository.id()).orElse(repository), source, identities,
                            credentials, listener, claimHeld, false, startedAt, started);
                }
            } catch (MirrorException e) {
                log.warn("repository {}: cannot delete its unreadable mirror: {}", repository.id(), e.getMessage());
            }
        }
        return outcome;
    }

    private CollectionOutcome collectOnce(Repository repository, String source, Set<String> identities,
            @Nullable Credentials credentials, MiningListener listener, BooleanSupplier claimHeld,
            boolean mayskipFetch, Instant startedAt, long started) {
        long id = repository.id();
        SkipRules skips = annotations.skipRules(id);
        String inputs = inputs(identities, skips);
        if (mayskipFetch && !identities.isEmpty() && !registry.fetchNeeded(id, inputs)) {
            return CollectionOutcome.unchanged(id, store.countCommits(id), Duration.ofNanos(System.nanoTime() - started));
        }
        registry.setStatus(id, RepositoryStatus.COLLECTING, null);
        try {
            if (identities.isEmpty()) {
                throw new MiningException("the user has no email address to recognise their commits by");
            }
            Path gitDir = mirrors.prepare(source, credentials, ProgressSink.NONE);
            try (RepositoryMiner miner = RepositoryMiner.open(gitDir)) {
                MiningOptions options = MiningOptions.defaults().withAllBranches().withAuthors(identities)
                        .withThreads(threads).withSkips(skips);
                String fingerprint = fingerprint(miner.resolveTips(options), options.authorEmails(), skips);
                if (repository.cursor().allCommitsProcessed()
                        && registry.collectedFingerprint(id).filter(fingerprint::equals).isPresent()) {
                    // same tips, identities, rules and skips as the last complete run: a walk would find nothing
                    registry.setStatus(id, RepositoryStatus.UP_TO_DATE, null);
                    registry.saveCollectedFrom(id, repository.host().lastPushAt(), startedAt, inputs);
                    return CollectionOutcome.collected(id, 0, 0, 0, store.countCommits(id),
                            Duration.ofNanos(System.nanoTime() - started));
                }
                registry.saveCollectedFingerprint(id, null);
                Set<String> stored = new HashSet<>(store.storedShas(id));
                int removed = removeUnreachable(miner, options, id, stored);
                int skipped = removeSkipped(skips, id, stored);

                Newest newest = new Newest(repository.cursor());
                if (removed + skipped > 0 && newest.sha != null && !stored.contains(newest.sha)) {
                    newest = new Newest(RepositoryCursor.none()); // it pointed at a commit removed (force-push or skipped)
                }
                // facts mined under other counting rules, or other skipped paths, are mined again (upserts replace
                // them), so that all of the user's numbers follow one set of rules
                CollectionOutcome.RecountReason recountReason =
                        registry.minedRulesVersion(id).orElse(-1) != MiningRules.VERSION
                                ? CollectionOutcome.RecountReason.RULES
                                : !Objects.equals(annotations.minedPathSkips(id).orElse(null), skips.pathsDigest())
                                        ? CollectionOutcome.RecountReason.SKIPPED_PATHS : null;
                boolean recount = !stored.isEmpty() && recountReason != null;
                List<CommitFact> batch = new ArrayList<>(batchSize);
                RepositoryCursor inProgress = new RepositoryCursor(repository.cursor().lastCommitSha(),
                        repository.cursor().lastCommitTime(), false, RepositoryStatus.COLLECTING);
                Newest latest = newest;
                int[] recounted = {0};
                MiningResult result = miner.mine(options, recount ? sha -> false : stored::contains, fact -> {
                    latest.see(fact);
                    if (recount && stored.contains(fact.sha())) {
                        recounted[0]++;
                    }
                    batch.add(fact);
                    if (batch.size() >= batchSize) {
                        requireClaim(claimHeld);
                        store.writeBatch(id, batch, inProgress);
                        batch.clear();
                    }
                }, listener, miningWorkers);
                requireClaim(claimHeld);
                store.writeBatch(id, batch,
                        new RepositoryCursor(latest.sha, latest.time, true, RepositoryStatus.UP_TO_DATE));
                registry.saveMinedRulesVersion(id, MiningRules.VERSION);
                annotations.saveMinedPathSkips(id, skips.pathsDigest());
                registry.saveCollectedFingerprint(id, fingerprint);
                registry.saveCollectedFrom(id, repository.host().lastPushAt(), startedAt, inputs);
                return CollectionOutcome.collected(id, result.mined() - recounted[0], removed, recounted[0], skipped,
                        recountReason, store.countCommits(id), Duration.ofNanos(System.nanoTime() - started));
            }
        } catch (MirrorException | MiningException | ClaimLost e) {
            return failed(id, CollectionFailure.classify(e), started);
        } catch (RuntimeException e) {
            log.error("collecting repository {} failed", id, e);
            CollectionFailure f = CollectionFailure.classify(e);
            return failed(id, new CollectionFailure(f.kind(), f.reason(), "internal error: " + e), started);
        }
    }

    /**
     * What a complete collection depends on: the branch tips, the identities, the counting rules
     * ({@link MiningRules#VERSION}) and the owner's skips. When all are unchanged, so is the set of commits to mine:
     * none. Without skips the fingerprint is what it was before skips existed, so that no repository is walked again
     * for them.
     */
    static String fingerprint(List<String> tips, Set<String> identities, SkipRules skips) {
        StringBuilder sb = new StringBuilder(RULES_VERSION).append('\n');
        tips.stream().sorted().forEach(t -> sb.append(t).append('\n'));
        identities.stream().sorted().forEach(e -> sb.append(e).append('\n'));
        if (!skips.isEmpty()) {
            sb.append("skips\n"); // sorted by SkipRules
            skips.paths().forEach(p -> sb.append("path ").append(p).append('\n'));
            skips.commits().forEach(c -> sb.append("commit ").append(c).append('\n'));
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A digest of what a collection counts with apart from the commits: the identities, the counting rules and the
     * owner's skips.
     */
    /**
     * Whether a collection of the repository has to fetch: false when the host reported no push since the last
     * complete collection started and the owner's identities and skips are the same (see
     * {@link RepositoryRegistry#fetchNeeded}).
     */
    boolean fetchNeeded(long repositoryId, Set<String> identities) {
        return registry.fetchNeeded(repositoryId, inputs(identities, annotations.skipRules(repositoryId)));
    }

    static String inputs(Set<String> identities, SkipRules skips) {
        return fingerprint(List.of(), identities, skips);
    }

    /** The counting rules in the fingerprint: facts mined under other rules are mined again (see collect). */
    static final String RULES_VERSION = "rules/" + MiningRules.VERSION;

    private int removeUnreachable(RepositoryMiner miner, MiningOptions options, long id, Set<String> stored)
            throws MiningException {
        if (stored.isEmpty()) {
            return 0;
        }
        Set<String> reachable = miner.reachableCommits(options);
        List<String> gone = stored.stream().filter(sha -> !reachable.contains(sha)).toList();
        if (!gone.isEmpty()) {
            store.deleteCommits(id, gone, null);
            gone.forEach(stored::remove);
            log.info("repository {}: {} stored commits are no longer reachable (force-push) and were removed", id, gone.size());
        }
        return gone.size();
    }

    /**
     * Deletes the stored facts of commits the owner skips now (a skipped commit is mined as if it were not theirs, so
     * no later upsert would replace them); a commit unskipped is simply not stored, and is mined as new.
     */
    private int removeSkipped(SkipRules skips, long id, Set<String> stored) {
        if (skips.commits().isEmpty() || stored.isEmpty()) {
            return 0;
        }
        List<String> skipped = skips.commits().stream().filter(stored::contains).toList();
        if (!skipped.isEmpty()) {
            store.deleteCommits(id, skipped, null);
            skipped.forEach(stored::remove);
            log.info("repository {}: {} stored commits are skipped by their owner now and were removed", id,
                    skipped.size());
        }
        return skipped.size();
    }

    private CollectionOutcome failed(long id, CollectionFailure failure, long started) {
        registry.setStatus(id, RepositoryStatus.ERROR, failure.message());
        return CollectionOutcome.failed(id, store.countCommits(id), Duration.ofNanos(System.nanoTime() - started),
                failure);
    }

    private static void requireClaim(BooleanSupplier claimHeld) {
        if (!claimHeld.getAsBoolean()) {
            throw new ClaimLost();
        }
    }

    /** The claim on the repository ran out and another collection took it over: stop before writing more. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super("another collection took this repository over (this one could not renew its claim in time); "
                    + "the next run continues where they stop", null, false, false);
        }
    }

    /** The newest commit (by committer time) seen so far, starting from the stored cursor. */
    private static final class Newest {
        String sha;
        Instant time;

        Newest(RepositoryCursor cursor) {
            sha = cursor.lastCommitSha();
            time = cursor.lastCommitTime();
        }

        void see(CommitFact f) {
            if (time == null || f.committerTime().isAfter(time)) {
                time = f.committerTime();
                sha = f.sha();
            }
        }
    }
}
