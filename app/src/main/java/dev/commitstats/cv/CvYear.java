package dev.commitstats.cv;

import dev.commitstats.stats.Period;
import dev.commitstats.stats.Trend;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One calendar year of a CV in numbers, each compared with the year before, worked out from the {@link CvDocument}
 * alone: commits and commit days from its {@code days}; lines, lines per language, commit types and tools from its
 * {@code months}; the repository worked on most from each repository's commits per year. Years are those of the
 * author's own local days, as everywhere on the CV. Only regroups the document's numbers; never queries anything.
 * Immutable.
 *
 * @param year          the year
 * @param firstYear     the first year of the CV's commit span
 * @param lastYear      the last one
 * @param commits       commits in the year against the year before
 * @param commitDays    days with commits
 * @param additions     lines written (honest additions)
 * @param deletions     lines deleted
 * @param longestStreak the longest run of consecutive commit days inside the year
 * @param streakFrom    its first day, or null when the year has no commits
 * @param streakTo      its last day
 * @param busiestMonth  the month with the most commits (the earliest of equals), or null when none
 * @param busiestDay    the day with the most commits (the earliest of equals), or null when none
 * @param languages     lines added per language in the year or the year before, most in the year first
 * @param newLanguages  languages first written in this year, most lines first
 * @param types         commits per commit type in the year or the year before, most in the year first
 * @param tools         tools introduced per kind ({@code detected_<kind>}), in the year or the year before
 * @param repository    the repository with the most commits in the year, or null when the document does not say
 */
record CvYear(int year, int firstYear, int lastYear, Trend commits, Trend commitDays, Trend additions, Trend deletions,
        Trend longestStreak, @Nullable LocalDate streakFrom, @Nullable LocalDate streakTo,
        @Nullable Busiest busiestMonth, @Nullable Busiest busiestDay, List<Named> languages,
        List<String> newLanguages, List<Named> types, List<Named> tools, @Nullable TopRepository repository) {

    /** A month ({@code 2024-03}) or a day ({@code 2024-03-05}) and its commits. */
    record Busiest(String key, long commits) {
    }

    /** A language, commit type or tool kind as the document names it, with its figure in the year and before. */
    record Named(String key, Trend trend) {
    }

    /**
     * The repository worked on most in the year, as the document has it: masked ones keep their masked name.
     *
     * @param repository  the document's repository
     * @param commits     its commits in the year
     * @param share       of all the year's commits, 0 to 1
     */
    record TopRepository(CvDocument.CvRepository repository, long commits, double share) {
    }

    CvYear {
        languages = List.copyOf(languages);
        newLanguages = List.copyOf(newLanguages);
        types = List.copyOf(types);
        tools = List.copyOf(tools);
    }

    /** Whether the year before had any commits to compare with. */
    boolean hasYearBefore() {
        return commits.previous() > 0;
    }

    /**
     * The year {@code year} of {@code cv}, or empty when it lies outside the CV's commit span (from the year of its
     * first commit day to the year of its last): such a year has nothing to tell.
     */
    static Optional<CvYear> of(CvDocument cv, int year) {
        List<Period> days = cv.days();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        int firstYear = LocalDate.parse(days.get(0).key()).getYear();
        int lastYear = LocalDate.parse(days.get(days.size() - 1).key()).getYear();
        if (year < firstYear || year > lastYear) {
            return Optional.empty();
        }
        DayFigures now = DayFigures.of(days, year);
        DayFigures before = DayFigures.of(days, year - 1);

        PeriodTable months = cv.months();
        long[] current = monthSums(months, year);
        long[] previous = monthSums(months, year - 1);
        int additions = months.metrics().indexOf("additions");
        int deletions = months.metrics().indexOf("deletions");

        return Optional.of(new CvYear(year, firstYear, lastYear, new Trend(now.commits, before.commits),
                new Trend(now.days, before.days), new Trend(at(current, additions), at(previous, additions)),
                new Trend(at(current, deletions), at(previous, deletions)),
                new Trend(now.streak, before.streak), now.streakFrom, now.streakTo, busiestMonth(months, year),
                now.busiest, columns(months, "additions_", current, previous), newLanguages(months, year, current),
                columns(months, "type_", current, previous), columns(months, "detected_", current, previous),
                topRepository(cv.repositories(), year, now.commits)));
    }

    /** What a year's {@code days} say: commits, commit days, the busiest day and the longest streak. */
    private static final class DayFigures {
        long commits;
        long days;
        @Nullable Busiest busiest;
        long streak;
        @Nullable LocalDate streakFrom;
        @Nullable LocalDate streakTo;

        static DayFigures of(List<Period> days, int year) {
            DayFigures f = new DayFigures();
            LocalDate runStart = null;
            LocalDate previous = null;
            for (Period p : days) { // ascending
                LocalDate day = LocalDate.parse(p.key());
                if (day.getYear() != year || p.commits() <= 0) {
                    continue;
                }
                f.commits += p.commits();
                f.days++;
                if (f.busiest == null || p.commits() > f.busiest.commits()) {
                    f.busiest = new Busiest(p.key(), p.commits());
                }
                runStart = previous != null && previous.plusDays(1).equals(day) ? runStart : day;
                previous = day;
                long run = ChronoUnit.DAYS.between(runStart, day) + 1;
                if (run > f.streak) {
                    f.streak = run;
                    f.streakFrom = runStart;
                    f.streakTo = day;
                }
            }
            return f;
        }
    }

    /** The sum of each column of {@code months} over the months of {@code year}. */
    private static long[] monthSums(PeriodTable months, int year) {
        long[] sums = new long[months.metrics().size()];
        for (PeriodRow row : months.rows()) {
            if (yearOf(row) == year) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += row.value(i);
                }
            }
        }
        return sums;
    }

    private static int yearOf(PeriodRow monthRow) {
        return Integer.parseInt(monthRow.key().substring(0, 4));
    }

    private static long at(long[] sums, int column) {
        return column < 0 ? 0 : sums[column];
    }

    private static @Nullable Busiest busiestMonth(PeriodTable months, int year) {
        int commits = months.metrics().indexOf("commits");
        Busiest busiest = null;
        for (PeriodRow row : months.rows()) { // ascending
            if (commits >= 0 && yearOf(row) == year && row.value(commits) > 0
                    && (busiest == null || row.value(commits) > busiest.commits())) {
                busiest = new Busiest(row.key().replace('_', '-'), row.value(commits));
            }
        }
        return busiest;
    }

    /**
     * The columns named {@code prefix<key>} with something in the year or the year before, the largest in the year
     * first (then the largest the year before, then by name).
     */
    private static List<Named> columns(PeriodTable months, String prefix, long[] current, long[] previous) {
        List<Named> named = new ArrayList<>();
        List<String> metrics = months.metrics();
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).startsWith(prefix) && (current[i] > 0 || previous[i] > 0)) {
                named.add(new Named(metrics.get(i).substring(prefix.length()), new Trend(current[i], previous[i])));
            }
        }
        named.sort(Comparator.comparingLong((Named n) -> n.trend().current()).reversed()
                .thenComparing(Comparator.comparingLong((Named n) -> n.trend().previous()).reversed())
                .thenComparing(Named::key));
        return named;
    }

    /** The languages whose first month with additions falls in {@code year}, most lines in the year first. */
    private static List<String> newLanguages(PeriodTable months, int year, long[] current) {
        Map<String, Integer> firstYear = new HashMap<>();
        Map<String, Integer> column = new LinkedHashMap<>();
        List<String> metrics = months.metrics();
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).startsWith("additions_")) {
                column.put(metrics.get(i).substring("additions_".length()), i);
            }
        }
        for (PeriodRow row : months.rows()) { // ascending: the first year seen is the first year
            column.forEach((language, i) -> {
                if (row.value(i) > 0) {
                    firstYear.putIfAbsent(language, yearOf(row));
                }
            });
        }
        return column.keySet().stream().filter(l -> firstYear.getOrDefault(l, 0) == year)
                .sorted(Comparator.comparingLong((String l) -> current[column.get(l)]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** The repository with the most commits in {@code year}; of equals, the one with more commits overall. */
    private static @Nullable TopRepository topRepository(List<CvDocument.CvRepository> repositories, int year,
            long yearCommits) {
        CvDocument.CvRepository top = null;
        long most = 0;
        for (CvDocument.CvRepository r : repositories) {
            long n = r.years().getOrDefault(year, 0L);
            if (n > most || (n == most && n > 0 && top != null && r.commits() > top.commits())) {
                top = r;
                most = n;
            }
        }
        return top == null ? null : new TopRepository(top, most, yearCommits == 0 ? 0 : (double) most / yearCommits);
    }
}
