package dev.commitstats.cli;

import java.io.PrintWriter;

import dev.commitstats.core.mining.MiningListener;

/**
 * A one-line progress bar on stderr for long mining runs: commits done / total and the rate. Drawn only on a
 * terminal, at most ten times a second, and only once the run has lasted a second, so short runs and pipes stay clean.
 */
final class ProgressBar implements MiningListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private long started;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    /** True when stderr is probably a terminal (a console exists) and the user did not ask for quiet. */
    static boolean terminal() {
        return System.console() != null && System.getenv("COMMITSTATS_NO_PROGRESS") == null;
    }

    @Override
    public void started(int total) {
        started = System.nanoTime();
    }

    @Override
    public void progress(int done, int total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - started < 1_000_000_000L || (now - lastDraw < 100_000_000L && done < total)) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = (now - started) / 1e9;
        err.printf("\r%s [%s%s] %,d/%,d commits  %,.0f/s ", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, done / Math.max(seconds, 1e-3));
        err.flush();
        drawn = true;
    }

    /** Clears the bar so that the next output starts on a clean line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 50) + "\r");
            err.flush();
        }
    }
}
