package dev.commitstats.collection;

import java.time.Instant;

/**
 * Published after a collection brought a repository up to date (also when it found nothing new), so that later
 * features react without reading collection's tables: the CV snapshot is rebuilt, the digest knows there is new work.
 *
 * @param repositoryId     the repository
 * @param userId           its owner
 * @param trigger          what started the collection
 * @param newCommits       commits stored for the first time
 * @param removedCommits   stored commits removed: a force-push made them unreachable, or their owner skips them
 * @param recountedCommits stored commits counted again under new counting rules
 * @param totalCommits     the repository's stored commits afterwards
 * @param finishedAt       when it finished
 */
public record RepositoryCollected(long repositoryId, long userId, CollectionTrigger trigger, int newCommits,
        int removedCommits, int recountedCommits, long totalCommits, Instant finishedAt) {

    /** Whether the numbers changed: something was added, removed or counted again. */
    public boolean changedNumbers() {
        return newCommits > 0 || removedCommits > 0 || recountedCommits > 0;
    }
}
