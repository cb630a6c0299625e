package dev.commitstats.stats;

/**
 * How regularly a user commits. Days are each commit's own local calendar day.
 *
 * @param activeDays    days with at least one commit
 * @param longestStreak the most consecutive active days
 * @param currentStreak consecutive active days ending today or, when today has no commit yet, yesterday; 0 otherwise
 */
public record Activity(long activeDays, long longestStreak, long currentStreak) {
}
