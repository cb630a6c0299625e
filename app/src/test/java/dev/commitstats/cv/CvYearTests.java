package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.commitstats.core.classify.LanguageColors;
import dev.commitstats.core.mining.TotalsBuilder;
import dev.commitstats.stats.Activity;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.PunchCard;
import dev.commitstats.stats.Trend;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import org.junit.jupiter.api.Test;

/** A year of a CV in numbers, from a small document whose figures are worked out by hand in each test. */
class CvYearTests {

    /**
     * 2022: 2 commits on one day. 2023: 12 commits on 6 days (Jan 1–3 a three-day streak, Mar 10 the busiest day with
     * 4, Jan and Mar 5 commits each), Go first written. 2024: 5 commits on Jan 1, which continues the streak of Dec 31
     * across the new year.
     */
    static CvDocument document() {
        List<Period> days = List.of(new Period("2022-11-30", 2, 100, 10), new Period("2023-01-01", 1, 10, 1),
                new Period("2023-01-02", 3, 30, 3), new Period("2023-01-03", 1, 10, 1),
                new Period("2023-03-10", 4, 150, 15), new Period("2023-03-11", 1, 50, 5),
                new Period("2023-12-31", 2, 10, 0), new Period("2024-01-01", 5, 70, 7));
        PeriodTable months = new PeriodTable(PeriodTable.MONTH,
                List.of("commits", "additions", "deletions", "additions_Java", "additions_Go", "type_feat", "type_fix",
                        "detected_dockerfile"),
                List.of(new PeriodRow("2022_11", new long[] {2, 100, 10, 100, 0, 2, 0, 0}),
                        new PeriodRow("2023_01", new long[] {5, 50, 5, 30, 20, 3, 2, 1}),
                        new PeriodRow("2023_03", new long[] {5, 200, 20, 200, 0, 4, 1, 0}),
                        new PeriodRow("2023_12", new long[] {2, 10, 0, 0, 10, 0, 2, 0}),
                        new PeriodRow("2024_01", new long[] {5, 70, 7, 70, 0, 5, 0, 0})));
        List<CvDocument.CvRepository> repositories = List.of(
                new CvDocument.CvRepository(CvDocument.MASKED_NAME, null, "git", true, List.of("Java"),
                        LocalDate.parse("2022-11-30"), LocalDate.parse("2024-01-01"), 11, 280, 28,
                        new TreeMap<>(Map.of(2022, 2L, 2023, 4L, 2024, 5L))),
                new CvDocument.CvRepository("lib", "ada", "git", false, List.of("Java", "Go"),
                        LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), 8, 160, 17,
                        new TreeMap<>(Map.of(2023, 8L))));
        return new CvDocument(new CvDocument.Person("ada", "Ada Lovelace", ZoneId.of("Europe/Berlin"), true),
                Instant.parse("2024-06-15T10:00:00Z"), CvDocument.Audience.PUBLIC, new TotalsBuilder().build(),
                new Activity(7, 3, 0), "week", List.of(), days, months, repositories,
                new PunchCard(Collections.nCopies(168, 0L)), List.of());
    }

    private static CvYear year(int year) {
        return CvYear.of(document(), year).orElseThrow();
    }

    @Test
    void commitsCommitDaysAndLinesAreTheYearsAgainstTheYearBefore() {
        CvYear y = year(2023);
        assertThat(y.commits()).isEqualTo(new Trend(12, 2));
        assertThat(y.commitDays()).isEqualTo(new Trend(6, 1));
        assertThat(y.additions()).isEqualTo(new Trend(260, 100));
        assertThat(y.deletions()).isEqualTo(new Trend(25, 10));
        assertThat(y.hasYearBefore()).isTrue();
        assertThat(y.commits().relativeChange()).isEqualTo(5.0);
    }

    @Test
    void theBusiestMonthAndDayAreTheEarliestOfTheMost() {
        CvYear y = year(2023);
        assertThat(y.busiestMonth()).isEqualTo(new CvYear.Busiest("2023-01", 5)); // March has 5 too
        assertThat(y.busiestDay()).isEqualTo(new CvYear.Busiest("2023-03-10", 4));
    }

    @Test
    void theLongestStreakStaysInsideTheYear() {
        CvYear y = year(2023);
        assertThat(y.longestStreak()).isEqualTo(new Trend(3, 1));
        assertThat(y.streakFrom()).isEqualTo(LocalDate.parse("2023-01-01"));
        assertThat(y.streakTo()).isEqualTo(LocalDate.parse("2023-01-03"));
        // Dec 31 and Jan 1 are consecutive days, but only Jan 1 is in 2024
        assertThat(year(2024).longestStreak()).isEqualTo(new Trend(1, 3));
    }

    @Test
    void languagesTypesAndToolsAreSummedOverTheYearsMonthsAndNewLanguagesFound() {
        CvYear y = year(2023);
        assertThat(y.languages()).containsExactly(new CvYear.Named("Java", new Trend(230, 100)),
                new CvYear.Named("Go", new Trend(30, 0)));
        assertThat(y.newLanguages()).containsExactly("Go");
        assertThat(year(2022).newLanguages()).containsExactly("Java");
        assertThat(year(2024).newLanguages()).isEmpty();
        assertThat(y.types()).containsExactly(new CvYear.Named("feat", new Trend(7, 2)),
                new CvYear.Named("fix", new Trend(5, 0)));
        assertThat(y.tools()).containsExactly(new CvYear.Named("dockerfile", new Trend(1, 0)));
        // a language written only the year before still shows, with its drop
        assertThat(year(2024).languages()).containsExactly(new CvYear.Named("Java", new Trend(70, 230)),
                new CvYear.Named("Go", new Trend(0, 30)));
    }

    @Test
    void theRepositoryWorkedOnMostIsTheOneWithTheMostCommitsThatYear() {
        CvYear y = year(2023);
        assertThat(y.repository()).isNotNull();
        assertThat(y.repository().repository().name()).isEqualTo("lib");
        assertThat(y.repository().commits()).isEqualTo(8);
        assertThat(y.repository().share()).isEqualTo(8.0 / 12);
        assertThat(year(2024).repository().repository().masked()).isTrue();
    }

    @Test
    void theFirstYearHasNothingBeforeItAndYearsOutsideTheSpanAreEmpty() {
        CvYear y = year(2022);
        assertThat(y.commits()).isEqualTo(new Trend(2, 0));
        assertThat(y.hasYearBefore()).isFalse();
        assertThat(y.firstYear()).isEqualTo(2022);
        assertThat(y.lastYear()).isEqualTo(2024);
        assertThat(CvYear.of(document(), 2021)).isEmpty();
        assertThat(CvYear.of(document(), 2025)).isEmpty();
    }

    @Test
    void aSnapshotWithoutCommitsPerYearHasNoRepositoryWorkedOnMost() {
        CvDocument.CvRepository legacy = new CvDocument.CvRepository("lib", "ada", "git", false, List.of("Go"), null,
                null, 8, 160, 17);
        assertThat(legacy.years()).isEmpty();
        CvDocument d = document();
        CvDocument old = new CvDocument(d.person(), d.generatedAt(), d.audience(), d.totals(), d.activity(),
                d.seriesLength(), d.series(), d.days(), d.months(), List.of(legacy), d.punchCard(), d.keyMetrics());
        assertThat(CvYear.of(old, 2023).orElseThrow().repository()).isNull();
    }

    @Test
    void thePageSaysEachChangeInTheCvPagesWordsAndMasksAsTheCvDoes() {
        CvDocument cv = document();
        CvYearPage page = CvYearPage.of(cv, year(2023), LanguageColors.standard());
        assertThat(page.title()).isEqualTo("Ada Lovelace — 2023 in review · Commit Stats");
        assertThat(page.description()).isEqualTo("Ada Lovelace's 2023 in code: 12 commits on 6 days, 260 lines "
                + "written, up 500 % from 2022 — honest numbers, private repositories included.");
        assertThat(page.headlines()).extracting(CvYearPage.Headline::metric, CvYearPage.Headline::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("commits", 12L),
                        org.assertj.core.groups.Tuple.tuple("commit_days", 6L),
                        org.assertj.core.groups.Tuple.tuple("additions", 260L),
                        org.assertj.core.groups.Tuple.tuple("deletions", 25L),
                        org.assertj.core.groups.Tuple.tuple("longest_streak", 3L));
        assertThat(page.headlines().get(0).change()).isEqualTo(new CvPage.TrendCell("12", "2", "up", "+10",
                "(+500 %)", "up 10 from 2 in the year before"));
        assertThat(page.headlines().get(4).detail()).isEqualTo("1 Jan to 3 Jan");
        assertThat(page.busiest()).containsExactly(new CvPage.Figure("Busiest month", "January 2023, 5 commits"),
                new CvPage.Figure("Busiest day", "Friday 10 March 2023, 4 commits"));
        assertThat(page.newLanguages()).isEqualTo("Go");
        assertThat(page.languages()).extracting(CvYearPage.Row::key, CvYearPage.Row::isNew)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Java", false),
                        org.assertj.core.groups.Tuple.tuple("Go", true));
        assertThat(page.types()).extracting(CvYearPage.Row::label).containsExactly("Features", "Fixes");
        assertThat(page.types().get(1).change().relative()).isEmpty(); // no fixes the year before
        assertThat(page.repository()).isEqualTo(new CvYearPage.Repository("ada/lib", false, "Java, Go · 2023", "8",
                "67 %"));
        assertThat(page.previousYear()).isEqualTo(2022);
        assertThat(page.nextYear()).isEqualTo(2024);

        CvYearPage last = CvYearPage.of(cv, year(2024), LanguageColors.standard());
        assertThat(last.repository()).isEqualTo(new CvYearPage.Repository("private repository", true,
                "Java · 2022–2024", "5", "100 %"));
        assertThat(last.nextYear()).isNull();
        assertThat(CvYearPage.of(cv, year(2022), LanguageColors.standard()).previousYear()).isNull();
    }
}
