package dev.commitstats.collection;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.stats.CommitFactStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Deletes a user's repository with everything stored about it: its commit facts and rollups (a copy of a commit in
 * another of the owner's repositories counts from then on), its record, runs and choices, and this instance's mirror
 * when no other repository uses it. A repository being collected is not deleted from under its collection: the removal
 * claims it first, like a collection does, and answers "try again" when it is busy. Publishes
 * {@link RepositoryRemoved}. Thread-safe; {@link #close()} stops the claim renewals.
 */
public final class RepositoryRemoval implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RepositoryRemoval.class);

    /**
     * What a removal did.
     *
     * @param repositoryId   the deleted repository
     * @param name           its name, for a confirmation
     * @param deletedCommits how many commits were stored for it
     */
    public record Removed(long repositoryId, String name, long deletedCommits) {
    }

    private final RepositoryRegistry registry;
    private final CommitFactStore store;
    private final RepositoryMirrors mirrors;
    private final RepositoryClaims claims;
    private final ApplicationEventPublisher events;

    public RepositoryRemoval(DataSource dataSource, RepositoryRegistry registry, CommitFactStore store,
            RepositoryMirrors mirrors, CollectionSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.mirrors = mirrors;
        this.claims = new RepositoryClaims(dataSource, clock, settings.lease());
        this.events = events;
    }

    /**
     * Deletes one of the user's repositories.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no such repository; ({@code CONFLICT}) while it
     *                          is being collected
     */
    public Removed remove(long userId, long repositoryId) {
        Repository repository = registry.repository(repositoryId).filter(r -> r.userId() == userId)
                .orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND,
                        "no repository " + repositoryId));
        Optional<RepositoryClaims.Claim> claim;
        try {
            claim = claims.claim(repositoryId, Duration.ZERO, () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UseCaseException(UseCaseException.Kind.CONFLICT, "interrupted; nothing was deleted");
        }
        if (claim.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.CONFLICT, repository.name()
                    + " is being collected right now; nothing was deleted, try again when the collection ends");
        }
        long commits;
        try (RepositoryClaims.Claim held = claim.get()) {
            commits = store.countCommits(repositoryId);
            // interrupted after this, the repository is still there and a collection would find nothing skipped
            registry.saveCollectedFingerprint(repositoryId, null);
            store.deleteRepositoryFacts(repositoryId);
            registry.delete(repositoryId); // the claim row cascades with it
        }
        if (repository.kind() != SourceKind.PUSHED && registry.countByCloneUrl(repository.cloneUrl()) == 0) {
            try {
                mirrors.discard(repository.cloneUrl());
            } catch (MirrorException e) {
                // the numbers are gone; a mirror left behind is a cache that nothing reads any more
                log.warn("repository {}: its mirror could not be deleted: {}", repositoryId, e.getMessage());
            }
        }
        events.publishEvent(new RepositoryRemoved(repositoryId, userId));
        return new Removed(repositoryId, repository.name(), commits);
    }

    @Override
    public void close() {
        claims.close();
    }
}
