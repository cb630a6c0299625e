package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.commitstats.accounts.UnknownUserException;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** The outlier review use case on both databases: files named by their IDs, decided all or nothing. */
class OutlierReviewTests {

    static final String A = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
    static final String B = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    private static Testbed withOutliers(TestDatabase db) {
        Testbed t = new Testbed(db);
        List<CommitFact> facts = List.of(
                Facts.commit(A).at("2024-06-14T10:00:00Z").lang("Java", 10, 0)
                        .outlier("db/seed.sql", "SQL", 3000, 0).build(),
                Facts.commit(B).at("2024-06-13T10:00:00Z").lang("Java", 5, 0)
                        .outlier("data/fixtures.json", "JSON", 2200, 0).build());
        t.store.writeBatch(t.repo, facts, null);
        return t;
    }

    @DatabaseTest
    void listsTheFilesWithTheirIds(TestDatabase db) {
        Testbed t = withOutliers(db);
        OutlierReview.Listing listing = t.review.list("ada");
        assertThat(listing.user().id()).isEqualTo(t.user);
        assertThat(listing.files()).extracting(listing.ids()::id)
                .containsExactly("1a2b3c4:db/seed.sql", "9f8e7d6:data/fixtures.json");
    }

    @DatabaseTest
    void decisionsApplyTogetherAndReportTheTotalsBeforeAndAfter(TestDatabase db) {
        Testbed t = withOutliers(db);
        t.review.decide(t.user, B, "data/fixtures.json", true);

        OutlierReview.Decisions d = t.review.decide("ada", List.of("1a2b:db/seed.sql"), List.of("9f8e7d6:data/fixtures.json"));
        assertThat(d.decisions()).extracting(OutlierReview.Decision::id, OutlierReview.Decision::included,
                        OutlierReview.Decision::changed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1a2b3c4:db/seed.sql", true, true),
                        org.assertj.core.groups.Tuple.tuple("9f8e7d6:data/fixtures.json", false, true));
        assertThat(d.before().additions()).isEqualTo(15 + 2200);
        assertThat(d.after().additions()).isEqualTo(15 + 3000);
        assertThat(d.after().excluded().get(ExclusionBucket.BULK)).isEqualTo(new LineCount(2200, 0, 1));
        assertThat(t.totals()).isEqualTo(d.after());
    }

    @DatabaseTest
    void oneBadIdChangesNothing(TestDatabase db) {
        Testbed t = withOutliers(db);
        var before = t.totals();
        assertThatThrownBy(() -> t.review.decide("ada", List.of("1a2b3c4:db/seed.sql", "deadbee:nothing.sql"), List.of()))
                .isInstanceOfSatisfying(UseCaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND))
                .hasMessageContaining("nothing changed");
        assertThatThrownBy(() -> t.review.decide("ada", List.of("1a2b3c4:db/seed.sql"), List.of("1a2b:db/seed.sql")))
                .isInstanceOf(UseCaseException.class).hasMessageContaining("both to include and to exclude");
        assertThatThrownBy(() -> t.review.decide("ada", List.of("seed.sql"), List.of()))
                .isInstanceOf(UseCaseException.class).hasMessageContaining("not an outlier ID");
        assertThat(t.totals()).isEqualTo(before);
        assertThat(t.review.outliers(t.user)).noneMatch(Outlier::included);
    }

    @DatabaseTest
    void anUnknownUserIsNotFound(TestDatabase db) {
        Testbed t = withOutliers(db);
        assertThatThrownBy(() -> t.review.list("nobody")).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> t.review.decide("nobody", List.of(), List.of("1a2b3c4:db/seed.sql")))
                .isInstanceOf(UnknownUserException.class);
    }
}
