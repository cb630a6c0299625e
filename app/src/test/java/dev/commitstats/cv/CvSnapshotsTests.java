package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.commitstats.collection.CollectionTrigger;
import dev.commitstats.collection.RepositoryCollected;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** Public CV snapshots on both databases: built once, read back equal, rebuilt when the numbers change. */
class CvSnapshotsTests {

    private static CvSnapshots snapshots(CvDocumentsTests.Setup s, TestDatabase db) {
        return new CvSnapshots(db.dataSource(), s.accounts(), s.documents(), s.clock(), Duration.ofHours(1));
    }

    private static long snapshotRows(TestDatabase db) {
        return db.jdbc().sql("SELECT COUNT(*) FROM cv_snapshots").query(Long.class).single();
    }

    @DatabaseTest
    void anUnpublishedOrUnknownUserHasNoPublicCv(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        CvSnapshots snapshots = snapshots(s, db);
        assertThat(snapshots.published("ada")).isEmpty();
        assertThat(snapshots.published("nobody")).isEmpty();
        assertThat(snapshotRows(db)).as("nothing is computed for them").isZero();
    }

    @DatabaseTest
    void aPublishedCvIsBuiltOnceAndReadBackEqual(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        s.accounts().setPublished(s.user(), true);
        CvSnapshots snapshots = snapshots(s, db);
        CvDocument built = snapshots.published("ada").orElseThrow();
        assertThat(built.audience()).isEqualTo(CvDocument.Audience.PUBLIC);
        assertThat(built.repositories()).allMatch(CvDocument.CvRepository::masked);
        assertThat(snapshotRows(db)).isOne();

        // another instance reads the stored document: equal to the one built, field by field
        CvDocument read = snapshots(s, db).published("ada").orElseThrow();
        assertThat(read).isEqualTo(built);
        assertThat(read.totals()).isEqualTo(built.totals());
        assertThat(read.months()).isEqualTo(built.months());
    }

    @DatabaseTest
    void aCollectionThatChangedTheNumbersMakesTheNextReadRebuild(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        s.accounts().setPublished(s.user(), true);
        CvSnapshots snapshots = snapshots(s, db);
        assertThat(snapshots.published("ada").orElseThrow().totals().commits()).isEqualTo(2);

        Instant t = Instant.parse("2024-06-15T08:00:00Z");
        new CommitFactStore(db.dataSource(), s.registry()).writeBatch(s.repo(), List.of(new CommitFact("a3",
                "ada@example.com", t, 0, t, 1, new CommitKind(CommitType.FIX, false),
                java.util.Map.of("Go", new LineCount(5, 1, 1)), java.util.Map.<ExclusionBucket, LineCount>of(),
                List.of(), List.of())), null);
        assertThat(snapshots.published("ada").orElseThrow().totals().commits()).as("not rebuilt per request")
                .isEqualTo(2);

        RepositoryCollected nothingNew = new RepositoryCollected(s.repo(), s.user(), CollectionTrigger.SCHEDULE, 0, 0,
                0, 3, t);
        assertThat(snapshots.repositoryCollected(nothingNew)).isFalse();
        assertThat(snapshots.repositoryCollected(new RepositoryCollected(s.repo(), s.user(), CollectionTrigger.COMMAND,
                1, 0, 0, 3, t))).isTrue();
        CvDocument rebuilt = snapshots(s, db).published("ada").orElseThrow();
        assertThat(rebuilt.totals().commits()).isEqualTo(3);
        assertThat(rebuilt.totals().languages()).containsKey("Go");
    }

    @DatabaseTest
    void aSnapshotOfAnOlderShapeIsRebuiltInsteadOfFailing(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        s.accounts().setPublished(s.user(), true);
        CvDocument built = snapshots(s, db).published("ada").orElseThrow();
        // what an older release stored: the totals without a component this release added
        String old = CvJson.mapper().writeValueAsString(built).replace("\"inferredTypes\"", "\"renamedAway\"");
        db.jdbc().sql("UPDATE cv_snapshots SET document = :d").param("d", old).update();
        assertThat(snapshots(s, db).published("ada")).contains(built);
        assertThat(db.jdbc().sql("SELECT document FROM cv_snapshots").query(String.class).single())
                .contains("inferredTypes");

        db.jdbc().sql("UPDATE cv_snapshots SET document = 'not json'").update();
        assertThat(snapshots(s, db).published("ada")).contains(built);
    }

    @DatabaseTest
    void anOldSnapshotIsRebuiltOnRead(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        s.accounts().setPublished(s.user(), true);
        snapshots(s, db).published("ada").orElseThrow();
        Clock later = Clock.fixed(CvDocumentsTests.NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        CvDocuments documents = new CvDocuments(s.accounts(), s.registry(), s.queries(),
                new dev.commitstats.stats.RepositoryProfiles(db.dataSource(), s.accounts(), s.registry()),
                new CvPreferences(db.dataSource(), s.accounts(), s.registry()), later);
        CvDocument doc = new CvSnapshots(db.dataSource(), s.accounts(), documents, later, Duration.ofHours(1))
                .published("ada").orElseThrow();
        assertThat(doc.generatedAt()).isEqualTo(CvDocumentsTests.NOW.plus(Duration.ofHours(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
