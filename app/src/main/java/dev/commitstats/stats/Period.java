package dev.commitstats.stats;

/**
 * One period of a series.
 *
 * @param key       {@code 2024-03-05} (day), {@code 2024_07} (ISO week) or {@code 2024_03} (month)
 * @param commits   commits in the period
 * @param additions honest additions
 * @param deletions honest deletions
 */
public record Period(String key, long commits, long additions, long deletions) {
}
