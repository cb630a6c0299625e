package dev.commitstats.stats.export;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's statistics as a table: one row per period (day, ISO week or month), one {@code long} column per metric.
 * This is what every export format writes; the rows are written in the order given.
 *
 * @param period {@code day}, {@code week} or {@code month}
 * @param metrics column names, e.g. {@code commits}, {@code additions}, {@code additions_Java}, {@code type_feat},
 *     {@code detected_dockerfile}; unique, and none is called {@code period}
 * @param rows one per period, each with one value per metric, keys in the format of {@link #keyOf}
 */
public record PeriodTable(String period, List<String> metrics, List<PeriodRow> rows) {

    public static final String DAY = "day";
    public static final String WEEK = "week";
    public static final String MONTH = "month";

    /** The name of the key column in every format. */
    public static final String PERIOD_COLUMN = "period";

    private static final Pattern DAY_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WEEK_OR_MONTH_KEY = Pattern.compile("\\d{4}_\\d{2}");

    public PeriodTable {
        Objects.requireNonNull(period, "period");
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
        Pattern keyFormat = switch (period) {
            case DAY -> DAY_KEY;
            case WEEK, MONTH -> WEEK_OR_MONTH_KEY;
            default -> throw new IllegalArgumentException("period must be day, week or month, not " + period);
        };
        Set<String> seen = new HashSet<>();
        for (String m : metrics) {
            if (m.isEmpty() || m.equals(PERIOD_COLUMN) || !seen.add(m)) {
                throw new IllegalArgumentException("metric names must be unique, non-empty and not 'period': " + m);
            }
        }
        for (PeriodRow r : rows) {
            if (r.size() != metrics.size()) {
                throw new IllegalArgumentException("row " + r.key() + " has " + r.size() + " values for "
                        + metrics.size() + " metrics");
            }
            if (!keyFormat.matcher(r.key()).matches()) {
                throw new IllegalArgumentException("row key " + r.key() + " is not a " + period + " key");
            }
        }
    }

    /**
     * The key of the period that contains {@code day}: {@code 2024-03-05}, {@code 2024_10} (ISO week-based year and
     * week, so 2024-12-30 is in {@code 2025_01}) or {@code 2024_03}.
     */
    public static String keyOf(String period, LocalDate day) {
        return switch (period) {
            case DAY -> day.toString();
            case WEEK -> String.format(Locale.ROOT, "%04d_%02d",
                    day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%04d_%02d", day.getYear(), day.getMonthValue());
            default -> throw new IllegalArgumentException("period must be day, week or month, not " + period);
        };
    }
}
