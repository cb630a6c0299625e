package dev.commitstats.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.cv.CvDocument;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The digest of a generated history whose numbers are known ({@link DigestHistory}), on both databases. */
class WeeklyDigestsTests {

    @DatabaseTest
    void theWeekIsCountedAgainstThe13WeeksBefore(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        WeeklyDigest d = h.digests().digest("ada", null);
        assertThat(d.week()).isEqualTo(IsoWeek.parse("2026-W48"));
        assertThat(d.complete()).isTrue();
        assertThat(d.commits()).isEqualTo(5);
        assertThat(d.activeDays()).isEqualTo(4);
        assertThat(d.additions()).isEqualTo(160);
        assertThat(d.weeksCompared()).isEqualTo(13);
        assertThat(d.averageCommits()).isEqualTo(2.0);
        assertThat(d.averageAdditions()).isEqualTo(20.0);
        assertThat(d.days()).containsExactly(1L, 2L, 1L, 1L, 0L, 0L, 0L);
        assertThat(d.weeks()).hasSize(14);
        assertThat(d.weeks().get(0).week()).isEqualTo(IsoWeek.parse("2026-W35"));
        assertThat(d.weeks()).extracting(WeeklyDigest.WeekFigure::commits)
                .containsExactly(2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 5L);
        assertThat(d.languages()).containsExactly(new WeeklyDigest.LanguageLines("Rust", 100, 0, 0.0),
                new WeeklyDigest.LanguageLines("Java", 60, 0, 20.0));
        assertThat(d.types()).extracting(WeeklyDigest.TypeCount::type, WeeklyDigest.TypeCount::commits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("feat", 2L),
                        org.assertj.core.groups.Tuple.tuple("fix", 2L),
                        org.assertj.core.groups.Tuple.tuple("refactor", 1L));
        assertThat(d.sentences()).first().isEqualTo(
                "You committed 5 times on 4 of 7 days, 150% more than your 13-week average (2.0).");
        assertThat(d.sentences()).contains("You wrote 160 lines and deleted 0, most of them in Rust (100) and "
                + "Java (60).", "The mix: 2 features, 2 fixes and 1 refactoring.");
    }

    @DatabaseTest
    void newLanguagesToolsPackagesStreaksAndPersonalBestsAreFound(TestDatabase db) {
        WeeklyDigest d = DigestHistory.create(db).digests().digest("ada", IsoWeek.parse("2026-W48"));
        assertThat(d.newLanguages()).containsExactly("Rust");
        // junit was used in W40 already: only the Dockerfile and guava are new
        assertThat(d.firstUses()).extracting(WeeklyDigest.FirstUse::label)
                .containsExactly("a Dockerfile", "com.google.guava:guava (maven)");
        assertThat(d.longestStreak()).isEqualTo(4);
        assertThat(d.currentStreak()).isZero(); // Friday to Sunday without commits
        assertThat(d.personalBests()).containsExactly(new WeeklyDigest.PersonalBest("weekly_commits", 5, 2),
                new WeeklyDigest.PersonalBest("weekly_additions", 160, 20),
                new WeeklyDigest.PersonalBest("longest_streak", 4, 2));
        assertThat(d.sentences()).contains("New this week: your first lines of Rust.",
                "Used for the first time: a Dockerfile and com.google.guava:guava (maven).",
                "Personal best: a 4-day streak (the longest before was 2 days).");
    }

    @DatabaseTest
    void aPrivateRepositoryIsNeverNamedUnlessItsOwnerNamedIt(TestDatabase db) throws Exception {
        DigestHistory h = DigestHistory.create(db);
        WeeklyDigest d = h.digests().digest("ada", null);
        assertThat(d.repositories()).containsExactly(
                new WeeklyDigest.RepositoryWorkedOn(CvDocument.MASKED_NAME, true, List.of("Java"), 3, 60),
                new WeeklyDigest.RepositoryWorkedOn("ada/lib", false, List.of("Rust"), 2, 100));
        DigestRenderer renderer = new DigestRenderer();
        DigestRenderer.Links links = new DigestRenderer.Links("https://stats.example/user/digest", null);
        String everything = JsonMapper.builder().build().writeValueAsString(d) + renderer.html(d, links)
                + renderer.text(d, links) + renderer.subject(d);
        assertThat(everything).doesNotContainIgnoringCase(DigestHistory.SECRET_NAME)
                .doesNotContainIgnoringCase(DigestHistory.SECRET_OWNER).contains("private repository in Java");

        h.cvPreferences().change("ada", new CvPreferences.Change(null, null, List.of(h.secret()), List.of()));
        assertThat(h.digests().digest("ada", null).repositories().get(0).name()).isEqualTo("acme/secret-app");
    }

    @DatabaseTest
    void aWeekInProgressSaysSoFarAndAFutureWeekIsRefused(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        h.clock().set(Instant.parse("2026-11-26T18:00:00Z")); // Thursday of W48
        WeeklyDigest d = h.digests().digest("ada", IsoWeek.parse("2026-W48"));
        assertThat(d.complete()).isFalse();
        assertThat(d.sentences().get(0)).startsWith("You committed 5 times so far on 4 of 7 days");
        assertThat(d.currentStreak()).isEqualTo(4);
        assertThatThrownBy(() -> h.digests().digest("ada", IsoWeek.parse("2026-W49")))
                .isInstanceOfSatisfying(UseCaseException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("week 2026-W49 has not begun yet"));
    }

    @DatabaseTest
    void aQuietWeekAndTheFirstWeekOnRecordSaySo(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        WeeklyDigest quiet = h.digests().digest("ada", IsoWeek.parse("2026-W34"));
        assertThat(quiet.commits()).isZero();
        assertThat(quiet.sentences()).containsExactly(
                "You made no commits in week 34, 17 to 23 August 2026. Your average of the 4 weeks before is "
                        + "0.3 commits a week.");
        WeeklyDigest first = h.digests().digest("ada", IsoWeek.parse("2026-W30"));
        assertThat(first.weeksCompared()).isZero();
        assertThat(first.personalBests()).isEmpty();
        assertThat(first.sentences().get(0)).isEqualTo("You committed once on 1 of 7 days: your first week on record.");
    }

    @DatabaseTest
    void theArchiveListsTheEarlierWeeksWithCommitsLatestFirst(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        List<IsoWeek> archive = h.digests().archive(h.user(), IsoWeek.parse("2026-W48"), 52);
        assertThat(archive).hasSize(14).startsWith(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W46"))
                .endsWith(IsoWeek.parse("2026-W35"), IsoWeek.parse("2026-W30"));
        assertThat(h.digests().archive(h.user(), IsoWeek.parse("2026-W48"), 3)).hasSize(3);
    }

    @Test
    void isoWeeksParseAndPrintAsIso8601() {
        assertThat(IsoWeek.parse("2026-W47").monday()).hasToString("2026-11-16");
        assertThat(IsoWeek.parse("2026-W53").toString()).isEqualTo("2026-W53"); // 2026 has 53 weeks
        assertThat(IsoWeek.of(java.time.LocalDate.parse("2027-01-01"))).isEqualTo(IsoWeek.parse("2026-W53"));
        assertThat(IsoWeek.parse("2026-W48").periodKey()).isEqualTo("2026_48");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("2025 has weeks 1 to 52");
        assertThatThrownBy(() -> IsoWeek.parse("47")).hasMessageContaining("write it like 2026-W47");
    }
}
