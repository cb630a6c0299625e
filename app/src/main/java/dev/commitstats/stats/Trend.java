package dev.commitstats.stats;

/**
 * A metric over a window and over the window of the same length just before it.
 *
 * @param current  the value in the window ending now
 * @param previous the value in the window before it
 */
public record Trend(long current, long previous) {

    public long change() {
        return current - previous;
    }

    /** The change relative to the previous window (0.5 = +50 %); null when the previous window is 0. */
    public Double relativeChange() {
        return previous == 0 ? null : (double) (current - previous) / previous;
    }
}
