package dev.commitstats.collection;

/**
 * Published after a repository and everything stored about its commits were deleted, so that the features built on
 * those numbers (the CV snapshot, the digest) follow.
 *
 * @param repositoryId the repository, which no longer exists
 * @param userId       its owner
 */
public record RepositoryRemoved(long repositoryId, long userId) {
}
