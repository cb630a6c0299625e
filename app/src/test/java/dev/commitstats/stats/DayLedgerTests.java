package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.commitstats.core.mining.LineCount;
import dev.commitstats.stats.export.PeriodRow;
import org.junit.jupiter.api.Test;

class DayLedgerTests {

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    @Test
    void rowsOfTheSameDayAddUpInAnyOrder() {
        DayLedger ledger = new DayLedger();
        ledger.day(day("2024-03-06"), 1, 10, 1);
        ledger.day(day("2024-03-05"), 2, 20, 2);
        ledger.day(day("2024-03-06"), 3, 30, 3); // the same day from the orphaned copies

        assertThat(ledger.periods(LocalCalendar::dayKey, List.of())).containsExactly(
                new PeriodRow("2024-03-05", new long[] {2, 20, 2}),
                new PeriodRow("2024-03-06", new long[] {4, 40, 4}));
        assertThat(ledger.commits()).isEqualTo(6);
    }

    @Test
    void weeksFollowTheIsoWeekBasedYearAndComeOutAscending() {
        DayLedger ledger = new DayLedger();
        ledger.day(day("2021-01-04"), 1, 1, 0); // Monday of 2021_01
        ledger.day(day("2020-12-31"), 1, 2, 0); // Thursday of 2020_53
        ledger.day(day("2021-01-03"), 1, 4, 0); // Sunday of 2020_53
        ledger.day(day("2020-12-27"), 1, 8, 0); // Sunday of 2020_52

        assertThat(ledger.periods(LocalCalendar::weekKey, List.of())).containsExactly(
                new PeriodRow("2020_52", new long[] {1, 8, 0}),
                new PeriodRow("2020_53", new long[] {2, 6, 0}),
                new PeriodRow("2021_01", new long[] {1, 1, 0}));
    }

    @Test
    void monthsSumTheirDaysWithTheNamedMetricsAsked() {
        DayLedger ledger = new DayLedger();
        ledger.day(day("2024-01-31"), 1, 5, 1);
        ledger.add(day("2024-01-31"), "type_feat", 1);
        ledger.day(day("2024-02-01"), 2, 7, 2);
        ledger.add(day("2024-02-01"), "type_feat", 1);
        ledger.add(day("2024-02-01"), "type_fix", 1);
        ledger.day(day("2024-02-29"), 1, 3, 0);
        ledger.add(day("2024-02-29"), "type_fix", 1);
        ledger.add(day("2024-02-29"), "detected_dockerfile", 4); // not asked for

        assertThat(ledger.periods(LocalCalendar::monthKey, List.of("type_fix", "type_feat"))).containsExactly(
                new PeriodRow("2024_01", new long[] {1, 5, 1, 0, 1}),
                new PeriodRow("2024_02", new long[] {3, 10, 2, 2, 1}));
        assertThat(ledger.metricTotals()).containsOnly(entry("type_feat", 2L), entry("type_fix", 2L),
                entry("detected_dockerfile", 4L));
    }

    @Test
    void aDayWhoseCommitsWereAllRewrittenCountsNowhere() {
        DayLedger ledger = new DayLedger();
        ledger.day(day("2024-03-04"), 0, 0, 0); // a rollup row left at zero
        ledger.add(day("2024-03-04"), "type_feat", 0);
        ledger.day(day("2024-03-05"), 1, 2, 3);

        assertThat(ledger.activeDays()).containsExactly(day("2024-03-05"));
        assertThat(ledger.periods(LocalCalendar::dayKey, List.of("type_feat"))).containsExactly(
                new PeriodRow("2024-03-05", new long[] {1, 2, 3, 0}));
        List<Long> visited = new ArrayList<>();
        ledger.forEachActiveDay((d, commits, additions, deletions) -> visited.add(d));
        assertThat(visited).containsExactly(day("2024-03-05"));
    }

    @Test
    void languagesWithoutAnyLinesOrFilesAreLeftOutAndTheOthersSortByName() {
        DayLedger ledger = new DayLedger();
        ledger.language("Java", 10, 2, 1);
        ledger.language("Go", 0, 5, 1); // deletions only: still a language of the user
        ledger.language("Rust", 3, 0, 1);
        ledger.language("Rust", -3, 0, -1); // rewritten away

        assertThat(ledger.languages()).containsExactly(
                entry("Go", new LineCount(0, 5, 1)),
                entry("Java", new LineCount(10, 2, 1)));
    }

    @Test
    void anIncludedOutlierAddsOneFileOfItsLanguageAndItsLinesToItsDayButNoCommit() {
        DayLedger ledger = new DayLedger();
        ledger.day(day("2024-03-05"), 1, 4, 1);
        ledger.language("Java", 4, 1, 1);

        ledger.includeOutlier(day("2024-03-05"), "JSON", 900, 10);
        ledger.includeOutlier(day("2024-03-05"), "Java", 100, 0);

        assertThat(ledger.languages()).containsExactly(
                entry("JSON", new LineCount(900, 10, 1)),
                entry("Java", new LineCount(104, 1, 2)));
        assertThat(ledger.periods(LocalCalendar::dayKey, List.of())).containsExactly(
                new PeriodRow("2024-03-05", new long[] {1, 1004, 11}));
        assertThat(ledger.commits()).isEqualTo(1);
    }

    @Test
    void anEmptyLedgerHasNoPeriodsDaysOrLanguages() {
        DayLedger ledger = new DayLedger();

        assertThat(ledger.periods(LocalCalendar::monthKey, List.of("type_feat"))).isEmpty();
        assertThat(ledger.activeDays()).isEmpty();
        assertThat(ledger.languages()).isEmpty();
        assertThat(ledger.commits()).isZero();
    }
}
