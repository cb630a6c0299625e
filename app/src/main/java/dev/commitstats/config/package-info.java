/**
 * Configuration shared by every feature: the typed {@code commitstats.*} properties, the data directory and the
 * database (SQLite by default, PostgreSQL to scale out) with its Flyway migrations.
 */
package dev.commitstats.config;
