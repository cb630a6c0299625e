package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.commitstats.collection.CollectionTrigger;
import dev.commitstats.collection.RepositoryCollected;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** Named CVs on both databases: kept, checked, listed with their status, marked stale and rebuilt. */
class CvPagesTests {

    private record Setup(CvDocumentsTests.Setup s, CvSnapshots snapshots, CvPages pages, long infra) {
    }

    private static Setup setup(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        long infra = s.registry().registerRepository(s.user(),
                new NewRepository("https://git.example/team/infra.git", SourceKind.GIT, "infra", "team", true, true));
        new CommitFactStore(db.dataSource(), s.registry()).writeBatch(infra,
                List.of(fact("i1", "2024-06-10T10:00:00Z", "HCL", 7), fact("i2", "2023-02-01T10:00:00Z", "HCL", 9)),
                null);
        CvSnapshots snapshots = new CvSnapshots(db.dataSource(), s.accounts(), s.documents(), s.clock(),
                Duration.ofHours(1));
        return new Setup(s, snapshots, new CvPages(db.dataSource(), s.accounts(), s.registry(), snapshots,
                s.clock()), infra);
    }

    private static CommitFact fact(String sha, String at, String language, long lines) {
        Instant t = Instant.parse(at);
        return new CommitFact(sha, "ada@example.com", t, 0, t, 1, new CommitKind(CommitType.FEAT, false),
                Map.of(language, new LineCount(lines, 0, 1)), Map.<ExclusionBucket, LineCount>of(), List.of(),
                List.of());
    }

    @DatabaseTest
    void aNamedCvIsKeptWithItsSelectionAndCountsOnlyIt(TestDatabase db) {
        Setup t = setup(db);
        NamedCv cv = t.pages().create("ada", "infra", new CvPages.Definition("Infrastructure",
                List.of(t.infra()), List.of(), List.of("ADA@example.com"), LocalDate.parse("2024-01-01"), null, true));
        assertThat(cv.name()).isEqualTo("infra");
        assertThat(cv.repositories()).containsExactly(t.infra());
        assertThat(cv.emails()).containsExactly("ada@example.com");
        assertThat(t.pages().find("ada", "infra")).contains(cv);

        CvDocument doc = t.snapshots().published("ada", "infra").orElseThrow();
        assertThat(doc.totals()).isEqualTo(t.s().queries().userStats(t.s().user(), cv.selection(),
                doc.generatedAt()).totals());
        assertThat(doc.totals().commits()).as("i1 only: i2 is before the period").isEqualTo(1);
        assertThat(doc.totals().languages()).containsOnlyKeys("HCL");
        assertThat(doc.named()).isEqualTo(new CvDocument.Named("infra", "Infrastructure",
                LocalDate.parse("2024-01-01"), null));
        assertThat(doc.path()).isEqualTo("/cv/ada/infra");
        assertThat(doc.repositories()).singleElement().satisfies(r -> assertThat(r.masked()).isTrue());
        // read back by another instance: equal
        assertThat(new CvSnapshots(db.dataSource(), t.s().accounts(), t.s().documents(), t.s().clock(),
                Duration.ofHours(1)).published("ada", "infra")).contains(doc);
        assertThat(t.snapshots().published("ada")).as("the default CV is the user's, unpublished").isEmpty();
    }

    @DatabaseTest
    void badInputIsRefusedWithAClearMessage(TestDatabase db) {
        Setup t = setup(db);
        CvPages.Definition all = CvPages.Definition.everything();
        for (String name : List.of("card", "year", "resume.json", "default", "settings")) {
            assertThatThrownBy(() -> t.pages().create("ada", name, all)).isInstanceOfSatisfying(
                    UseCaseException.class, e -> assertThat(e.getMessage()).contains("reserved"));
        }
        for (String name : List.of("Backend", "-x", "a b", "x".repeat(41), "")) {
            assertThatThrownBy(() -> t.pages().create("ada", name, all)).isInstanceOfSatisfying(
                    UseCaseException.class, e -> {
                        assertThat(e.kind()).isEqualTo(UseCaseException.Kind.INVALID);
                        assertThat(e.getMessage()).contains("lowercase letters, digits and hyphens");
                    });
        }
        assertThatThrownBy(() -> t.pages().create("ada", "x", new CvPages.Definition(null, List.of(999L), List.of(),
                List.of(), null, null, false))).isInstanceOfSatisfying(UseCaseException.class,
                e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> t.pages().create("ada", "x", new CvPages.Definition(null, List.of(t.infra()),
                List.of(t.infra()), List.of(), null, null, false))).hasMessageContaining("both counted and hidden");
        assertThatThrownBy(() -> t.pages().create("ada", "x", new CvPages.Definition(null, List.of(), List.of(),
                List.of("eve@example.com"), null, null, false))).hasMessageContaining("is not one of user 'ada'");
        assertThatThrownBy(() -> t.pages().create("ada", "x", new CvPages.Definition(null, List.of(), List.of(),
                List.of(), LocalDate.parse("2024-02-01"), LocalDate.parse("2024-01-01"), false)))
                .hasMessageContaining("after its end");
        t.pages().create("ada", "x", all);
        assertThatThrownBy(() -> t.pages().create("ada", "x", all)).isInstanceOfSatisfying(UseCaseException.class,
                e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.CONFLICT));
        assertThatThrownBy(() -> t.pages().change("ada", "nope", CvPages.Change.none()))
                .isInstanceOfSatisfying(UseCaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND));
    }

    @DatabaseTest
    void aChangeOrACollectionOfACountedRepositoryMakesItStaleAndRefreshRebuildsAll(TestDatabase db) {
        Setup t = setup(db);
        t.pages().create("ada", "infra", new CvPages.Definition(null, List.of(t.infra()), List.of(), List.of(),
                null, null, true));
        t.pages().create("ada", "app", new CvPages.Definition(null, List.of(), List.of(t.infra()), List.of(),
                null, null, true));
        assertThat(t.pages().list("ada")).extracting(CvPages.CvStatus::name).containsExactly(null, "app", "infra");
        assertThat(t.pages().list("ada")).allSatisfy(c -> assertThat(c.status()).isEqualTo(CvPages.Status.STALE));

        List<CvPages.CvStatus> refreshed = t.pages().refresh("ada");
        assertThat(refreshed).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CvPages.Status.FRESH);
            assertThat(c.builtAt()).isNotNull();
        });

        // a collection of infra marks the default CV and "infra", not "app" which hides it
        Instant now = CvDocumentsTests.NOW;
        assertThat(t.snapshots().cvsToRebuild(new RepositoryCollected(t.infra(), t.s().user(),
                CollectionTrigger.COMMAND, 1, 0, 0, 3, now))).hasSize(2);
        assertThat(t.pages().list("ada")).extracting(c -> c.name() + ":" + c.status())
                .containsExactly("null:STALE", "app:FRESH", "infra:STALE");

        t.pages().refresh("ada");
        NamedCv renamed = t.pages().change("ada", "app", new CvPages.Change("application", "", null, List.of(),
                null, new CvPages.Bound(LocalDate.parse("2024-06-01")), null, false));
        assertThat(renamed.name()).isEqualTo("application");
        assertThat(renamed.hidden()).isEmpty();
        assertThat(renamed.from()).isEqualTo(LocalDate.parse("2024-06-01"));
        assertThat(renamed.published()).isFalse();
        assertThat(t.pages().status("ada", "application").status()).isEqualTo(CvPages.Status.STALE);
        assertThat(t.snapshots().published("ada", "application")).as("unpublished").isEmpty();
        assertThat(t.snapshots().published("ada", "app")).as("the old name").isEmpty();

        t.pages().remove("ada", "application");
        assertThat(t.pages().list("ada")).extracting(CvPages.CvStatus::name).containsExactly(null, "infra");
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM cv_snapshots WHERE cv_id = :c").param("c", renamed.id())
                .query(Long.class).single()).isZero();
    }
}
