package dev.commitstats.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

import dev.commitstats.core.mining.LineCount;
import dev.commitstats.stats.export.PeriodRow;

/**
 * A user's commits and lines per local day, and lines per language: the part of the numbers that a CV
 * ({@link UserStats}) and an exported {@link dev.commitstats.stats.export.PeriodTable} both add up, so that the two
 * agree. Rows come in from the rollups and from orphaned copies in any order and are summed; an included outlier file
 * adds its lines to its day and its language (taking them out of the bulk bucket is the caller's business, since only
 * a CV shows buckets); at the end the days are folded into periods.
 *
 * <p>Besides commits, additions and deletions a day can carry named metrics (an export's {@code type_feat} column,
 * say), which fold into periods alongside them.
 *
 * <p>A day without commits is a rollup row whose commits were all rewritten or deleted, so all its sums are zero; it
 * counts nowhere (not as an active day, not in a period). A language counts when any of its sums is non-zero, so one
 * with deletions or files but no additions stays.
 *
 * <p>One per query; not thread-safe.
 */
final class DayLedger {

    /** Receives one active day's sums. */
    @FunctionalInterface
    interface DayTotals {
        void accept(long day, long commits, long additions, long deletions);
    }

    private static final class Day {
        long commits;
        long additions;
        long deletions;
        /** Named metrics of the day; null until one is added. */
        Map<String, Long> metrics;
    }

    private final TreeMap<Long, Day> days = new TreeMap<>();
    /** Per language: additions, deletions, files. */
    private final Map<String, long[]> languages = new HashMap<>();

    /** Adds commits and lines on a local day (days since 1970-01-01 in the commits' own calendar). */
    void day(long day, long commits, long additions, long deletions) {
        Day d = day(day);
        d.commits += commits;
        d.additions += additions;
        d.deletions += deletions;
    }

    /** Adds to a named metric on a day. */
    void add(long day, String metric, long value) {
        Day d = day(day);
        if (d.metrics == null) {
            d.metrics = new HashMap<>();
        }
        d.metrics.merge(metric, value, Long::sum);
    }

    /** Adds lines of a language (over all days). */
    void language(String language, long additions, long deletions, long files) {
        long[] l = languages.computeIfAbsent(language, k -> new long[3]);
        l[0] += additions;
        l[1] += deletions;
        l[2] += files;
    }

    /** Counts an outlier file the owner included: one file of its language, and lines (no commit) on its day. */
    void includeOutlier(long day, String language, long additions, long deletions) {
        language(language, additions, deletions, 1);
        day(day, 0, additions, deletions);
    }

    private Day day(long day) {
        return days.computeIfAbsent(day, k -> new Day());
    }

    /** Commits over all days. */
    long commits() {
        long commits = 0;
        for (Day d : days.values()) {
            commits += d.commits;
        }
        return commits;
    }

    /** The days with commits, ascending. */
    NavigableSet<Long> activeDays() {
        NavigableSet<Long> active = new TreeSet<>();
        days.forEach((day, d) -> {
            if (d.commits != 0) {
                active.add(day);
            }
        });
        return active;
    }

    /** Each day with commits, ascending. */
    void forEachActiveDay(DayTotals action) {
        days.forEach((day, d) -> {
            if (d.commits != 0) {
                action.accept(day, d.commits, d.additions, d.deletions);
            }
        });
    }

    /** Each named metric's sum over all days. */
    Map<String, Long> metricTotals() {
        Map<String, Long> sums = new HashMap<>();
        for (Day d : days.values()) {
            if (d.metrics != null) {
                d.metrics.forEach((k, v) -> sums.merge(k, v, Long::sum));
            }
        }
        return sums;
    }

    /** The languages with a non-zero sum, by name. */
    SortedMap<String, LineCount> languages() {
        SortedMap<String, LineCount> out = new TreeMap<>();
        languages.forEach((k, l) -> {
            if (l[0] != 0 || l[1] != 0 || l[2] != 0) {
                out.put(k, new LineCount(l[0], l[1], l[2]));
            }
        });
        return out;
    }

    /**
     * The active days folded into periods, ascending by key.
     *
     * @param key     the key of the period that holds a day, e.g. {@link LocalCalendar#weekKey}; every period must be
     *                a run of consecutive days whose keys sort like the days
     * @param metrics named metrics to add up after the basic three
     * @return one row per period with commits: commits, additions, deletions, then each of {@code metrics}
     */
    List<PeriodRow> periods(LongFunction<String> key, List<String> metrics) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            column.put(metrics.get(i), 3 + i);
        }
        Map<String, long[]> periods = new LinkedHashMap<>();
        // days ascend and every period is a run of consecutive days, so the keys come out ascending
        days.forEach((day, d) -> {
            if (d.commits == 0) {
                return;
            }
            long[] p = periods.computeIfAbsent(key.apply(day), k -> new long[3 + metrics.size()]);
            p[0] += d.commits;
            p[1] += d.additions;
            p[2] += d.deletions;
            if (d.metrics != null) {
                d.metrics.forEach((m, v) -> {
                    Integer c = column.get(m);
                    if (c != null) {
                        p[c] += v;
                    }
                });
            }
        });
        List<PeriodRow> rows = new ArrayList<>(periods.size());
        periods.forEach((k, p) -> rows.add(new PeriodRow(k, p)));
        return rows;
    }
}
