package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** How many commits of each type had their type inferred rather than declared: stored, rolled up and read back. */
class InferredTypesTests {

    @DatabaseTest
    void inferredCountsFollowARewriteOfTheSameCommit(TestDatabase db) {
        Testbed t = new Testbed(db);
        // mined under older rules: no type; then under the current ones: a fix read from its wording
        t.store.writeBatch(t.repo, List.of(Facts.commit("a1").lang("Java", 3, 1).build()), null);
        assertThat(inferred(t.totals())).isEmpty();

        CommitFact inferredFix = Facts.commit("a1").type(CommitType.FIX).inferred().lang("Java", 3, 1).build();
        t.store.writeBatch(t.repo, List.of(inferredFix), null);
        t.store.writeBatch(t.repo, List.of(inferredFix), null);
        assertThat(inferred(t.totals())).containsExactly(Map.entry(CommitType.FIX, 1L));
        assertThat(t.totals().types()).containsEntry(CommitType.FIX, 1L).containsEntry(CommitType.OTHER, 0L);

        CommitFact declared = Facts.commit("a1").type(CommitType.FIX).lang("Java", 3, 1).build();
        t.store.writeBatch(t.repo, List.of(declared), null);
        assertThat(inferred(t.totals())).isEmpty();
        assertThat(t.totals()).isEqualTo(Testbed.expected(List.of(declared)));
        assertThat(db.jdbc().sql("SELECT SUM(inferred) FROM rollup_types").query(Long.class).single()).isZero();
    }

    @DatabaseTest
    void aCommitInAForkCountsOnceWhereverItsCopyCounts(TestDatabase db) {
        Testbed t = new Testbed(db);
        long fork = t.repository("fork");
        CommitFact shared = Facts.commit("s1").type(CommitType.FEAT).inferred().lang("Java", 10, 2).build();
        CommitFact own = Facts.commit("s2").type(CommitType.FEAT).lang("Java", 1, 0).build();
        t.store.writeBatch(fork, List.of(shared, own), null);
        t.store.writeBatch(t.repo, List.of(shared), null);

        assertThat(t.totals().types()).containsEntry(CommitType.FEAT, 2L);
        assertThat(inferred(t.totals())).containsExactly(Map.entry(CommitType.FEAT, 1L));
        // the original out of scope: the fork's copy counts, read from the facts rather than the rollups
        t.registry.setActive(t.repo, false);
        assertThat(inferred(t.totals())).containsExactly(Map.entry(CommitType.FEAT, 1L));
        t.registry.setActive(t.repo, true);
        t.store.deleteCommits(t.repo, List.of("s1"), null);
        assertThat(inferred(t.totals())).containsExactly(Map.entry(CommitType.FEAT, 1L));
        assertThat(t.totals()).isEqualTo(Testbed.expected(List.of(shared, own)));
    }

    @DatabaseTest
    void storedInferredCountsEqualTotalsBuildersOverTheSameFacts(TestDatabase db) {
        Testbed t = new Testbed(db);
        long fork = t.repository("fork");
        List<CommitFact> main = Facts.random(31, 400, Testbed.NOW, 3, "ada@example.com");
        List<CommitFact> forkFacts = new ArrayList<>(main.subList(0, 150));
        forkFacts.addAll(Facts.random(32, 80, Testbed.NOW, 3, "ada@example.com"));
        t.store.writeBatch(fork, forkFacts, null);
        t.store.writeBatch(t.repo, main, null);

        Totals expected = Testbed.expected(main, forkFacts);
        assertThat(inferred(expected)).as("the random facts have inferred types").isNotEmpty();
        assertThat(t.totals().inferredTypes()).isEqualTo(expected.inferredTypes());
        assertThat(t.totals()).isEqualTo(expected);
        long rolledUp = db.jdbc().sql("SELECT SUM(inferred) FROM rollup_types").query(Long.class).single();
        assertThat(rolledUp).isEqualTo(expected.inferredTypes().values().stream().mapToLong(Long::longValue).sum());
    }

    /** The types with inferred commits. */
    private static Map<CommitType, Long> inferred(Totals totals) {
        Map<CommitType, Long> out = new java.util.EnumMap<>(CommitType.class);
        totals.inferredTypes().forEach((type, n) -> {
            if (n != 0) {
                out.put(type, n);
            }
        });
        return out;
    }
}
