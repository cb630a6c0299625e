package dev.commitstats.core.mining;

/** Progress of a mining run, called on the thread that called {@code mine}. */
public interface MiningListener {

    MiningListener NONE = new MiningListener() {
    };

    /** The commit walk is done: {@code total} commits will be mined. */
    default void started(int total) {
    }

    /** {@code done} of {@code total} commits are mined. */
    default void progress(int done, int total) {
    }
}
