package dev.commitstats.stats;

import java.util.List;

import dev.commitstats.core.mining.Totals;

/**
 * Every aggregate a CV shows for one user, over their active repositories and identities, each commit counted once.
 * Outlier files the user included count in their language, not in the bulk bucket.
 *
 * @param totals       headline totals, per language, exclusion bucket, commit type and detector
 * @param days         per local day, ascending, days without commits left out
 * @param weeks        per ISO week, ascending
 * @param months       per month, ascending
 * @param repositories per repository, by id
 * @param activity     active days and streaks
 * @param punchCard    weekday by hour
 * @param keyMetrics   the key metrics table
 */
public record UserStats(Totals totals, List<Period> days, List<Period> weeks, List<Period> months,
        List<RepositoryShare> repositories, Activity activity, PunchCard punchCard, List<KeyMetric> keyMetrics) {

    public UserStats {
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
        months = List.copyOf(months);
        repositories = List.copyOf(repositories);
        keyMetrics = List.copyOf(keyMetrics);
    }
}
