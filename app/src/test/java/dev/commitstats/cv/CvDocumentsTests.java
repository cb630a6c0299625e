package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.commitstats.accounts.UnknownUserException;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.stats.RepositoryProfiles;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** The CV document on both databases: the user's numbers as of the clock, with the repositories named. */
class CvDocumentsTests {

    static final Instant NOW = Instant.parse("2024-06-15T12:34:56.789Z");

    record Setup(CvDocuments documents, StatsQueries queries, RepositoryRegistry registry, UserAccounts accounts,
            long user, long repo, Clock clock) {
    }

    static Setup setup(TestDatabase db) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        UserAccounts accounts = new UserAccounts(db.dataSource(), clock);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), clock);
        StatsQueries queries = new StatsQueries(db.dataSource(), accounts, registry, clock);
        long user = accounts.create("ada", "Ada Lovelace", ZoneId.of("Europe/London")).id();
        accounts.addIdentities(user, List.of("ada@example.com"));
        long repo = registry.registerRepository(user,
                new NewRepository("https://git.example/team/app.git", SourceKind.GIT, "app", "team", true, true));
        CommitFactStore store = new CommitFactStore(db.dataSource(), registry);
        store.writeBatch(repo, List.of(fact("a1", "2024-06-14T10:00:00Z", 12), fact("a2", "2024-05-02T09:00:00Z", 30)),
                null);
        CvDocuments documents = new CvDocuments(accounts, registry, queries,
                new RepositoryProfiles(db.dataSource(), accounts, registry),
                new CvPreferences(db.dataSource(), accounts, registry), clock);
        return new Setup(documents, queries, registry, accounts, user, repo, clock);
    }

    private static CommitFact fact(String sha, String at, long javaLines) {
        Instant t = Instant.parse(at);
        return new CommitFact(sha, "ada@example.com", t, 120, t, 1, new CommitKind(CommitType.FEAT, false),
                Map.of("Java", new LineCount(javaLines, 0, 1)), Map.<ExclusionBucket, LineCount>of(), List.of(),
                List.of());
    }

    @DatabaseTest
    void theDocumentHoldsTheUsersNumbersAsOfTheClock(TestDatabase db) {
        Setup s = setup(db);
        CvDocument cv = s.documents().build("ada", "month");
        assertThat(cv.person()).isEqualTo(new CvDocument.Person("ada", "Ada Lovelace", ZoneId.of("Europe/London"), false));
        assertThat(cv.generatedAt()).isEqualTo(Instant.parse("2024-06-15T12:34:56Z"));
        assertThat(cv.totals()).isEqualTo(s.queries().userStats(s.user(), cv.generatedAt()).totals());
        assertThat(cv.totals().commits()).isEqualTo(2);
        assertThat(cv.seriesLength()).isEqualTo("month");
        assertThat(cv.series()).extracting(p -> p.key()).containsExactly("2024_05", "2024_06");
        assertThat(cv.audience()).isEqualTo(CvDocument.Audience.OWNER);
        assertThat(cv.repositories()).containsExactly(new CvDocument.CvRepository("app", "team", "git", false,
                List.of("Java"), java.time.LocalDate.parse("2024-05-02"), java.time.LocalDate.parse("2024-06-14"), 2,
                42, 0, new java.util.TreeMap<>(Map.of(2024, 2L))));
        assertThat(cv.days()).extracting(p -> p.key()).containsExactly("2024-05-02", "2024-06-14");
        assertThat(cv.months().rows()).extracting(r -> r.key()).containsExactly("2024_05", "2024_06");
        assertThat(s.documents().build("ada", "day").series()).hasSize(2);

        Map<String, Object> json = CvJson.fields(cv);
        assertThat(json.keySet()).startsWith("user", "generated_at", "commits").endsWith("activity", "series",
                "repositories", "punch_card", "key_metrics");
        assertThat(json.get("generated_at")).isEqualTo("2024-06-15T12:34:56Z");
    }

    @DatabaseTest
    void thePublicDocumentDescribesPrivateRepositoriesWithoutNamingThem(TestDatabase db) {
        Setup s = setup(db);
        CvDocument cv = s.documents().build("ada", "week", CvDocument.Audience.PUBLIC);
        assertThat(cv.repositories()).singleElement().satisfies(r -> {
            assertThat(r.masked()).isTrue();
            assertThat(r.name()).isEqualTo(CvDocument.MASKED_NAME);
            assertThat(r.owner()).isNull();
            assertThat(r.languages()).containsExactly("Java");
            assertThat(r.commits()).isEqualTo(2);
        });
        String json = CvJson.mapper().writeValueAsString(CvJson.apiFields(cv));
        assertThat(json).doesNotContain("\"app\"").doesNotContain("team").doesNotContain("git.example");

        s.registry().setVisibility(s.repo(), "public");
        assertThat(s.documents().build("ada", "week", CvDocument.Audience.PUBLIC).repositories())
                .singleElement().satisfies(r -> {
                    assertThat(r.masked()).isFalse();
                    assertThat(r.name()).isEqualTo("app");
                    assertThat(r.owner()).isEqualTo("team");
                });
    }

    @DatabaseTest
    void eachRepositoryCountsItsCommitsPerYearOfTheAuthorsLocalDays(TestDatabase db) {
        Setup s = setup(db);
        // 21:00 and 23:30 UTC on New Year's Eve are 23:00 that day and 01:30 the next in the author's +02:00
        new CommitFactStore(db.dataSource(), s.registry()).writeBatch(s.repo(),
                List.of(fact("b1", "2023-12-31T21:00:00Z", 5), fact("b2", "2023-12-31T23:30:00Z", 5)), null);
        CvDocument cv = s.documents().build("ada", "week", CvDocument.Audience.PUBLIC);
        assertThat(cv.repositories()).singleElement().satisfies(r -> {
            assertThat(r.years()).containsExactly(Map.entry(2023, 1L), Map.entry(2024, 3L));
            assertThat(r.years().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.commits());
        });
        assertThat(CvJson.mapper().readValue(CvJson.mapper().writeValueAsString(cv), CvDocument.class)).isEqualTo(cv);
        // a snapshot stored before the years existed reads back with none
        String old = CvJson.mapper().writeValueAsString(cv).replaceAll(",\"years\":\\{[^}]*}", "");
        assertThat(old).doesNotContain("\"years\"");
        assertThat(CvJson.mapper().readValue(old, CvDocument.class).repositories())
                .singleElement().satisfies(r -> assertThat(r.years()).isEmpty());
    }

    @DatabaseTest
    void anUnknownUserOrPeriodIsRefused(TestDatabase db) {
        Setup s = setup(db);
        assertThatThrownBy(() -> s.documents().build("nobody", "week")).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> s.documents().build("ada", "year")).isInstanceOfSatisfying(UseCaseException.class,
                e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.INVALID));
    }

    @org.junit.jupiter.api.Test
    void aRepositorysProviderNamesOnlyWellKnownHostedServicesNeverASelfManagedServer() {
        java.util.function.Function<String, String> provider = url -> CvDocuments.provider(
                new dev.commitstats.repos.Repository(1, 1, url, url.startsWith("/") ? SourceKind.LOCAL : SourceKind.GIT,
                        "x", null, "private", true, false, null, dev.commitstats.repos.RepositoryCursor.none(), null,
                        dev.commitstats.repos.Repository.HostDetails.NONE));
        assertThat(provider.apply("https://github.com/acme/api.git")).isEqualTo("github");
        assertThat(provider.apply("https://GitLab.com/acme/sub/api.git")).isEqualTo("gitlab");
        assertThat(provider.apply("https://dev.azure.com/acme/p/_git/api")).isEqualTo("azure-devops");
        assertThat(provider.apply("https://acme.visualstudio.com/p/_git/api")).isEqualTo("azure-devops");
        assertThat(provider.apply("https://bitbucket.org/acme/api.git")).isEqualTo("bitbucket");
        assertThat(provider.apply("https://git.acme-payroll.internal/team/api.git")).isEqualTo("git");
        assertThat(provider.apply("/srv/git/api")).isEqualTo("local");
    }
}
