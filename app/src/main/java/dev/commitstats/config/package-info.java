/**
 * Configuration shared by every feature: the typed {@code commitstats.*} properties, the data directory, the database
 * (SQLite by default, PostgreSQL to scale out) with its Flyway migrations, and {@link
 * dev.commitstats.config.UseCaseException}, how a use case says no.
 */
@NullMarked
@ApplicationModule(displayName = "Configuration", allowedDependencies = {})
package dev.commitstats.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
