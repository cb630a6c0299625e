package dev.commitstats.repos.mirror;

import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Hands JGit's progress to a {@link ProgressSink}. JGit reports every object, so updates are passed on at most every
 * {@value #INTERVAL_MS} ms and at the end of each task. One per transfer; not thread-safe.
 */
final class TransferProgress implements ProgressMonitor {

    private static final long INTERVAL_MS = 200;

    private final ProgressSink sink;
    private String task = "";
    private int total;
    private int done;
    private long lastReport;

    TransferProgress(ProgressSink sink) {
        this.sink = sink;
    }

    @Override
    public void start(int totalTasks) {
        // the sink cares about the current task only
    }

    @Override
    public void beginTask(String title, int totalWork) {
        task = title;
        total = totalWork == UNKNOWN ? 0 : totalWork;
        done = 0;
        lastReport = System.nanoTime();
        sink.update(task, 0, total);
    }

    @Override
    public void update(int completed) {
        done += completed;
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_MS * 1_000_000) {
            lastReport = now;
            sink.update(task, done, total);
        }
    }

    @Override
    public void endTask() {
        sink.update(task, total > 0 ? total : done, total);
    }

    @Override
    public boolean isCancelled() {
        return sink.cancelled();
    }

    @Override
    public void showDuration(boolean enabled) {
        // durations are the sink's business
    }
}
