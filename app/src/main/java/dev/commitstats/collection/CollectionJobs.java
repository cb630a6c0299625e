package dev.commitstats.collection;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.tokens.TokenReplaced;
import dev.commitstats.tokens.TokenView;
import dev.commitstats.tokens.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Collection in the background, on JobRunr: the use cases that enqueue work ({@link #refresh}, {@link #enqueueCollect})
 * and the jobs themselves ({@link #collect}, {@link #discover}, {@link #scheduledDelta}), thin adapters over
 * {@link CollectionService} and {@link RepositoryDiscovery}. JobRunr stores each job in the product's database and
 * any instance's workers run it, calling these methods on this bean.
 *
 * <p>A collect job claims its repository without waiting: {@link CollectionOutcome.Result#BUSY} means another worker
 * is collecting it, so the job is done (it schedules one follow-up after the claim's lease, in case that worker died
 * and left its claim). A failure {@link CollectionFailure#classify classified} transient is thrown, so JobRunr retries
 * it with exponential backoff ({@code commitstats.jobs.retries}); a permanent one leaves the repository in
 * {@code error} with the reason and blocks it from the periodic delta until its token is replaced
 * ({@link #tokenReplaced}) or a collection of it succeeds. Thread-safe.
 */
public final class CollectionJobs {

    private static final Logger log = LoggerFactory.getLogger(CollectionJobs.class);

    /** The id of the recurring job of the periodic delta (one across all instances). */
    public static final String DELTA_JOB_ID = "collection-delta";

    /**
     * What a refresh enqueued for one user.
     *
     * @param userId         the user
     * @param tokens         tokens whose repositories were discovered again
     * @param discoveryErrors why discovery failed for some tokens (the refresh went on with what is known)
     * @param enqueued       repositories a collect job was enqueued for
     * @param unchanged      active repositories skipped: their host reported no push since their last collection
     * @param blocked        active repositories skipped: their last collection failed permanently (scheduled
     *                       refreshes only; a refresh the user asks for tries them again)
     */
    public record Refresh(long userId, int tokens, List<String> discoveryErrors, List<Long> enqueued, int unchanged,
            int blocked) {

        public Refresh {
            discoveryErrors = List.copyOf(discoveryErrors);
            enqueued = List.copyOf(enqueued);
        }
    }

    /** Thrown by a collect job for a transient failure, so that JobRunr retries it with backoff. */
    public static final class TransientFailure extends RuntimeException {
        TransientFailure(long repositoryId, CollectionFailure failure) {
            super("repository " + repositoryId + ": " + failure.reason() + ": " + failure.message(), null, false,
                    false);
        }
    }

    private final CollectionService collection;
    private final RepositoryDiscovery discovery;
    private final RepositoryRegistry registry;
    private final UserAccounts accounts;
    private final Tokens tokens;
    private final JobScheduler jobs;
    private final BlockedRepositories blocked;
    private final ScheduledRuns scheduledRuns;
    private final CollectionMetrics metrics;
    private final CollectionTracing tracing;
    private final Duration lease;
    private final Clock clock;

    CollectionJobs(CollectionService collection, RepositoryDiscovery discovery, RepositoryRegistry registry,
            UserAccounts accounts, Tokens tokens, JobScheduler jobs, BlockedRepositories blocked,
            ScheduledRuns scheduledRuns, CollectionMetrics metrics, CollectionTracing tracing, Duration lease,
            Clock clock) {
        this.collection = collection;
        this.discovery = discovery;
        this.registry = registry;
        this.accounts = accounts;
        this.tokens = tokens;
        this.jobs = jobs;
        this.blocked = blocked;
        this.scheduledRuns = scheduledRuns;
        this.metrics = metrics;
        this.tracing = tracing;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * The delta for one user: discovers each of their tokens again (which records each repository's last push on its
     * host), then enqueues a collect job for each active repository that may have something new: its host reported a
     * push since its last complete collection, or nothing is known (no token, a URL added by hand: its fetch is cheap
     * when nothing is new). The call {@code POST /api/v1/refresh} and the periodic delta make.
     *
     * @param trigger {@link CollectionTrigger#REFRESH} (the user asked; also retries repositories blocked by a permanent
     *                failure) or {@link CollectionTrigger#SCHEDULE}
     * @throws UseCaseException ({@code NOT_FOUND}) for an unknown user
     */
    public Refresh refresh(long userId, CollectionTrigger trigger) {
        accounts.requireUser(userId);
        List<TokenView> userTokens = tokens.list(userId);
        List<String> errors = new ArrayList<>();
        for (TokenView token : userTokens) {
            try {
                RepositoryDiscovery.TokenReport report = discovery.discoverToken(userId, token.id());
                if (report.failed()) {
                    errors.add(token.name() + ": " + report.error());
                }
            } catch (RuntimeException e) {
                // the token was removed meanwhile, or the database hiccupped: the others still count
                errors.add(token.name() + ": " + e.getMessage());
            }
        }
        Set<String> identities = new LinkedHashSet<>(accounts.identities(userId));
        // a pushed repository has no source here: its owner's machine sends its facts
        List<Repository> active = registry.repositories(userId).stream().filter(Repository::active)
                .filter(r -> r.kind() != SourceKind.PUSHED).toList();
        Set<Long> blockedIds = new HashSet<>();
        if (trigger == CollectionTrigger.SCHEDULE) {
            // a token checked or replaced since the repository was blocked may cure it: a replacement made by the
            // command line publishes its TokenReplaced event in that process only, so the schedule looks for itself
            Map<Long, Instant> checked = new HashMap<>();
            userTokens.forEach(t -> {
                if (t.checkedAt() != null) {
                    checked.put(t.id(), t.checkedAt());
                }
            });
            Map<Long, Long> tokenOf = new HashMap<>();
            active.forEach(r -> {
                if (r.tokenId() != null) {
                    tokenOf.put(r.id(), r.tokenId());
                }
            });
            blocked.blockedSince(active.stream().map(Repository::id).toList()).forEach((id, since) -> {
                Long tokenId = tokenOf.get(id);
                Instant tokenChecked = tokenId == null ? null : checked.get(tokenId);
                if (tokenChecked == null || !tokenChecked.isAfter(since)) {
                    blockedIds.add(id);
                }
            });
        }
        List<Long> enqueued = new ArrayList<>();
        int unchanged = 0;
        for (Repository repository : active) {
            if (blockedIds.contains(repository.id())) {
                continue;
            }
            if (!collection.fetchNeeded(repository.id(), identities)) {
                unchanged++;
                continue;
            }
            enqueueCollect(repository.id(), trigger);
            enqueued.add(repository.id());
        }
        return new Refresh(userId, userTokens.size(), errors, enqueued, unchanged, blockedIds.size());
    }

    /**
     * Enqueues a collect job for the repository; a worker of any instance picks it up within its poll interval. With
     * tracing on, the job carries the current trace ({@link CollectionTracing}).
     */
    public void enqueueCollect(long repositoryId, CollectionTrigger trigger) {
        String traceparent = tracing.traceparent();
        jobs.<CollectionJobs>enqueue(j -> j.collect(repositoryId, trigger, traceparent));
    }

    /** Enqueues discovery of one token's repositories. */
    public void enqueueDiscover(long userId, long tokenId) {
        jobs.<CollectionJobs>enqueue(j -> j.discover(userId, tokenId));
    }

    /**
     * The job: collects one repository (see the class comment for what happens on each outcome), in the trace of
     * {@code traceparent} (W3C; empty for none).
     */
    @Job(name = "collect repository %0 (%1)")
    public void collect(long repositoryId, CollectionTrigger trigger, String traceparent) {
        run(repositoryId, trigger, traceparent, true);
    }

    /** The job as enqueued before jobs carried a trace (still in the queue after an upgrade). */
    @Job(name = "collect repository %0 (%1)")
    public void collect(long repositoryId, CollectionTrigger trigger) {
        run(repositoryId, trigger, CollectionTracing.NO_TRACE, true);
    }

    /** The follow-up of a collect job that found its repository busy: the same, without another follow-up. */
    @Job(name = "collect repository %0 (%1), after another collection of it")
    public void collectAfterBusy(long repositoryId, CollectionTrigger trigger) {
        run(repositoryId, trigger, CollectionTracing.NO_TRACE, false);
    }

    private void run(long repositoryId, CollectionTrigger trigger, String traceparent, boolean followUpWhenBusy) {
        CollectionOutcome outcome;
        try {
            outcome = tracing.collect(repositoryId, trigger, traceparent,
                    () -> collection.collectNow(repositoryId, trigger));
        } catch (UseCaseException e) {
            log.info("collect job for repository {}: {}", repositoryId, e.getMessage()); // deleted meanwhile: done
            return;
        }
        metrics.collected(trigger, outcome);
        switch (outcome.result()) {
            case COLLECTED -> blocked.unblock(repositoryId);
            case BUSY -> {
                if (followUpWhenBusy) {
                    // the holder may have died with its claim; its lease runs out by then
                    jobs.<CollectionJobs>schedule(clock.instant().plus(lease).plusSeconds(5),
                            j -> j.collectAfterBusy(repositoryId, trigger));
                }
            }
            case FAILED -> {
                CollectionFailure failure = outcome.failure() != null ? outcome.failure()
                        : new CollectionFailure(CollectionFailure.Kind.TRANSIENT, "internal", outcome.error());
                if (failure.permanent()) {
                    // the repository is in error with the reason; retrying cannot help until the token changes
                    blocked.block(repositoryId, failure.reason());
                    log.info("repository {} blocked until its token changes: {}", repositoryId, failure.message());
                } else {
                    throw new TransientFailure(repositoryId, failure);
                }
            }
        }
    }

    /** The job: discovers the repositories of one token (new ones, last pushes, open-source contributions). */
    @Job(name = "discover the repositories of token %1")
    public void discover(long userId, long tokenId) {
        RepositoryDiscovery.TokenReport report;
        try {
            report = discovery.discoverToken(userId, tokenId);
        } catch (UseCaseException e) {
            log.info("discover job for token {}: {}", tokenId, e.getMessage()); // removed meanwhile: done
            return;
        }
        if (report.failed()) {
            log.info("discovery of token {} failed: {}", tokenId, report.error());
        }
    }

    /**
     * The recurring job: {@link #refresh} with {@link CollectionTrigger#SCHEDULE} for every user with an active
     * repository. One user's failure does not stop the others.
     */
    @Job(name = "periodic delta over all users", retries = 0)
    public void scheduledDelta() {
        Instant started = clock.instant();
        scheduledRuns.started(started);
        List<Long> users = registry.usersWithActiveRepositories();
        int enqueued = 0;
        for (long userId : users) {
            try {
                enqueued += refresh(userId, CollectionTrigger.SCHEDULE).enqueued().size();
            } catch (RuntimeException e) {
                log.warn("the periodic delta skipped user {}: {}", userId, e.toString());
            }
        }
        scheduledRuns.finished(clock.instant(), users.size(), enqueued);
        log.info("periodic delta: {} users, {} collections enqueued in {} ms", users.size(), enqueued,
                Duration.between(started, clock.instant()).toMillis());
    }

    /**
     * A token's secret was replaced: the repositories blocked by a permanent failure that fetch with it (discovered
     * through it, or added by URL on its host) are collected again.
     */
    @EventListener
    public void tokenReplaced(TokenReplaced event) {
        TokenView token;
        try {
            token = tokens.token(event.userId(), event.tokenId());
        } catch (UseCaseException e) {
            return; // removed meanwhile
        }
        List<Repository> theirs = registry.repositories(event.userId()).stream()
                .filter(r -> r.tokenId() != null ? r.tokenId() == token.id()
                        : r.cloneUrl().startsWith(token.baseUrl() + "/"))
                .toList();
        for (long id : blocked.blockedAmong(theirs.stream().map(Repository::id).toList())) {
            enqueueCollect(id, CollectionTrigger.REFRESH);
        }
    }

    /** Whether the repository's last collection failed permanently (and the delta leaves it alone). */
    public boolean blocked(long repositoryId) {
        return blocked.blocked(repositoryId);
    }
}
