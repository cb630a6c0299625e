package dev.commitstats.repos;

import java.time.Instant;
import java.util.Objects;

/**
 * How far collection got in a repository: the newest commit stored and whether the whole history is in. Saved in
 * the same transaction as the commit facts it describes, so a crash never leaves the cursor ahead of the facts.
 *
 * @param lastCommitSha       the newest commit processed; null before the first batch
 * @param lastCommitTime      its committer time; null before the first batch
 * @param allCommitsProcessed whether every reachable commit is stored (false while a first collection is under way)
 * @param status              the collection status to record with the cursor
 */
public record RepositoryCursor(String lastCommitSha, Instant lastCommitTime, boolean allCommitsProcessed,
        RepositoryStatus status) {

    public RepositoryCursor {
        Objects.requireNonNull(status, "status");
    }

    /** The cursor of a repository nothing was collected from yet. */
    public static RepositoryCursor none() {
        return new RepositoryCursor(null, null, false, RepositoryStatus.PENDING);
    }
}
