/**
 * Writers for {@code commitstats export}: a user's statistics per day, week or month as CSV or Parquet. They take a
 * {@link dev.commitstats.stats.export.PeriodTable} and know nothing about the database it came from. The
 * {@code stats} module's named interface {@code export}.
 */
@NullMarked
@NamedInterface("export")
package dev.commitstats.stats.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
