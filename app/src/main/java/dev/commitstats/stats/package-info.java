/**
 * Statistics: commit facts in the database (written idempotently with the repository's cursor, by
 * {@link dev.commitstats.stats.CommitFactStore}, the named interface {@code facts} that only collection may use), the
 * aggregates and key metrics a CV shows ({@link dev.commitstats.stats.StatsQueries}), outlier review
 * ({@link dev.commitstats.stats.OutlierReview}), and the period tables of the export (named interface {@code export}).
 */
@NullMarked
@ApplicationModule(displayName = "Statistics", allowedDependencies = {"config", "accounts", "repos"})
package dev.commitstats.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
