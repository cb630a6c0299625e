package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

class StatsQueriesTests {

    @DatabaseTest
    void totalsInSqlEqualTotalsBuilderOverTheSameFacts(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.accounts.addIdentities(t.user, java.util.List.of("ADA@work.example"));
        long fork = t.repository("fork");
        List<CommitFact> main = Facts.random(11, 600, Testbed.NOW, 3, "ada@example.com", "Ada@Work.Example");
        List<CommitFact> forkFacts = new ArrayList<>(main.subList(0, 200));
        forkFacts.addAll(Facts.random(12, 100, Testbed.NOW, 3, "ada@example.com"));
        List<CommitFact> strangers = Facts.random(13, 50, Testbed.NOW, 3, "eve@example.com");
        t.store.writeBatch(t.repo, main, null);
        t.store.writeBatch(fork, forkFacts, null);
        t.store.writeBatch(t.repo, strangers, null);

        Totals totals = t.totals();
        assertThat(totals).isEqualTo(Testbed.expected(main, forkFacts));
        assertThat(totals.commits()).isEqualTo(700);
    }

    @DatabaseTest
    void aCommitInAForkCountsOnce(TestDatabase db) {
        Testbed t = new Testbed(db);
        long fork = t.repository("fork");
        CommitFact shared = Facts.commit("s1").lang("Java", 10, 2).build();
        CommitFact own = Facts.commit("s2").at("2024-03-06T10:00:00Z").lang("Java", 1, 0).build();
        t.store.writeBatch(t.repo, List.of(shared), null);
        t.store.writeBatch(fork, List.of(shared, own), null);

        UserStats stats = t.stats();
        assertThat(stats.totals().commits()).isEqualTo(2);
        assertThat(stats.totals().additions()).isEqualTo(11);
        assertThat(stats.repositories()).containsExactly(new RepositoryShare(t.repo, 1, 10, 2),
                new RepositoryShare(fork, 1, 1, 0));

        t.registry.setActive(t.repo, false);
        assertThat(t.stats().repositories()).containsExactly(new RepositoryShare(fork, 2, 11, 2));
    }

    @DatabaseTest
    void aForkCollectedBeforeItsOriginalStillCountsEachCommitOnce(TestDatabase db) {
        Testbed t = new Testbed(db);
        long fork = t.repository("fork");
        List<CommitFact> original = Facts.random(21, 80, Testbed.NOW, 1, "ada@example.com");
        t.store.writeBatch(fork, original, null);
        t.store.writeBatch(t.repo, original.subList(0, 50), null);
        assertThat(t.totals()).isEqualTo(Testbed.expected(original));
        assertThat(t.stats().repositories()).extracting(RepositoryShare::commits).containsExactly(50L, 30L);
        // writing either repository again changes nothing
        t.store.writeBatch(fork, original, null);
        t.store.writeBatch(t.repo, original.subList(0, 50), null);
        assertThat(t.totals()).isEqualTo(Testbed.expected(original));
        assertThat(t.stats().repositories()).extracting(RepositoryShare::commits).containsExactly(50L, 30L);

        // a force-push removes ten commits from the original: the fork's copies count again
        t.store.deleteCommits(t.repo, original.subList(0, 10).stream().map(CommitFact::sha).toList(), null);
        assertThat(t.totals()).isEqualTo(Testbed.expected(original));
        assertThat(t.stats().repositories()).extracting(RepositoryShare::commits).containsExactly(40L, 40L);
    }

    @DatabaseTest
    void onlyTheUsersIdentitiesCountMatchedCaseInsensitively(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.store.writeBatch(t.repo, List.of(Facts.commit("c1").by("ADA@Example.com").lang("Java", 3, 0).build(),
                Facts.commit("c2").by("eve@example.com").lang("Java", 100, 0).build()), null);
        assertThat(t.totals().commits()).isEqualTo(1);
        assertThat(t.totals().additions()).isEqualTo(3);
    }

    @DatabaseTest
    void aUserWithoutRepositoriesHasEmptyStats(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.registry.setActive(t.repo, false);
        UserStats stats = t.stats();
        assertThat(stats.totals()).isEqualTo(Totals.empty());
        assertThat(stats.days()).isEmpty();
        assertThat(stats.activity()).isEqualTo(new Activity(0, 0, 0));
    }

    @DatabaseTest
    void seriesGroupByTheCommitsOwnCalendar(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.store.writeBatch(t.repo, List.of(
                // 23:30 in Berlin is already the next day in UTC; it belongs to the author's 31 December
                Facts.commit("d1").at("2020-12-31T23:30:00+01:00").lang("Java", 1, 1).build(),
                // 3 January 2021 is a Sunday, in ISO week 53 of 2020
                Facts.commit("d2").at("2021-01-03T09:00:00-08:00").lang("Java", 2, 0).build(),
                Facts.commit("d3").at("2021-01-04T09:00:00Z").lang("Java", 4, 0).build(),
                Facts.commit("d4").at("2021-01-04T18:00:00Z").lang("Java", 8, 0).build()), null);

        UserStats stats = t.stats();
        assertThat(stats.days()).containsExactly(new Period("2020-12-31", 1, 1, 1), new Period("2021-01-03", 1, 2, 0),
                new Period("2021-01-04", 2, 12, 0));
        assertThat(stats.weeks()).containsExactly(new Period("2020_53", 2, 3, 1), new Period("2021_01", 2, 12, 0));
        assertThat(stats.months()).containsExactly(new Period("2020_12", 1, 1, 1), new Period("2021_01", 3, 14, 0));
    }

    @DatabaseTest
    void punchCardUsesTheCommitsOwnTimeZone(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.store.writeBatch(t.repo, List.of(
                Facts.commit("p1").at("2024-03-04T09:15:00+05:30").build(),    // Monday 9h local, 3h45 UTC
                Facts.commit("p2").at("2024-03-04T09:59:00-07:00").build(),    // Monday 9h local
                Facts.commit("p3").at("2024-03-10T23:59:00+14:00").build()),   // Sunday 23h local
                null);
        PunchCard card = t.stats().punchCard();
        assertThat(card.count(DayOfWeek.MONDAY, 9)).isEqualTo(2);
        assertThat(card.count(DayOfWeek.SUNDAY, 23)).isEqualTo(1);
        assertThat(card.cells().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }

    @DatabaseTest
    void streaksCountConsecutiveActiveDays(TestDatabase db) {
        Testbed t = new Testbed(db); // now is 2024-06-15 12:00 UTC
        List<CommitFact> facts = new ArrayList<>();
        for (String day : List.of("2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-10",
                "2024-06-13", "2024-06-14")) {
            facts.add(Facts.commit("k" + day).at(day + "T10:00:00Z").build());
            facts.add(Facts.commit("k2" + day).at(day + "T11:00:00Z").build());
        }
        t.store.writeBatch(t.repo, facts, null);
        assertThat(t.stats().activity()).as("yesterday keeps the streak alive").isEqualTo(new Activity(7, 4, 2));

        t.store.writeBatch(t.repo, List.of(Facts.commit("today").at("2024-06-15T08:00:00Z").build()), null);
        assertThat(t.stats().activity()).isEqualTo(new Activity(8, 4, 3));

        // "today" is in the user's time zone: at 12:00 UTC it is already 16 June on Kiritimati (UTC+14), so a streak
        // ending on 14 June is over there, while it is alive for a user in UTC
        Testbed kiribati = new Testbed(db, ZoneId.of("Pacific/Kiritimati"), "kiri");
        kiribati.store.writeBatch(kiribati.repo, List.of(
                Facts.commit("j1").by("kiri@example.com").at("2024-06-13T10:00:00Z").build(),
                Facts.commit("j2").by("kiri@example.com").at("2024-06-14T10:00:00Z").build()), null);
        assertThat(kiribati.stats().activity()).isEqualTo(new Activity(2, 2, 0));
    }

    @DatabaseTest
    void keyMetricsCompareEachWindowWithTheOneBefore(TestDatabase db) {
        Testbed t = new Testbed(db); // today is 2024-06-15
        t.store.writeBatch(t.repo, List.of(
                Facts.commit("m1").at("2024-06-15T08:00:00Z").type(CommitType.FEAT).lang("Java", 10, 1).build(),
                Facts.commit("m2").at("2024-06-09T08:00:00Z").type(CommitType.FIX).lang("Java", 20, 2)
                        .tool(DetectionKind.DOCKERFILE, "Dockerfile").build(),
                Facts.commit("m3").at("2024-06-08T08:00:00Z").type(CommitType.FEAT).lang("Go", 40, 4).build(),
                Facts.commit("m4").at("2024-03-01T08:00:00Z").type(CommitType.FEAT).lang("Java", 80, 8).build(),
                Facts.commit("m5").at("2023-06-01T08:00:00Z").type(CommitType.FEAT).lang("Java", 160, 16).build(),
                Facts.commit("m6").at("2021-01-01T08:00:00Z").type(CommitType.FIX).lang("Java", 320, 32).build()),
                null);

        Map<String, KeyMetric> m = t.stats().keyMetrics().stream()
                .collect(Collectors.toMap(KeyMetric::metric, Function.identity()));
        // 1w = 9..15 June, the week before = 2..8 June; 13w = from 17 March; 52w = from 18 June 2023
        assertThat(m.get("commits")).isEqualTo(new KeyMetric("commits", 6, new Trend(4, 1), new Trend(3, 1),
                new Trend(2, 1)));
        assertThat(m.get("additions").last1w()).isEqualTo(new Trend(30, 40));
        assertThat(m.get("additions").last13w()).isEqualTo(new Trend(70, 80));
        assertThat(m.get("additions").last52w()).isEqualTo(new Trend(150, 160));
        assertThat(m.get("additions").total()).isEqualTo(630);
        assertThat(m.get("deletions").last1w()).isEqualTo(new Trend(3, 4));
        assertThat(m.get("language:Java").last1w()).isEqualTo(new Trend(30, 0));
        assertThat(m.get("language:Go").last1w()).isEqualTo(new Trend(0, 40));
        assertThat(m.get("type:feat")).isEqualTo(new KeyMetric("type:feat", 4, new Trend(3, 1), new Trend(2, 1),
                new Trend(1, 1)));
        assertThat(m.get("type:fix").total()).isEqualTo(2);
        assertThat(m.get("detector:dockerfile").last1w()).isEqualTo(new Trend(1, 0));
        assertThat(m.get("detector:dockerfile").last1w().relativeChange()).isNull();
        assertThat(m.get("additions").last1w().relativeChange()).isEqualTo(-0.25);
    }

    @DatabaseTest
    void includingAnOutlierMovesItsLinesFromBulkIntoItsLanguageEverywhere(TestDatabase db) {
        Testbed t = new Testbed(db);
        long fork = t.repository("fork");
        CommitFact f = Facts.commit("o1").at("2024-06-14T10:00:00Z").lang("Java", 10, 0)
                .outlier("data/seed.sql", "SQL", 3000, 100).outlier("vendor/blob.json", "JSON", 9000, 0).build();
        t.store.writeBatch(t.repo, List.of(f), null);
        t.store.writeBatch(fork, List.of(f), null);

        List<Outlier> outliers = t.review.outliers(t.user);
        assertThat(outliers).extracting(Outlier::path).containsExactly("vendor/blob.json", "data/seed.sql");
        assertThat(outliers).allSatisfy(o -> {
            assertThat(o.repositoryId()).isEqualTo(t.repo);
            assertThat(o.repositoryName()).isEqualTo("main");
            assertThat(o.included()).isFalse();
        });
        UserStats before = t.stats();
        assertThat(before.totals().excluded().get(ExclusionBucket.BULK)).isEqualTo(new LineCount(12_000, 100, 2));

        t.review.decide(t.user, "o1", "data/seed.sql", true);

        UserStats after = t.stats();
        assertThat(after.totals().additions()).isEqualTo(3010);
        assertThat(after.totals().deletions()).isEqualTo(100);
        assertThat(after.totals().languages().get("SQL")).isEqualTo(new LineCount(3000, 100, 1));
        assertThat(after.totals().excluded().get(ExclusionBucket.BULK)).isEqualTo(new LineCount(9000, 0, 1));
        assertThat(after.totals().rawAdditions()).isEqualTo(before.totals().rawAdditions());
        assertThat(after.days()).containsExactly(new Period("2024-06-14", 1, 3010, 100));
        assertThat(after.repositories()).containsExactly(new RepositoryShare(t.repo, 1, 3010, 100));
        KeyMetric sql = after.keyMetrics().stream().filter(k -> k.metric().equals("language:SQL")).findFirst().orElseThrow();
        assertThat(sql.last1w()).isEqualTo(new Trend(3000, 0));
        assertThat(t.review.outliers(t.user)).filteredOn(Outlier::included).extracting(Outlier::path)
                .containsExactly("data/seed.sql");

        t.review.decide(t.user, "o1", "data/seed.sql", false);
        assertThat(t.stats()).isEqualTo(before);
    }
    @DatabaseTest
    void periodTableColumnsSumToTheTotalsWithForksOrphansAndIncludedOutliers(TestDatabase db) {
        Testbed t = new Testbed(db);
        long fork = t.repository("fork");
        long other = t.repository("other");
        List<CommitFact> main = Facts.random(31, 200, Testbed.NOW, 3, "ada@example.com");
        List<CommitFact> forkFacts = new ArrayList<>(main.subList(0, 120));
        forkFacts.addAll(Facts.random(32, 40, Testbed.NOW, 3, "ada@example.com"));
        List<CommitFact> otherFacts = new ArrayList<>(Facts.random(33, 100, Testbed.NOW, 3, "ada@example.com"));
        otherFacts.add(Facts.commit("o1").at("2024-06-14T10:00:00Z").lang("Java", 10, 0)
                .outlier("data/seed.sql", "SQL", 3000, 100).build());
        otherFacts.addAll(forkFacts.subList(100, 140)); // copies of both
        t.store.writeBatch(t.repo, main, null);
        t.store.writeBatch(fork, forkFacts, null);
        t.store.writeBatch(other, otherFacts, null);
        t.review.decide(t.user, "o1", "data/seed.sql", true);
        t.registry.setActive(t.repo, false); // the fork's copies of main's commits are orphaned: they count after all

        UserStats stats = t.stats();
        Totals totals = stats.totals();
        assertThat(totals.languages()).containsKey("SQL");
        for (String period : List.of(PeriodTable.DAY, PeriodTable.WEEK, PeriodTable.MONTH)) {
            PeriodTable table = t.queries.periodTable(t.user, period);
            Map<String, Long> sums = sums(table);
            assertThat(sums.get("commits")).isEqualTo(totals.commits());
            assertThat(sums.get("additions")).isEqualTo(totals.additions());
            assertThat(sums.get("deletions")).isEqualTo(totals.deletions());
            totals.languages().forEach((l, c) -> assertThat(sums.get("additions_" + l)).as(l).isEqualTo(c.additions()));
            totals.types().forEach((type, n) -> assertThat(sums.getOrDefault("type_" + type.jsonName(), 0L))
                    .as(type.jsonName()).isEqualTo(n));
            for (KeyMetric k : stats.keyMetrics()) {
                if (k.metric().startsWith("detector:")) {
                    assertThat(sums.getOrDefault("detected_" + k.metric().substring(9), 0L)).as(k.metric())
                            .isEqualTo(k.total());
                }
            }
            List<Period> series = switch (period) {
                case PeriodTable.DAY -> stats.days();
                case PeriodTable.WEEK -> stats.weeks();
                default -> stats.months();
            };
            assertThat(table.rows()).extracting(r -> new Period(r.key(), r.value(0), r.value(1), r.value(2)))
                    .containsExactlyElementsOf(series);
        }
    }

    @DatabaseTest
    void periodTableOfAUserWithoutCommitsHasTheBasicColumnsAndNoRows(TestDatabase db) {
        Testbed t = new Testbed(db);
        PeriodTable table = t.queries.periodTable(t.user, PeriodTable.WEEK);
        assertThat(table.metrics()).containsExactly("commits", "additions", "deletions");
        assertThat(table.rows()).isEmpty();
    }

    private static Map<String, Long> sums(PeriodTable table) {
        Map<String, Long> sums = new java.util.HashMap<>();
        for (PeriodRow row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                sums.merge(table.metrics().get(i), row.value(i), Long::sum);
            }
        }
        return sums;
    }
}
