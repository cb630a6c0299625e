package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.classify.LanguageColors;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.core.mining.TotalsBuilder;
import dev.commitstats.stats.Activity;
import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.PunchCard;
import dev.commitstats.stats.Trend;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import org.junit.jupiter.api.Test;

/** What the CV page makes of a document: wording, groupings, masking and the data the charts read. */
class CvPageTests {

    static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");

    static CvDocument document() {
        // built from facts, not with Totals' constructor, whose components grow with the engine
        Totals totals = new TotalsBuilder()
                .add(fact("a1", "2021-03-01T10:00:00Z", 60, CommitType.FEAT, Map.of("Java", new LineCount(100, 0, 1))))
                .add(fact("a2", "2024-06-12T10:00:00Z", 120, CommitType.FEAT, Map.of("HCL", new LineCount(100, 10, 1))))
                .add(fact("a3", "2024-06-13T07:00:00Z", 120, CommitType.FEAT, Map.of("Java", new LineCount(150, 20, 1))))
                .add(fact("a4", "2024-06-13T08:00:00Z", 120, CommitType.FIX, Map.of("Java", new LineCount(50, 20, 1))))
                .build();
        PeriodTable months = new PeriodTable(PeriodTable.MONTH,
                List.of("commits", "additions", "deletions", "additions_Java", "additions_HCL", "type_feat", "type_fix"),
                List.of(new PeriodRow("2021_03", new long[] {1, 100, 0, 100, 0, 1, 0}),
                        new PeriodRow("2024_06", new long[] {3, 300, 50, 200, 100, 2, 1})));
        List<CvDocument.CvRepository> repositories = List.of(
                new CvDocument.CvRepository(CvDocument.MASKED_NAME, null, "git", true, List.of("Java", "HCL"),
                        LocalDate.parse("2021-03-01"), LocalDate.parse("2024-06-13"), 3, 300, 40),
                new CvDocument.CvRepository("dotfiles", "ada", "git", false, List.of("HCL"),
                        LocalDate.parse("2024-06-12"), LocalDate.parse("2024-06-12"), 1, 100, 10));
        Trend none = new Trend(0, 0);
        List<KeyMetric> metrics = List.of(new KeyMetric("commits", 4, new Trend(3, 1), new Trend(3, 0), none),
                new KeyMetric("language:HCL", 100, none, none, none),
                new KeyMetric("language:Java", 300, none, none, none),
                new KeyMetric("type:feat", 3, none, none, none), new KeyMetric("type:style", 0, none, none, none));
        return new CvDocument(new CvDocument.Person("ada", null, ZoneId.of("Europe/Berlin"), true), NOW,
                CvDocument.Audience.PUBLIC, totals, new Activity(3, 2, 1), "week", List.of(),
                List.of(new Period("2021-03-01", 1, 100, 0), new Period("2024-06-12", 1, 100, 10),
                        new Period("2024-06-13", 2, 200, 40)),
                months, repositories, new PunchCard(Collections.nCopies(168, 0L)), metrics);
    }

    private static CommitFact fact(String sha, String at, int offsetMinutes, CommitType type,
            Map<String, LineCount> languages) {
        Instant t = Instant.parse(at);
        // a4's "fix" is inferred from its wording, the others are declared
        return new CommitFact(sha, "ada@example.com", t, offsetMinutes, t, 1,
                new CommitKind(type, false, sha.equals("a4")), languages,
                Map.<ExclusionBucket, LineCount>of(), List.of(), List.of());
    }

    @Test
    void aMaskedRepositoryIsDescribedByItsLanguagesAndYearsOnly() {
        CvPage page = CvPage.of(document(), LanguageColors.standard(), false);
        assertThat(page.repositories()).extracting(CvPage.RepositoryRow::title, CvPage.RepositoryRow::masked,
                CvPage.RepositoryRow::description).containsExactly(
                org.assertj.core.groups.Tuple.tuple("private repository", true, "Java, HCL · 2021–2024"),
                org.assertj.core.groups.Tuple.tuple("ada/dotfiles", false, "HCL · 2024"));
    }

    @Test
    void headlinesCountFromTheDocumentAndSayWhenRelativeToIt() {
        CvPage page = CvPage.of(document(), LanguageColors.standard(), false);
        assertThat(page.name()).isEqualTo("ada");
        assertThat(page.headlines()).extracting(CvPage.Headline::metric, CvPage.Headline::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("commits", 4L),
                org.assertj.core.groups.Tuple.tuple("commit_days", 3L),
                org.assertj.core.groups.Tuple.tuple("additions", 400L),
                org.assertj.core.groups.Tuple.tuple("languages", 2L),
                org.assertj.core.groups.Tuple.tuple("repositories", 2L),
                org.assertj.core.groups.Tuple.tuple("providers", 1L));
        assertThat(page.headlines().get(0).detail()).isEqualTo("3 years ago to 2 days ago");
        assertThat(page.headlines().get(4).detail()).isEqualTo("1 public, 1 private");
    }

    @Test
    void discoveredRepositoriesAddTheOpenSourceShareAndTheStarsOfOwnPublicRepositories() {
        CvDocument base = document();
        LocalDate day = LocalDate.parse("2024-06-12");
        List<CvDocument.CvRepository> hosted = List.of(
                new CvDocument.CvRepository(CvDocument.MASKED_NAME, null, "github", true, List.of("Java"), day, day,
                        6, 300, 40, new java.util.TreeMap<>(), new CvDocument.Hosting(false, false, 0)),
                new CvDocument.CvRepository("dotfiles", "ada", "github", false, List.of("HCL"), day, day, 3, 100, 10,
                        new java.util.TreeMap<>(), new CvDocument.Hosting(true, false, 12)),
                new CvDocument.CvRepository("jq", "jqlang", "github", false, List.of("C"), day, day, 1, 10, 1,
                        new java.util.TreeMap<>(), new CvDocument.Hosting(true, true, 30_000)));
        CvDocument cv = new CvDocument(base.person(), base.generatedAt(), base.audience(), base.totals(),
                base.activity(), base.seriesLength(), base.series(), base.days(), base.months(), hosted,
                base.punchCard(), base.keyMetrics());
        CvPage page = CvPage.of(cv, LanguageColors.standard(), false);
        assertThat(page.headlines()).extracting(CvPage.Headline::metric, CvPage.Headline::value, CvPage.Headline::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("open_source", 40L,
                                "4 commits in 2 open-source repositories"),
                        org.assertj.core.groups.Tuple.tuple("stars", 12L, "of 1 own public repository"),
                        org.assertj.core.groups.Tuple.tuple("providers", 1L, "GitHub"));
        assertThat(CvJson.apiFields(cv).get("repositories").toString()).contains("open_source=true")
                .contains("stars=30000");
    }

    @Test
    void yearsAndTypesAreRegroupedFromDaysAndMonthsWithEmptyYearsShown() {
        CvPage page = CvPage.of(document(), LanguageColors.standard(), false);
        assertThat(page.types()).extracting(CvPage.Label::label).containsExactly("Features", "Fixes");
        assertThat(page.years()).containsExactly(new CvPage.Year(2021, 1, 1, List.of(1L, 0L)),
                new CvPage.Year(2022, 0, 0, List.of(0L, 0L)), new CvPage.Year(2023, 0, 0, List.of(0L, 0L)),
                new CvPage.Year(2024, 3, 2, List.of(2L, 1L)));
        assertThat(page.typeTotals()).extracting(CvPage.TypeRow::label, CvPage.TypeRow::commits,
                CvPage.TypeRow::inferred).containsExactly(org.assertj.core.groups.Tuple.tuple("Features", "3", "0"),
                org.assertj.core.groups.Tuple.tuple("Fixes", "1", "1"));
        assertThat(page.languageYears().languages()).containsExactly("Java", "HCL");
        assertThat(page.calendar().commits()).isEqualTo("3");
        assertThat(page.calendar().months()).hasSize(13); // June last year to June this year
    }

    @Test
    void keyMetricsAreHumanisedWithTheirChangesAndEmptyOnesLeftOut() {
        CvPage page = CvPage.of(document(), LanguageColors.standard(), false);
        assertThat(page.keyMetrics()).extracting(CvPage.MetricRow::label)
                .containsExactly("Commits", "Java lines added", "HCL lines added", "Feature commits");
        assertThat(page.moreMetrics()).isEmpty();
        CvPage.TrendCell year = page.keyMetrics().get(0).trends().get(0);
        assertThat(year).isEqualTo(new CvPage.TrendCell("3", "1", "up", "+2", "(+200 %)",
                "up 2 from 1 in the 52 weeks before"));
        assertThat(page.keyMetrics().get(0).trends().get(1).relative()).isEmpty(); // nothing to compare with
        assertThat(CvPage.metricLabel("detector:helm_chart")).isEqualTo("Helm charts introduced");
        assertThat(CvPage.metricLabel("type:other")).isEqualTo("Commits of no type");
        assertThat(CvPage.metricLabel("type:wip")).isEqualTo("Wip commits");
        assertThat(CvPage.metricLabel("deletions")).isEqualTo("Lines deleted");
    }

    @Test
    void aPublishedCvWithoutCommitsYetStillHasAPage() {
        CvDocument empty = new CvDocument(new CvDocument.Person("new", "Newcomer", ZoneId.of("UTC"), true), NOW,
                CvDocument.Audience.PUBLIC, Totals.empty(), new Activity(0, 0, 0), "week", List.of(), List.of(),
                new PeriodTable(PeriodTable.MONTH, List.of("commits", "additions", "deletions"), List.of()), List.of(),
                new PunchCard(Collections.nCopies(168, 0L)), List.of());
        CvPage page = CvPage.of(empty, LanguageColors.standard(), false);
        assertThat(page.headlines().get(0).detail()).isEqualTo("no commits yet");
        assertThat(page.years()).isEmpty();
        assertThat(page.daily()).isEqualTo("No commits yet.");
        assertThat(page.description()).isEqualTo(
                "Newcomer's coding CV: 0 commits, 0 lines written — honest numbers, private repositories included.");
    }

    @Test
    void relativeTimesReadAsPeopleSayThem() {
        LocalDate today = LocalDate.parse("2024-06-15");
        assertThat(CvPage.ago(today, today)).isEqualTo("today");
        assertThat(CvPage.ago(today.minusDays(1), today)).isEqualTo("yesterday");
        assertThat(CvPage.ago(today.minusDays(9), today)).isEqualTo("9 days ago");
        assertThat(CvPage.ago(today.minusDays(20), today)).isEqualTo("2 weeks ago");
        assertThat(CvPage.ago(today.minusMonths(5), today)).isEqualTo("5 months ago");
        assertThat(CvPage.ago(today.minusMonths(13), today)).isEqualTo("a year ago");
        assertThat(CvPage.ago(today.minusYears(5), today)).isEqualTo("5 years ago");
    }

    @Test
    void thePageDataCannotCloseItsScriptElement() {
        String json = CvPage.scriptJson(Map.of("name", "</script><script>alert(1)</script><!-- & \u2028"));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(CvJson.mapper().readTree(json).get("name").asString())
                .isEqualTo("</script><script>alert(1)</script><!-- & \u2028");
    }

    @Test
    void theChartsGetTheApiFieldsAndTheLinguistColours() throws Exception {
        CvPage page = CvPage.of(document(), LanguageColors.standard(), false);
        var data = CvJson.mapper().readTree(page.dataJson());
        assertThat(data.get("cv").get("commits").asLong()).isEqualTo(4);
        assertThat(data.get("cv").get("months").get("columns").size()).isEqualTo(7);
        assertThat(data.get("view").get("colors").get("Java").asString()).isEqualTo(LanguageColors.standard().of("Java"));
        assertThat(data.get("view").get("today").asString()).isEqualTo("2024-06-15");
        assertThat(data.get("view").get("years").size()).isEqualTo(4);
    }
}
