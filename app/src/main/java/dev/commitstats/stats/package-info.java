/**
 * Commit facts at rest and the numbers a CV shows: {@link dev.commitstats.stats.CommitFactStore} writes facts
 * idempotently, {@link dev.commitstats.stats.StatsQueries} adds them up per user (each commit once, however many
 * repositories hold it), {@link dev.commitstats.stats.OutlierReview} lets the owner count a bulk file after all.
 */
package dev.commitstats.stats;
