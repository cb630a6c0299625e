/**
 * Statistics: commit facts in the database (written idempotently with the repository's cursor), the aggregates and
 * key metrics a CV shows, outlier review, and their documents (JSON, CSV, Parquet).
 */
package dev.commitstats.stats;
