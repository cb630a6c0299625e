package dev.commitstats.collection;

import dev.commitstats.repos.RepositoryStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one collection of a repository did: the command prints it, a job records it, a page shows it.
 *
 * @param repositoryId     the repository
 * @param result           whether it ran to the end, failed, or did not run because another collection held it
 * @param newCommits       commits mined and stored for the first time
 * @param removedCommits   stored commits that a force-push made unreachable, now dropped
 * @param recountedCommits stored commits mined again because the counting rules, or the paths the owner skips in the
 *                         repository, changed since they were mined
 * @param skippedCommits   stored commits the owner skips now, dropped
 * @param recountReason    why stored commits were mined again; null when none were
 * @param totalCommits     commits stored for the repository afterwards
 * @param took             wall-clock time, waiting included
 * @param message          why it failed or did not run, one line for the user; for a collection, null or a note such
 *                         as "no push since the last collection" (it then skipped the fetch)
 * @param failure          why it failed, classified (whether retrying can help), for a {@link Result#FAILED} run;
 *                         else null
 */
public record CollectionOutcome(long repositoryId, Result result, int newCommits, int removedCommits,
        int recountedCommits, int skippedCommits, @Nullable RecountReason recountReason, long totalCommits,
        Duration took, @Nullable String message, @Nullable CollectionFailure failure) {

    /** How a collection ended. */
    public enum Result {
        /** Every reachable commit of the owner is stored; the repository is {@code up_to_date}. */
        COLLECTED,
        /** It stopped on an error; the repository is in {@code error} with the message. */
        FAILED,
        /** Another collection of the same repository held it for longer than this one would wait; nothing ran. */
        BUSY
    }

    /** Why stored commits were mined again. */
    public enum RecountReason {
        /** The counting rules ({@code MiningRules.VERSION}) changed with a new release. */
        RULES,
        /** The owner changed the paths skipped in the repository. */
        SKIPPED_PATHS
    }

    static CollectionOutcome collected(long repositoryId, int newCommits, int removedCommits, int recountedCommits,
            long totalCommits, Duration took) {
        return collected(repositoryId, newCommits, removedCommits, recountedCommits, 0,
                recountedCommits > 0 ? RecountReason.RULES : null, totalCommits, took);
    }

    static CollectionOutcome collected(long repositoryId, int newCommits, int removedCommits, int recountedCommits,
            int skippedCommits, @Nullable RecountReason recountReason, long totalCommits, Duration took) {
        return new CollectionOutcome(repositoryId, Result.COLLECTED, newCommits, removedCommits, recountedCommits,
                skippedCommits, recountedCommits > 0 ? recountReason : null, totalCommits, took, null, null);
    }

    /** Collected without a fetch: the host reported no push since the last complete collection. */
    static CollectionOutcome unchanged(long repositoryId, long totalCommits, Duration took) {
        return new CollectionOutcome(repositoryId, Result.COLLECTED, 0, 0, 0, 0, null, totalCommits, took,
                "no push since the last collection", null);
    }

    static CollectionOutcome failed(long repositoryId, long totalCommits, Duration took, CollectionFailure failure) {
        return new CollectionOutcome(repositoryId, Result.FAILED, 0, 0, 0, 0, null, totalCommits, took,
                failure.message(), failure);
    }

    static CollectionOutcome busy(long repositoryId, long totalCommits, Duration took, String message) {
        return new CollectionOutcome(repositoryId, Result.BUSY, 0, 0, 0, 0, null, totalCommits, took, message, null);
    }

    /** Whether it failed, or could not run at all. */
    public boolean failed() {
        return result != Result.COLLECTED;
    }

    /** The repository's status after this run, as the repositories table records it. */
    public RepositoryStatus status() {
        return switch (result) {
            case COLLECTED -> RepositoryStatus.UP_TO_DATE;
            case FAILED -> RepositoryStatus.ERROR;
            case BUSY -> RepositoryStatus.COLLECTING; // by the other collection
        };
    }

    /** {@link #message()}, for callers that checked {@link #failed()}. */
    public String error() {
        return message == null ? "" : message;
    }

    CollectionOutcome took(Duration total) {
        return new CollectionOutcome(repositoryId, result, newCommits, removedCommits, recountedCommits, skippedCommits,
                recountReason, totalCommits, total, message, failure);
    }
}
