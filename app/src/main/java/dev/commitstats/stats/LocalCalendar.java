package dev.commitstats.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

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

    static String dayKey(long localDay) {
        return LocalDate.ofEpochDay(localDay).toString();
    }

    /** ISO week, e.g. {@code 2024_07}: the week-based year, which differs from the calendar year around new year. */
    static String weekKey(long localDay) {
        LocalDate d = LocalDate.ofEpochDay(localDay);
        return String.format("%04d_%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String monthKey(long localDay) {
        LocalDate d = LocalDate.ofEpochDay(localDay);
        return String.format("%04d_%02d", d.getYear(), d.getMonthValue());
    }
}
