/**
 * Statistics: commit facts in the database, the aggregates and key metrics a CV shows, and their documents (JSON,
 * CSV, Parquet).
 */
package dev.commitstats.stats;
