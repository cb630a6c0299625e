package dev.commitstats.repos.mirror;

/**
 * Receives the progress of a clone or fetch, for a progress bar or a job's status line. Called from the thread that
 * runs {@link RepositoryMirrors#prepare}; implementations should return quickly.
 */
@FunctionalInterface
public interface ProgressSink {

    /** Ignores progress and never cancels. */
    ProgressSink NONE = (task, done, total) -> { };

    /**
     * @param task what git is doing, e.g. "Receiving objects"
     * @param done units done so far in this task
     * @param total units in this task, or 0 when git does not know
     */
    void update(String task, int done, int total);

    /** Asked between chunks of work; returning true stops the transfer with a {@link MirrorException}. */
    default boolean cancelled() {
        return false;
    }
}
