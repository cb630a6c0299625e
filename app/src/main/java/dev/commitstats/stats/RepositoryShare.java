package dev.commitstats.stats;

/**
 * What one repository contributes to a user's numbers. A commit found in several repositories counts in the one with
 * the lowest id only.
 *
 * @param repositoryId the repository
 * @param commits      commits counted in it
 * @param additions    honest additions
 * @param deletions    honest deletions
 */
public record RepositoryShare(long repositoryId, long commits, long additions, long deletions) {
}
