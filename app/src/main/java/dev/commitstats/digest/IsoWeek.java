package dev.commitstats.digest;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.commitstats.config.UseCaseException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week ({@code 2026-W47}): Monday to Sunday, numbered within its week-based year, the way the digest,
 * its address ({@code /user/digest?week=2026-W47}) and the export's week keys ({@code 2026_47}) count weeks.
 * Immutable; created only through {@link #of(LocalDate)} and {@link #parse(String)}.
 */
public final class IsoWeek implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final LocalDate monday;

    private IsoWeek(LocalDate monday) {
        this.monday = monday;
    }

    /** The week that holds {@code day}. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /**
     * The week written {@code 2026-W47}.
     *
     * @throws UseCaseException ({@code INVALID}) for anything else, or a week its year does not have
     */
    public static IsoWeek parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "not an ISO week: '" + text + "' (write it like 2026-W47)");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4); // always in week 1
        int weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); // Dec 28: the last week
        if (week < 1 || week > weeks) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "not an ISO week: '" + text + "' (" + year + " has weeks 1 to " + weeks + ")");
        }
        return of(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    public LocalDate monday() {
        return monday;
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public IsoWeek previous() {
        return new IsoWeek(monday.minusWeeks(1));
    }

    public IsoWeek next() {
        return new IsoWeek(monday.plusWeeks(1));
    }

    /** The week {@code weeks} before this one. */
    public IsoWeek minus(int weeks) {
        return new IsoWeek(monday.minusWeeks(weeks));
    }

    /** The export's key of this week ({@code 2026_47}, {@link dev.commitstats.stats.export.PeriodTable#WEEK}). */
    public String periodKey() {
        return String.format(Locale.ROOT, "%04d_%02d", year(), number());
    }

    public int year() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    public int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday.compareTo(other.monday);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsoWeek w && w.monday.equals(monday);
    }

    @Override
    public int hashCode() {
        return monday.hashCode();
    }

    /** {@code 2026-W47}. */
    @JsonValue
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04d-W%02d", year(), number());
    }
}
