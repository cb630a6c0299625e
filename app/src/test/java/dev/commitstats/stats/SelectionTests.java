package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/**
 * A selection of a user's numbers (what a named CV counts), on both databases: every aggregate equals TotalsBuilder's
 * over exactly the selected repositories, emails and days, each commit once, with forks whose original is left out.
 */
class SelectionTests {

    private static final LocalDate FROM = LocalDate.parse("2022-09-01");
    private static final LocalDate TO = LocalDate.parse("2023-12-31");

    /** main (two emails), a fork holding 200 of main's commits and its own, and an infrastructure repository. */
    private record History(Testbed t, long fork, long infra, List<CommitFact> main, List<CommitFact> forkFacts,
            List<CommitFact> infraFacts) {
    }

    private static History history(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.accounts.addIdentities(t.user, List.of("ada@work.example"));
        long fork = t.repository("fork");
        long infra = t.repository("infra");
        List<CommitFact> main = Facts.random(31, 500, Testbed.NOW, 3, "ada@example.com", "ada@work.example");
        List<CommitFact> forkFacts = new ArrayList<>(main.subList(0, 200));
        forkFacts.addAll(Facts.random(32, 120, Testbed.NOW, 3, "ada@example.com", "ada@work.example"));
        List<CommitFact> infraFacts = Facts.random(33, 150, Testbed.NOW, 3, "ada@work.example", "eve@example.com");
        t.store.writeBatch(t.repo, main, null);
        t.store.writeBatch(fork, forkFacts, null);
        t.store.writeBatch(infra, infraFacts, null);
        return new History(t, fork, infra, main, forkFacts, infraFacts);
    }

    private static LocalDate localDay(CommitFact f) {
        return f.authorTime().atOffset(ZoneOffset.ofTotalSeconds(f.authorOffsetMinutes() * 60)).toLocalDate();
    }

    private static List<CommitFact> where(Predicate<CommitFact> keep, List<CommitFact> facts) {
        return facts.stream().filter(keep).toList();
    }

    @DatabaseTest
    void theDefaultSelectionIsTheUsersWholeStats(TestDatabase db) {
        History h = history(db);
        assertThat(Selection.ALL.isAll()).isTrue();
        assertThat(h.t().queries.userStats(h.t().user, Selection.ALL, Testbed.NOW)).isEqualTo(h.t().stats());
        assertThat(h.t().queries.periodTable(h.t().user, Selection.ALL, PeriodTable.MONTH).rows())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(h.t().queries.periodTable(h.t().user, PeriodTable.MONTH).rows());
    }

    @DatabaseTest
    void everyAggregateFollowsTheSelectedRepositoriesEmailsAndDays(TestDatabase db) {
        History h = history(db);
        // the fork without main: its copies of main's commits count in it; one email; a closed period
        Selection selection = new Selection(Set.of(h.fork(), h.infra()), Set.of(), Set.of("Ada@Work.Example"), FROM,
                TO);
        Predicate<CommitFact> kept = f -> f.authorEmail().equals("ada@work.example")
                && !localDay(f).isBefore(FROM) && !localDay(f).isAfter(TO);
        List<CommitFact> forkKept = where(kept, h.forkFacts());
        List<CommitFact> infraKept = where(kept, h.infraFacts());
        UserStats stats = h.t().queries.userStats(h.t().user, selection, Testbed.NOW);

        assertThat(stats.totals()).isEqualTo(Testbed.expected(forkKept, infraKept));
        assertThat(stats.totals().commits()).isGreaterThan(20);
        assertThat(stats.repositories()).extracting(RepositoryShare::repositoryId)
                .containsExactly(h.fork(), h.infra());
        assertThat(stats.repositories()).extracting(RepositoryShare::commits)
                .containsExactly((long) forkKept.size(), (long) infraKept.size());
        assertThat(stats.days()).allSatisfy(d -> assertThat(LocalDate.parse(d.key())).isBetween(FROM, TO));
        assertThat(stats.days().stream().mapToLong(Period::commits).sum()).isEqualTo(stats.totals().commits());
        assertThat(stats.punchCard().cells().stream().mapToLong(Long::longValue).sum())
                .as("the punch card, read from the facts within a period").isEqualTo(stats.totals().commits());
        assertThat(stats.activity().activeDays()).isEqualTo(stats.days().size());

        // a period that ended reads as on its last day: the last 52 weeks are the 364 days up to TO
        long lastYear = java.util.stream.Stream.concat(forkKept.stream(), infraKept.stream())
                .filter(f -> localDay(f).isAfter(TO.minusDays(364))).count();
        assertThat(stats.keyMetrics()).filteredOn(k -> k.metric().equals("commits")).singleElement()
                .satisfies(k -> assertThat(k.last52w().current()).isEqualTo(lastYear));

        PeriodTable months = h.t().queries.periodTable(h.t().user, selection, PeriodTable.MONTH);
        assertThat(months.rows().stream().mapToLong(r -> r.value(0)).sum()).isEqualTo(stats.totals().commits());
        assertThat(months.rows()).extracting(PeriodRow::key).allSatisfy(k -> assertThat(k).isBetween("2022_09",
                "2023_12"));

        RepositoryProfiles profiles = new RepositoryProfiles(db.dataSource(), h.t().accounts, h.t().registry);
        assertThat(profiles.of(h.t().user, selection)).containsOnlyKeys(h.fork(), h.infra())
                .allSatisfy((id, p) -> {
                    assertThat(p.firstDay()).isAfterOrEqualTo(FROM);
                    assertThat(p.lastDay()).isBeforeOrEqualTo(TO);
                });
    }

    @DatabaseTest
    void aHiddenRepositoryLeavesEveryTotal(TestDatabase db) {
        History h = history(db);
        Selection selection = new Selection(null, Set.of(h.infra()), null, null, null);
        UserStats stats = h.t().queries.userStats(h.t().user, selection, Testbed.NOW);
        assertThat(stats.totals()).isEqualTo(Testbed.expected(h.main(), h.forkFacts()));
        assertThat(stats.repositories()).extracting(RepositoryShare::repositoryId)
                .containsExactly(h.t().repo, h.fork());
        // only one bound: everything since that day
        Selection since = new Selection(null, Set.of(), null, FROM, null);
        Predicate<CommitFact> kept = f -> !localDay(f).isBefore(FROM) && !f.authorEmail().equals("eve@example.com");
        assertThat(h.t().queries.userStats(h.t().user, since, Testbed.NOW).totals()).isEqualTo(Testbed.expected(
                where(kept, h.main()), java.util.stream.Stream.concat(where(kept, h.forkFacts()).stream(),
                        where(kept, h.infraFacts()).stream()).toList()));
    }

    @DatabaseTest
    void aSelectionOfNothingOfTheUsersCountsNothing(TestDatabase db) {
        History h = history(db);
        assertThat(h.t().queries.userStats(h.t().user, new Selection(Set.of(999L), Set.of(), null, null, null),
                Testbed.NOW).totals().commits()).isZero();
        assertThat(h.t().queries.userStats(h.t().user, new Selection(null, Set.of(), Set.of("eve@example.com"),
                null, null), Testbed.NOW).totals().commits()).as("an email that is not the user's").isZero();
        assertThatThrownBy(() -> new Selection(null, Set.of(), null, TO, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after its end");
    }
}
