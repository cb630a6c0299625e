package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.repos.RepositoryCursor;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

class CommitFactStoreTests {

    private static final Instant END = Instant.parse("2024-06-01T00:00:00Z");

    @DatabaseTest
    void storesFactsAndTheCursorTogether(TestDatabase db) {
        Testbed t = new Testbed(db);
        List<CommitFact> facts = Facts.random(1, 120, END, 2, "ada@example.com");
        RepositoryCursor cursor = new RepositoryCursor(facts.get(0).sha(), facts.get(0).committerTime(), true,
                RepositoryStatus.UP_TO_DATE);
        t.store.writeBatch(t.repo, facts, cursor);

        assertThat(t.store.countCommits(t.repo)).isEqualTo(120);
        assertThat(t.store.storedShas(t.repo)).containsExactlyInAnyOrderElementsOf(facts.stream().map(CommitFact::sha).toList());
        assertThat(t.registry.cursor(t.repo)).isEqualTo(cursor);
        assertThat(t.totals()).isEqualTo(Testbed.expected(facts));
    }

    @DatabaseTest
    void writingTheSameBatchTwiceChangesNothing(TestDatabase db) {
        Testbed t = new Testbed(db);
        List<CommitFact> facts = Facts.random(2, 300, END, 3, "ada@example.com");
        t.store.writeBatch(t.repo, facts, null);
        Totals once = t.totals();
        long languages = t.rows("commit_languages");
        long detections = t.rows("commit_detections");

        t.store.writeBatch(t.repo, facts, null);

        assertThat(t.totals()).isEqualTo(once).isEqualTo(Testbed.expected(facts));
        assertThat(t.store.countCommits(t.repo)).isEqualTo(300);
        assertThat(t.rows("commit_languages")).isEqualTo(languages);
        assertThat(t.rows("commit_detections")).isEqualTo(detections);
    }

    @DatabaseTest
    void aFactWrittenAgainReplacesItsChildRows(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.store.writeBatch(t.repo, List.of(Facts.commit("a1").lang("Java", 10, 1).lang("SQL", 5, 0)
                .tool(DetectionKind.DOCKERFILE, "Dockerfile").excluded(ExclusionBucket.VENDORED, 100, 0).build()), null);
        CommitFact rewritten = Facts.commit("a1").type(CommitType.FIX).lang("Java", 7, 0).build();
        t.store.writeBatch(t.repo, List.of(rewritten), null);

        assertThat(t.totals()).isEqualTo(Testbed.expected(List.of(rewritten)));
        assertThat(t.rows("commit_languages")).isEqualTo(1);
        assertThat(t.rows("commit_detections")).isZero();
        assertThat(t.rows("commit_exclusions")).isZero();
    }

    @DatabaseTest
    void aBatchThatFailsHalfWayLeavesThePreviousStateAndARerunFinishesIt(TestDatabase db) {
        Testbed t = new Testbed(db);
        List<CommitFact> first = Facts.random(3, 400, END, 2, "ada@example.com");
        RepositoryCursor before = new RepositoryCursor(first.get(0).sha(), first.get(0).committerTime(), false,
                RepositoryStatus.COLLECTING);
        t.store.writeBatch(t.repo, first, before);
        Totals totalsBefore = t.totals();
        long languagesBefore = t.rows("commit_languages");

        // the second batch rewrites half of the first (as after a rule change) and adds new commits
        List<CommitFact> second = new ArrayList<>(Facts.random(4, 400, END, 2, "ada@example.com"));
        first.subList(0, 200).forEach(f -> second.add(Facts.commit(f.sha()).at(f.authorLocalTime())
                .type(CommitType.CHORE).lang("Go", 1, 1).build()));
        RepositoryCursor after = new RepositoryCursor(second.get(0).sha(), second.get(0).committerTime(), true,
                RepositoryStatus.UP_TO_DATE);
        AtomicInteger rows = new AtomicInteger();
        CommitFactStore crashing = new CommitFactStore(db.dataSource(), t.registry, (table, n) -> {
            if (rows.addAndGet(n) > 700) {
                throw new IllegalStateException("simulated crash after " + rows + " rows, in " + table);
            }
        });
        assertThatThrownBy(() -> crashing.writeBatch(t.repo, second, after)).hasMessageContaining("simulated crash");
        assertThat(rows.get()).as("the crash came in the middle of the batch").isGreaterThan(600);

        assertThat(t.totals()).isEqualTo(totalsBefore);
        assertThat(t.store.countCommits(t.repo)).isEqualTo(400);
        assertThat(t.rows("commit_languages")).isEqualTo(languagesBefore);
        assertThat(t.registry.cursor(t.repo)).isEqualTo(before);

        t.store.writeBatch(t.repo, second, after);
        List<CommitFact> clean = new ArrayList<>(second);
        clean.addAll(first.subList(200, 400));
        assertThat(t.totals()).isEqualTo(Testbed.expected(clean));
        assertThat(t.registry.cursor(t.repo)).isEqualTo(after);
    }

    @DatabaseTest
    void deletingCommitsForAForcePushUpdatesTotalsAndCursor(TestDatabase db) {
        Testbed t = new Testbed(db);
        List<CommitFact> facts = Facts.random(5, 50, END, 1, "ada@example.com");
        t.store.writeBatch(t.repo, facts, null);
        List<String> gone = facts.subList(40, 50).stream().map(CommitFact::sha).toList();
        RepositoryCursor cursor = new RepositoryCursor(facts.get(39).sha(), facts.get(39).committerTime(), true,
                RepositoryStatus.UP_TO_DATE);

        t.store.deleteCommits(t.repo, gone, cursor);

        assertThat(t.store.countCommits(t.repo)).isEqualTo(40);
        assertThat(t.store.storedShas(t.repo)).doesNotContainAnyElementsOf(gone);
        assertThat(t.totals()).isEqualTo(Testbed.expected(facts.subList(0, 40)));
        assertThat(t.registry.cursor(t.repo)).isEqualTo(cursor);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM commit_languages WHERE sha IN (:s)").param("s", gone)
                .query(Long.class).single()).isZero();
    }

    @DatabaseTest
    void removingARepositoryRemovesItsFacts(TestDatabase db) {
        Testbed t = new Testbed(db);
        t.store.writeBatch(t.repo, Facts.random(6, 30, END, 1, "ada@example.com"), null);
        db.jdbc().sql("DELETE FROM repositories WHERE id = :id").param("id", t.repo).update();
        assertThat(t.rows("commit_facts")).isZero();
        assertThat(t.rows("commit_languages")).isZero();
    }

    @DatabaseTest
    void anIncludedOutlierStaysIncludedWhenItsCommitIsWrittenAgain(TestDatabase db) {
        Testbed t = new Testbed(db);
        CommitFact f = Facts.commit("b1").lang("Java", 10, 0).outlier("data/big.csv", "CSV", 5000, 0).build();
        t.store.writeBatch(t.repo, List.of(f), null);
        t.review.decide(t.user, "b1", "data/big.csv", true);
        t.store.writeBatch(t.repo, List.of(f), null);
        assertThat(t.review.outliers(t.user)).singleElement().extracting(Outlier::included).isEqualTo(true);
        assertThat(t.totals().additions()).isEqualTo(5010);
    }

    @DatabaseTest
    void anIncludedOutlierStaysIncludedWhenAnotherOfTheOwnersRepositoriesReceivesTheCommit(TestDatabase db) {
        Testbed t = new Testbed(db);
        long upstream = t.repo;
        long fork = t.repository("fork");
        CommitFact f = Facts.commit("b1").lang("Java", 10, 0).outlier("data/big.csv", "CSV", 5000, 0).build();
        t.store.writeBatch(fork, List.of(f), null);
        t.review.decide(t.user, "b1", "data/big.csv", true);
        // the upstream (lower id, so its copy is the one counted) is collected after the decision
        t.store.writeBatch(upstream, List.of(f), null);

        assertThat(t.review.outliers(t.user)).singleElement().satisfies(o -> {
            assertThat(o.repositoryId()).isEqualTo(upstream);
            assertThat(o.included()).isTrue();
        });
        assertThat(t.totals().additions()).isEqualTo(5010);
        t.registry.setActive(fork, false);
        assertThat(t.review.outliers(t.user)).singleElement().extracting(Outlier::included).isEqualTo(true);
        assertThat(t.totals().additions()).isEqualTo(5010);
    }
}
