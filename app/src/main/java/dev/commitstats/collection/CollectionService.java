package dev.commitstats.collection;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryAnnotations;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositorySources;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.Credentials;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.stats.CommitFactStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The collection use cases: bring one registered repository up to date ({@link #collect}), the call a job, a refresh
 * and a webhook make with nothing but a repository id; and collect what a user names on the command line
 * ({@link #collectSources}). Each collection first claims its repository in the database, so that one repository is
 * collected by one caller at a time across threads, processes and instances; a second caller waits up to
 * {@link CollectionSettings#claimWait()} and then reports it busy without mining. After a collection completes,
 * {@link RepositoryCollected} is published. Thread-safe.
 */
public final class CollectionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

    /**
     * What a user names on the command line.
     *
     * @param login   the user, created when missing
     * @param emails  emails to add to their identities first
     * @param publish whether to make their CV public
     * @param sources local folders or git URLs (credentials in a URL are used for this run, never stored); none
     *                means every active repository of the user
     */
    public record SourcesRequest(String login, List<String> emails, boolean publish, List<String> sources) {
        public SourcesRequest {
            emails = List.copyOf(emails);
            sources = List.copyOf(sources);
        }
    }

    /** Hears how {@link #collectSources} goes, one source after the other. */
    public interface SourcesProgress {
        /** The source is about to be collected; the listener hears the mining progress. */
        MiningListener collecting(String name);

        /** Another collection holds the repository; this one waits for it. */
        default void waiting(String name) {
        }

        /** The source's collection ended (collected, failed, or busy). */
        void finished(String name, CollectionOutcome outcome);

        /** The source could not be registered (not a usable path or URL); the message says why. */
        void refused(String name, String message);
    }

    /**
     * What {@link #collectSources} did.
     *
     * @param user       the user
     * @param identities their emails after the call
     * @param repositories how many repositories were named, or collected when none was named
     * @param failures   sources refused, failed or busy
     */
    public record SourcesReport(User user, List<String> identities, int repositories, int failures) {
    }

    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final RepositorySources sources;
    private final RepositoryMirrors mirrors;
    private final RepositoryCollector collector;
    private final RepositoryClaims claims;
    private final RepositoryCredentials credentials;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration claimWait;
    private final CollectionRuns runs;

    CollectionService(UserAccounts accounts, RepositoryRegistry registry, RepositorySources sources,
            RepositoryMirrors mirrors, RepositoryCollector collector, RepositoryClaims claims,
            RepositoryCredentials credentials, ApplicationEventPublisher events, Clock clock, Duration claimWait,
            CollectionRuns runs) {
        this.accounts = accounts;
        this.registry = registry;
        this.sources = sources;
        this.mirrors = mirrors;
        this.collector = collector;
        this.claims = claims;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
        this.claimWait = claimWait;
        this.runs = runs;
    }

    /**
     * The collection feature over a database. The caller closes it (it renews claims on a thread of its own) and
     * owns {@code miningWorkers}, the bounded pool every collection of this process mines on.
     */
    public static CollectionService create(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry,
            RepositoryAnnotations annotations, RepositorySources sources, RepositoryMirrors mirrors,
            CommitFactStore store, CollectionSettings settings, RepositoryCredentials credentials,
            ApplicationEventPublisher events, Clock clock, Executor miningWorkers) {
        RepositoryCollector collector = new RepositoryCollector(registry, annotations, store, mirrors,
                settings.effectiveWorkerThreads(), settings.batchSize(), miningWorkers);
        return new CollectionService(accounts, registry, sources, mirrors, collector,
                new RepositoryClaims(dataSource, clock, settings.lease()), credentials, events, clock,
                settings.claimWait(), new CollectionRuns(dataSource, clock, settings.runsRetention()));
    }

    /**
     * Whether collecting the repository could find anything new: false when its host reported no push since its last
     * complete collection and nothing that decides what counts (identities, skips) changed.
     */
    public boolean fetchNeeded(long repositoryId, Set<String> identities) {
        return collector.fetchNeeded(repositoryId, identities);
    }

    /** The record of the collection runs. */
    public CollectionRuns runs() {
        return runs;
    }

    /** Stops renewing claims; collections still running lose theirs when their lease runs out. */
    @Override
    public void close() {
        claims.close();
    }

    /**
     * Brings the repository up to date for its owner: loads it, its owner's identities and the credentials for its
     * host, claims it, fetches its mirror and mines the owner's commits that are not stored yet.
     *
     * @param listener    mining progress
     * @param oneOffCredentials credentials for this run only (from a URL the user typed), or null to use those of
     *                    {@link RepositoryCredentials}
     * @throws UseCaseException ({@code NOT_FOUND}) when there is no such repository
     */
    public CollectionOutcome collect(long repositoryId, CollectionTrigger trigger, MiningListener listener,
            @Nullable Credentials oneOffCredentials) {
        return collect(repositoryId, trigger, listener, oneOffCredentials, () -> { }, claimWait);
    }

    /**
     * Brings the repository up to date without waiting for another collection of it: when one holds it, this reports
     * {@link CollectionOutcome.Result#BUSY} at once (its results count once it ends). The call a job makes: a worker
     * never sits idle behind another worker's claim.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when there is no such repository
     */
    public CollectionOutcome collectNow(long repositoryId, CollectionTrigger trigger) {
        return collect(repositoryId, trigger, MiningListener.NONE, null, () -> { }, Duration.ZERO);
    }

    private CollectionOutcome collect(long repositoryId, CollectionTrigger trigger, MiningListener listener,
            @Nullable Credentials oneOffCredentials, Runnable whileWaiting, Duration wait) {
        Instant startedAt = clock.instant();
        CollectionOutcome outcome = run(repositoryId, trigger, listener, oneOffCredentials, whileWaiting, wait);
        try {
            runs.record(repositoryId, trigger, startedAt, outcome);
        } catch (RuntimeException e) {
            // the facts are stored whatever happens to their record: a lost record must not fail the collection
            log.warn("the run of repository {} could not be recorded: {}", repositoryId, e.toString());
        }
        return outcome;
    }

    private CollectionOutcome run(long repositoryId, CollectionTrigger trigger, MiningListener listener,
            @Nullable Credentials oneOffCredentials, Runnable whileWaiting, Duration wait) {
        long started = System.nanoTime();
        requireRepository(repositoryId);
        Optional<RepositoryClaims.Claim> claim;
        try {
            claim = claims.claim(repositoryId, wait, whileWaiting);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CollectionOutcome.failed(repositoryId, 0, elapsed(started), new CollectionFailure(
                    CollectionFailure.Kind.TRANSIENT, "cancelled", "interrupted while waiting for another collection "
                    + "of this repository"));
        }
        if (claim.isEmpty()) {
            return CollectionOutcome.busy(repositoryId, 0, elapsed(started), "already being collected by another "
                    + "process (waited " + wait.toSeconds() + " s); its results count once it ends");
        }
        try (RepositoryClaims.Claim held = claim.get()) {
            // read after the claim: a collection that just ended moved the cursor
            Repository repository = requireRepository(repositoryId);
            if (repository.kind() == SourceKind.PUSHED) {
                return new CollectionOutcome(repositoryId, CollectionOutcome.Result.COLLECTED, 0, 0, 0, 0, null,
                        0, elapsed(started), "pushed from its owner's machine: the server never collects it", null);
            }
            Set<String> identities = new LinkedHashSet<>(accounts.identities(repository.userId()));
            Credentials credentialsForRun = oneOffCredentials != null ? oneOffCredentials
                    : credentials.forRepository(repository).orElse(null);
            CollectionOutcome outcome = collector.collect(repository, repository.cloneUrl(), identities,
                    credentialsForRun, listener, held::held, trigger != CollectionTrigger.WEBHOOK, clock.instant());
            if (!outcome.failed()) {
                events.publishEvent(new RepositoryCollected(repositoryId, repository.userId(), trigger,
                        outcome.newCommits(), outcome.removedCommits() + outcome.skippedCommits(),
                        outcome.recountedCommits(),
                        outcome.totalCommits(), clock.instant()));
            }
            return outcome.took(elapsed(started));
        }
    }

    /**
     * Collects what a user names: creates the user if missing, adds the emails to their identities, optionally
     * publishes their CV, then registers and collects each source in turn. A source that fails is recorded with its
     * reason and the others still run.
     *
     * @throws UseCaseException ({@code INVALID}) when the login is blank, an email is not one, or the user ends up
     *                          with no email to recognise their commits by; nothing is collected then
     */
    public SourcesReport collectSources(SourcesRequest request, SourcesProgress progress) {
        emailsOrThrow(request.emails());
        // naming no repository collects the user's own: they must exist (UserAccounts.require says so)
        User user = request.sources().isEmpty() ? accounts.require(request.login())
                : accounts.findOrCreate(request.login());
        accounts.addIdentities(user.id(), request.emails());
        List<String> identities = accounts.identities(user.id());
        if (identities.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "user '" + user.login()
                    + "' has no email address yet: add one with --email you@example.com");
        }
        if (request.publish()) {
            accounts.setPublished(user.id(), true);
        }
        if (request.sources().isEmpty()) {
            return collectActive(user, progress);
        }
        int failures = 0;
        for (String source : request.sources()) {
            String name = sources.describe(source);
            Repository repository;
            try {
                repository = sources.register(user.id(), source).repository();
            } catch (MirrorException e) {
                progress.refused(name, e.getMessage());
                failures++;
                continue;
            }
            MiningListener listener = progress.collecting(name);
            CollectionOutcome outcome = collect(repository.id(), CollectionTrigger.COMMAND, listener,
                    mirrors.credentialsIn(source).orElse(null), () -> progress.waiting(name), claimWait);
            progress.finished(name, outcome);
            if (outcome.failed()) {
                failures++;
            }
        }
        return new SourcesReport(accounts.requireUser(user.id()), accounts.identities(user.id()),
                request.sources().size(), failures);
    }

    /**
     * Collects every active repository of the user, each with the credentials of its host (its token), one after the
     * other; a repository whose host reported no push since its last collection is skipped without a fetch.
     */
    private SourcesReport collectActive(User user, SourcesProgress progress) {
        List<Repository> active = registry.repositories(user.id()).stream().filter(Repository::active)
                .filter(r -> r.kind() != SourceKind.PUSHED).toList(); // pushed ones come from the owner's machine
        if (active.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.NOT_FOUND, "user '" + user.login()
                    + "' has no active repository: add a token and run discover, or name a repository");
        }
        int failures = 0;
        for (Repository repository : active) {
            String name = repository.ownerGroup() == null ? repository.name()
                    : repository.ownerGroup() + "/" + repository.name();
            MiningListener listener = progress.collecting(name);
            CollectionOutcome outcome = collect(repository.id(), CollectionTrigger.COMMAND, listener, null,
                    () -> progress.waiting(name), claimWait);
            progress.finished(name, outcome);
            if (outcome.failed()) {
                failures++;
            }
        }
        return new SourcesReport(accounts.requireUser(user.id()), accounts.identities(user.id()), active.size(),
                failures);
    }

    private static void emailsOrThrow(List<String> emails) {
        emails.forEach(UserAccounts::requireEmail);
    }

    private Repository requireRepository(long repositoryId) {
        return registry.repository(repositoryId).orElseThrow(() -> new UseCaseException(
                UseCaseException.Kind.NOT_FOUND, "no repository " + repositoryId));
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
