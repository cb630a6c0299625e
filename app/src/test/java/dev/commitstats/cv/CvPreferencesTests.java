package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** What the owner chooses to show: named private repositories, a hidden punch card, the ranking; on both databases. */
class CvPreferencesTests {

    private static CvPreferences preferences(TestDatabase db, CvDocumentsTests.Setup s) {
        return new CvPreferences(db.dataSource(), s.accounts(), s.registry());
    }

    @DatabaseTest
    void theDefaultsMaskPrivateRepositoriesShowThePunchCardAndStayOutOfTheRanking(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        assertThat(preferences(db, s).of(s.user())).isEqualTo(CvPreferences.Preferences.DEFAULTS);
        CvDocument cv = s.documents().build("ada", "week", CvDocument.Audience.PUBLIC);
        assertThat(cv.repositories()).allSatisfy(r -> assertThat(r.masked()).isTrue());
        assertThat(cv.punchCard()).isNotNull();
        assertThat(CvJson.apiFields(cv)).containsKey("punch_card");
    }

    @DatabaseTest
    void aNamedPrivateRepositoryIsNamedOnThePublicCvUntilMaskedAgain(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        CvPreferences p = preferences(db, s);

        p.change("ada", new CvPreferences.Change(null, null, List.of(s.repo()), List.of()));
        CvDocument named = s.documents().build("ada", "week", CvDocument.Audience.PUBLIC);
        assertThat(named.repositories()).singleElement().satisfies(r -> {
            assertThat(r.masked()).isFalse();
            assertThat(r.name()).isEqualTo("app");
            assertThat(r.owner()).isEqualTo("team");
        });

        p.change("ada", new CvPreferences.Change(null, null, List.of(), List.of(s.repo())));
        assertThat(s.documents().build("ada", "week", CvDocument.Audience.PUBLIC).repositories())
                .allSatisfy(r -> assertThat(r.name()).isEqualTo(CvDocument.MASKED_NAME));
    }

    @DatabaseTest
    void aHiddenPunchCardIsLeftOutOfThePublicCvButNotTheOwners(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        CvPreferences.Preferences after = preferences(db, s).change("ada",
                new CvPreferences.Change(false, true, List.of(), List.of()));

        assertThat(after.showPunchCard()).isFalse();
        assertThat(after.inRanking()).isTrue();
        CvDocument publicCv = s.documents().build("ada", "week", CvDocument.Audience.PUBLIC);
        assertThat(publicCv.punchCard()).isNull();
        assertThat(CvJson.apiFields(publicCv)).doesNotContainKey("punch_card");
        assertThat(CvPage.of(publicCv, dev.commitstats.core.classify.LanguageColors.standard(), false).punchCard())
                .isEmpty();
        assertThat(s.documents().build("ada", "week", CvDocument.Audience.OWNER).punchCard()).isNotNull();
        assertThat(preferences(db, s).rankedUsers()).containsExactly(s.user());
    }

    @DatabaseTest
    void aChangeMarksTheSnapshotStale(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        CvSnapshots snapshots = new CvSnapshots(db.dataSource(), s.accounts(), s.documents(), s.clock(),
                java.time.Duration.ofHours(1));
        snapshots.rebuild(s.user());
        preferences(db, s).change("ada", new CvPreferences.Change(false, null, List.of(), List.of()));
        assertThat(db.jdbc().sql("SELECT stale FROM cv_snapshots WHERE user_id = :u").param("u", s.user())
                .query(Boolean.class).single()).isTrue();
    }

    @DatabaseTest
    void onlyTheUsersOwnNonPublicRepositoriesCanBeNamedAndNothingChangesOtherwise(TestDatabase db) {
        CvDocumentsTests.Setup s = CvDocumentsTests.setup(db);
        long bob = s.accounts().create("bob", null, ZoneId.of("UTC")).id();
        long bobs = s.registry().registerRepository(bob,
                new NewRepository("https://git.example/bob/x.git", SourceKind.GIT, "x", "bob", true, true));
        CvPreferences p = preferences(db, s);

        assertThatThrownBy(() -> p.change("ada", new CvPreferences.Change(false, null, List.of(bobs), List.of())))
                .isInstanceOf(UseCaseException.class).hasMessage("user 'ada' has no repository " + bobs);
        s.registry().setVisibility(s.repo(), "public");
        assertThatThrownBy(() -> p.change("ada", new CvPreferences.Change(null, null, List.of(s.repo()), List.of())))
                .isInstanceOf(UseCaseException.class).hasMessageContaining("is public");
        assertThat(p.of(s.user())).as("nothing changed").isEqualTo(CvPreferences.Preferences.DEFAULTS);
        assertThat(p.of(s.user()).namedRepositories()).isEqualTo(Set.of());
    }
}
