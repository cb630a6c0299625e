package dev.commitstats.stats;

/**
 * One row of the key metrics table. Windows end with today in the user's time zone and are whole days of the
 * commits' own calendars: the last 364, 91 and 7 days, each compared with the same number of days before.
 *
 * @param metric   {@code commits}, {@code additions}, {@code deletions}, {@code language:<name>} (its additions),
 *                 {@code type:<type>} (commits), {@code detector:<kind>} (detections)
 * @param total    over all time
 * @param last52w  the last 52 weeks against the 52 before
 * @param last13w  the last 13 weeks against the 13 before
 * @param last1w   the last week against the week before
 */
public record KeyMetric(String metric, long total, Trend last52w, Trend last13w, Trend last1w) {
}
