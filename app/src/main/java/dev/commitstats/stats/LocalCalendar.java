package dev.commitstats.stats;

import java.time.Instant;
import java.time.LocalDate;

import dev.commitstats.stats.export.PeriodTable;

/**
 * The calendar stats are grouped by: each commit's own local time (author time plus the author's offset). It is the
 * calendar {@link dev.commitstats.core.mining.TotalsBuilder} counts active days in, it is fixed at write time (so
 * SQLite and PostgreSQL group the same stored integers), and a night owl's 1 a.m. commit stays on the day they lived.
 */
final class LocalCalendar {

    private LocalCalendar() {
    }

    static long localSecond(Instant authorTime, int offsetMinutes) {
        return authorTime.getEpochSecond() + offsetMinutes * 60L;
    }

    /** Days since 1970-01-01 in the commit's own calendar. */
    static long localDay(Instant authorTime, int offsetMinutes) {
        return Math.floorDiv(localSecond(authorTime, offsetMinutes), 86_400L);
    }

    /** ISO weekday, 1 = Monday. */
    static int weekday(long localDay) {
        return LocalDate.ofEpochDay(localDay).getDayOfWeek().getValue();
    }

    static int hour(Instant authorTime, int offsetMinutes) {
        return (int) (Math.floorMod(localSecond(authorTime, offsetMinutes), 86_400L) / 3600);
    }

    // the series keys are the export's, so a CV's series and an exported table line up (and digits stay ASCII)
    static String dayKey(long localDay) {
        return PeriodTable.keyOf(PeriodTable.DAY, LocalDate.ofEpochDay(localDay));
    }

    /** ISO week, e.g. {@code 2024_07}: the week-based year, which differs from the calendar year around new year. */
    static String weekKey(long localDay) {
        return PeriodTable.keyOf(PeriodTable.WEEK, LocalDate.ofEpochDay(localDay));
    }

    static String monthKey(long localDay) {
        return PeriodTable.keyOf(PeriodTable.MONTH, LocalDate.ofEpochDay(localDay));
    }
}
