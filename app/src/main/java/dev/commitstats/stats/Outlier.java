package dev.commitstats.stats;

/**
 * A bulk file for its owner to review: counted as written only when included.
 *
 * @param repositoryId   the repository it is counted in (the lowest id when forks hold the same commit)
 * @param repositoryName that repository's name
 * @param sha            the commit
 * @param path           the file's path in the commit
 * @param language       the language its lines count in when included
 * @param additions      lines added
 * @param deletions      lines deleted
 * @param included       the owner's decision
 */
public record Outlier(long repositoryId, String repositoryName, String sha, String path, String language,
        long additions, long deletions, boolean included) {

    public long lines() {
        return additions + deletions;
    }
}
