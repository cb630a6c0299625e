package dev.commitstats.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's numbers, added up in SQL: over their active repositories and the commits whose author email is one of
 * their identities, each sha counted once even when a fork or mirror holds it too (the copy in the repository with the
 * lowest id counts). Outlier files the user included move from the bulk bucket into their language everywhere.
 * Thread-safe.
 *
 * <p>Why the queries look like this: they read the rollup tables (per repository, author and local day), which the
 * write path keeps equal to the sums over the facts that are not copies of a commit in a lower-id repository of the
 * same owner; so a CV costs a scan over days, not commits. The only facts read directly are the copies whose original
 * is not in scope (its repository is inactive), added back by the same aggregates over raw rows, and the included
 * outlier files. Key-metric windows are summed in SQL; weeks, months and streaks are folded in Java from at most a
 * few thousand day rows. Figures: docs/benchmarks.md.
 *
 * <p>The queries of one call do not share a snapshot: a batch committed in between shows up in some aggregates and
 * not others until the next call. A read transaction would make SQLite (IMMEDIATE mode) hold the write lock.
 */
public final class StatsQueries {

    private static final String SCOPE = "t.repository_id IN (:repos) AND t.author_email IN (:emails)";

    /** Six sums over key-metric windows: last and previous 52 weeks, 13 weeks, week. */
    private static final String WINDOWS = """
            SUM(CASE WHEN t.local_day BETWEEN :c52 AND :today THEN %1$s ELSE 0 END) AS c52,
            SUM(CASE WHEN t.local_day BETWEEN :p52 AND :c52e THEN %1$s ELSE 0 END) AS p52,
            SUM(CASE WHEN t.local_day BETWEEN :c13 AND :today THEN %1$s ELSE 0 END) AS c13,
            SUM(CASE WHEN t.local_day BETWEEN :p13 AND :c13e THEN %1$s ELSE 0 END) AS p13,
            SUM(CASE WHEN t.local_day BETWEEN :c1 AND :today THEN %1$s ELSE 0 END) AS c1,
            SUM(CASE WHEN t.local_day BETWEEN :p1 AND :c1e THEN %1$s ELSE 0 END) AS p1""";

    private static final String ROLLUP_DAYS = """
            SELECT t.local_day, SUM(t.commits) AS commits, SUM(t.additions) AS additions,
                   SUM(t.deletions) AS deletions
            FROM rollup_days t WHERE %s GROUP BY t.local_day""".formatted(SCOPE);

    private static final String ROLLUP_REPOSITORIES = """
            SELECT t.repository_id, SUM(t.commits) AS commits, SUM(t.additions) AS additions,
                   SUM(t.deletions) AS deletions
            FROM rollup_days t WHERE %s GROUP BY t.repository_id""".formatted(SCOPE);

    private static final String ROLLUP_TYPES = """
            SELECT t.type, SUM(t.commits) AS commits, SUM(t.breaking) AS breaking, SUM(t.inferred) AS inferred,
            """ + WINDOWS.formatted("t.commits") + """

            FROM rollup_types t WHERE %s GROUP BY t.type""".formatted(SCOPE);

    private static final String ROLLUP_TYPE_DAYS = """
            SELECT t.local_day, t.type, SUM(t.commits) AS commits
            FROM rollup_types t WHERE %s GROUP BY t.local_day, t.type""".formatted(SCOPE);

    private static final String ROLLUP_LANGUAGE_DAYS = """
            SELECT t.local_day, t.language, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions,
                   SUM(t.files) AS files
            FROM rollup_languages t WHERE %s GROUP BY t.local_day, t.language""".formatted(SCOPE);

    private static final String ROLLUP_HOURS = """
            SELECT t.local_weekday, t.local_hour, SUM(t.commits) AS commits
            FROM rollup_hours t WHERE %s GROUP BY t.local_weekday, t.local_hour""".formatted(SCOPE);

    private static final String ROLLUP_LANGUAGES = """
            SELECT t.language, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions, SUM(t.files) AS files,
            """ + WINDOWS.formatted("t.additions") + """

            FROM rollup_languages t WHERE %s GROUP BY t.language""".formatted(SCOPE);

    private static final String ROLLUP_EXCLUSIONS = """
            SELECT t.bucket, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions, SUM(t.files) AS files
            FROM rollup_exclusions t WHERE %s GROUP BY t.bucket""".formatted(SCOPE);

    private static final String ROLLUP_DETECTIONS = """
            SELECT t.local_day, t.kind, t.ecosystem, t.name, SUM(t.detections) AS detections
            FROM rollup_detections t WHERE %s GROUP BY t.local_day, t.kind, t.ecosystem, t.name""".formatted(SCOPE);

    /**
     * Rows (of {@code commit_facts} or a child table, as {@code t}) of copies whose original is out of scope, so that
     * they count after all. CROSS JOIN makes SQLite start from the few recorded copies.
     */
    private static final String ORPHANS = """
            commit_copies d CROSS JOIN %1$s t
            WHERE d.repository_id IN (:repos) AND t.repository_id = d.repository_id AND t.sha = d.sha
              AND t.author_email IN (:emails)
              AND NOT EXISTS (
                SELECT 1 FROM commit_facts o
                WHERE o.sha = d.sha AND o.repository_id < d.repository_id AND o.repository_id IN (:repos))""";

    /** Whether any copy in scope may be orphaned: its original was recorded in a repository now out of scope. */
    private static final String MAY_HAVE_ORPHANS = """
            SELECT COUNT(*) FROM commit_copies d
            WHERE d.repository_id IN (:repos) AND d.original_repository_id NOT IN (:repos)""";

    private static final String RAW_DAYS = """
            SELECT t.local_day, COUNT(*) AS commits, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions
            FROM %s GROUP BY t.local_day""".formatted(ORPHANS.formatted("commit_facts"));

    private static final String RAW_REPOSITORIES = """
            SELECT t.repository_id, COUNT(*) AS commits, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions
            FROM %s GROUP BY t.repository_id""".formatted(ORPHANS.formatted("commit_facts"));

    private static final String RAW_TYPES = """
            SELECT t.type, COUNT(*) AS commits, SUM(CASE WHEN t.breaking THEN 1 ELSE 0 END) AS breaking,
                   SUM(CASE WHEN t.type_inferred THEN 1 ELSE 0 END) AS inferred,
            """ + WINDOWS.formatted("1") + """

            FROM %s GROUP BY t.type""".formatted(ORPHANS.formatted("commit_facts"));

    private static final String RAW_TYPE_DAYS = """
            SELECT t.local_day, t.type, COUNT(*) AS commits
            FROM %s GROUP BY t.local_day, t.type""".formatted(ORPHANS.formatted("commit_facts"));

    private static final String RAW_LANGUAGE_DAYS = """
            SELECT t.local_day, t.language, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions,
                   SUM(t.files) AS files
            FROM %s GROUP BY t.local_day, t.language""".formatted(ORPHANS.formatted("commit_languages"));

    private static final String RAW_HOURS = """
            SELECT t.local_weekday, t.local_hour, COUNT(*) AS commits
            FROM %s GROUP BY t.local_weekday, t.local_hour""".formatted(ORPHANS.formatted("commit_facts"));

    private static final String RAW_LANGUAGES = """
            SELECT t.language, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions, SUM(t.files) AS files,
            """ + WINDOWS.formatted("t.additions") + """

            FROM %s GROUP BY t.language""".formatted(ORPHANS.formatted("commit_languages"));

    private static final String RAW_EXCLUSIONS = """
            SELECT t.bucket, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions, SUM(t.files) AS files
            FROM %s GROUP BY t.bucket""".formatted(ORPHANS.formatted("commit_exclusions"));

    private static final String RAW_DETECTIONS = """
            SELECT t.local_day, t.kind, t.ecosystem, t.name, 1 AS detections
            FROM %s""".formatted(ORPHANS.formatted("commit_detections"));

    /** Few rows (the owner's included files), so the join starts from them; copies are dropped by (sha, path). */
    private static final String INCLUDED_OUTLIERS = """
            SELECT o.repository_id, f.local_day, o.sha, o.path, o.language, o.additions, o.deletions
            FROM outlier_files o CROSS JOIN commit_facts f
            WHERE o.included = TRUE AND o.repository_id IN (:repos)
              AND f.repository_id = o.repository_id AND f.sha = o.sha AND f.author_email IN (:emails)
            ORDER BY o.repository_id""";

    /** First and last commit, in the author's own offset; the author_time index finds them without a scan. */
    private static final String EXTREME = """
            SELECT author_time, author_offset_minutes FROM commit_facts
            WHERE repository_id IN (:repos) AND author_email IN (:emails)
            ORDER BY author_time %s LIMIT 1""";

    private static final int WEEK = 7;

    /**
     * What a bounded period adds to a query over rows that carry their local day. The rollups of hours and exclusions
     * carry none, so within a period those two aggregates read the facts (the few CVs with a period pay for it; the
     * default one reads the rollups alone).
     */
    private static final String IN_PERIOD = " AND t.local_day BETWEEN :from AND :to";

    private static final String FACT_HOURS_IN_PERIOD = """
            SELECT t.local_weekday, t.local_hour, COUNT(*) AS commits
            FROM commit_facts t WHERE %s%s
              AND NOT EXISTS (SELECT 1 FROM commit_copies c WHERE c.repository_id = t.repository_id AND c.sha = t.sha)
            GROUP BY t.local_weekday, t.local_hour""".formatted(SCOPE, IN_PERIOD);

    private static final String FACT_EXCLUSIONS_IN_PERIOD = """
            SELECT t.bucket, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions, SUM(t.files) AS files
            FROM commit_exclusions t JOIN commit_facts f ON f.repository_id = t.repository_id AND f.sha = t.sha
            WHERE %s AND f.local_day BETWEEN :from AND :to
              AND NOT EXISTS (SELECT 1 FROM commit_copies c WHERE c.repository_id = t.repository_id AND c.sha = t.sha)
            GROUP BY t.bucket""".formatted(SCOPE);

    /** Orphaned copies' exclusion rows have no day of their own: their fact's. */
    private static final String EXCLUSION_IN_PERIOD = " AND EXISTS (SELECT 1 FROM commit_facts p"
            + " WHERE p.repository_id = t.repository_id AND p.sha = t.sha AND p.local_day BETWEEN :from AND :to)";

    private static final String ORPHAN_EMAILS = "AND t.author_email IN (:emails)";

    private static final String INCLUDED_OUTLIERS_IN_PERIOD = INCLUDED_OUTLIERS.replace("AND f.author_email IN (:emails)",
            "AND f.author_email IN (:emails) AND f.local_day BETWEEN :from AND :to");

    /** The time bounds let the author_time index skip what lies before or after the period. */
    private static final String EXTREME_IN_PERIOD = """
            SELECT author_time, author_offset_minutes FROM commit_facts
            WHERE repository_id IN (:repos) AND author_email IN (:emails)
              AND author_time BETWEEN :fromTime AND :toTime AND local_day BETWEEN :from AND :to
            ORDER BY author_time %s LIMIT 1""";

    /** {@code sql} with {@code extra} after its only {@code anchor}. */
    private static String narrowed(String sql, String anchor, String extra) {
        int at = sql.indexOf(anchor);
        if (at < 0 || sql.indexOf(anchor, at + 1) >= 0) {
            throw new IllegalStateException("cannot narrow a query to a period: " + sql);
        }
        return sql.substring(0, at + anchor.length()) + extra + sql.substring(at + anchor.length());
    }

    private static String rollupInPeriod(String sql) {
        return narrowed(sql, SCOPE, IN_PERIOD);
    }

    private static String orphansInPeriod(String sql) {
        return narrowed(sql, ORPHAN_EMAILS, IN_PERIOD);
    }


    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final Clock clock;

    public StatsQueries(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.accounts = accounts;
        this.registry = registry;
        this.clock = clock;
    }

    /** The headline totals now: the same numbers {@link dev.commitstats.core.mining.TotalsBuilder} gives over the facts. */
    public Totals totals(long userId) {
        return userStats(userId, clock.instant()).totals();
    }

    /**
     * Everything a CV shows for the user.
     *
     * @param userId the user
     * @param now    the end of the key-metric windows and streaks; "today" is its date in the user's time zone
     */
    public UserStats userStats(long userId, Instant now) {
        return userStats(userId, Selection.ALL, now);
    }

    /**
     * Everything a CV shows for the user, over a selection of their numbers: every aggregate (totals, days, streaks,
     * punch card, repositories, key metrics) counts only the selected repositories, emails and days.
     *
     * @param now the end of the key-metric windows and streaks, or the selection's last day when it is earlier: the
     *            numbers of a period that ended read as they were on its last day
     */
    public UserStats userStats(long userId, Selection selection, Instant now) {
        User user = user(userId);
        Scope s = scope(userId, selection);
        long today = Math.min(LocalDate.ofInstant(now, user.timeZone()).toEpochDay(), selection.toDay());
        Adder a = new Adder(today);
        if (!s.isEmpty()) {
            for (Queries q : sources(s)) {
                add(a, s, today, q);
            }
            includedOutliers(s, a::includeOutlier);
            a.first = extreme(s, "ASC");
            a.last = extreme(s, "DESC");
        }
        return a.result();
    }

    /**
     * The user's numbers per period, as the export writes them: one row per day, ISO week or month with commits,
     * ascending; columns {@code commits}, {@code additions}, {@code deletions}, then {@code additions_<language>} for
     * each language of {@link #userStats}' totals (most changed first), {@code type_<type>} (commits) for each
     * Conventional Commit type present, and {@code detected_<kind>} (detections) for each detector kind present,
     * packages as {@code detected_package}. Same scope and adjustments as {@link #userStats}, so each column sums to
     * the matching total (for detectors: the key metric {@code detector:<kind>}'s total).
     *
     * @param period {@link PeriodTable#DAY}, {@link PeriodTable#WEEK} or {@link PeriodTable#MONTH}
     */
    public PeriodTable periodTable(long userId, String period) {
        return periodTable(userId, Selection.ALL, period);
    }

    /** {@link #periodTable(long, String)} over a selection of the user's numbers. */
    public PeriodTable periodTable(long userId, Selection selection, String period) {
        PeriodTable.keyOf(period, LocalDate.EPOCH); // refuses an unknown period before any query
        user(userId);
        Scope s = scope(userId, selection);
        DayTable t = new DayTable();
        if (!s.isEmpty()) {
            for (Queries q : sources(s)) {
                addPerDay(t, s, q);
            }
            includedOutliers(s, t::includeOutlier);
        }
        return t.table(period);
    }

    private User user(long userId) {
        return accounts.requireUser(userId);
    }

    /**
     * What a selection counts: the repositories and emails it picks among the user's, and its days.
     *
     * @param from the first local day counted (epoch day); {@link Integer#MIN_VALUE} when open
     * @param to   the last one; {@link Integer#MAX_VALUE} when open
     */
    private record Scope(List<Long> repos, List<String> emails, boolean period, long from, long to) {
        boolean isEmpty() {
            return repos.isEmpty() || emails.isEmpty();
        }
    }

    private Scope scope(long userId, Selection selection) {
        return new Scope(selection.repositoriesAmong(registry.activeRepositoryIds(userId)),
                selection.emailsAmong(accounts.identities(userId)), selection.hasPeriod(), selection.fromDay(),
                selection.toDay());
    }

    /** The rollups, and the orphaned copies when there may be any; within a period, their narrowed forms. */
    private List<Queries> sources(Scope s) {
        boolean orphans = jdbc.sql(MAY_HAVE_ORPHANS).param("repos", s.repos()).query(Long.class).single() > 0;
        if (s.period()) {
            return orphans ? List.of(Queries.ROLLUPS_IN_PERIOD, Queries.ORPHANS_IN_PERIOD)
                    : List.of(Queries.ROLLUPS_IN_PERIOD);
        }
        return orphans ? List.of(Queries.ROLLUPS, Queries.ORPHANS) : List.of(Queries.ROLLUPS);
    }

    /** The same aggregates, read from the rollups or computed over orphaned copies. */
    private enum Queries {
        ROLLUPS(ROLLUP_DAYS, ROLLUP_REPOSITORIES, ROLLUP_TYPES, ROLLUP_HOURS, ROLLUP_LANGUAGES, ROLLUP_EXCLUSIONS,
                ROLLUP_DETECTIONS, ROLLUP_TYPE_DAYS, ROLLUP_LANGUAGE_DAYS),
        ORPHANS(RAW_DAYS, RAW_REPOSITORIES, RAW_TYPES, RAW_HOURS, RAW_LANGUAGES, RAW_EXCLUSIONS, RAW_DETECTIONS,
                RAW_TYPE_DAYS, RAW_LANGUAGE_DAYS),
        ROLLUPS_IN_PERIOD(rollupInPeriod(ROLLUP_DAYS), rollupInPeriod(ROLLUP_REPOSITORIES),
                rollupInPeriod(ROLLUP_TYPES), FACT_HOURS_IN_PERIOD, rollupInPeriod(ROLLUP_LANGUAGES),
                FACT_EXCLUSIONS_IN_PERIOD, rollupInPeriod(ROLLUP_DETECTIONS), rollupInPeriod(ROLLUP_TYPE_DAYS),
                rollupInPeriod(ROLLUP_LANGUAGE_DAYS)),
        ORPHANS_IN_PERIOD(orphansInPeriod(RAW_DAYS), orphansInPeriod(RAW_REPOSITORIES), orphansInPeriod(RAW_TYPES),
                orphansInPeriod(RAW_HOURS), orphansInPeriod(RAW_LANGUAGES),
                narrowed(RAW_EXCLUSIONS, ORPHAN_EMAILS, EXCLUSION_IN_PERIOD), orphansInPeriod(RAW_DETECTIONS),
                orphansInPeriod(RAW_TYPE_DAYS), orphansInPeriod(RAW_LANGUAGE_DAYS));

        final String days;
        final String repositories;
        final String types;
        final String hours;
        final String languages;
        final String exclusions;
        final String detections;
        final String typeDays;
        final String languageDays;

        Queries(String days, String repositories, String types, String hours, String languages, String exclusions,
                String detections, String typeDays, String languageDays) {
            this.days = days;
            this.repositories = repositories;
            this.types = types;
            this.hours = hours;
            this.languages = languages;
            this.exclusions = exclusions;
            this.detections = detections;
            this.typeDays = typeDays;
            this.languageDays = languageDays;
        }
    }

    private JdbcClient.StatementSpec sql(String sql, Scope s, long today) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("repos", s.repos()).param("emails", s.emails());
        if (s.period()) {
            spec = spec.param("from", s.from()).param("to", s.to());
        }
        if (sql.contains(":today")) {
            spec = spec.param("today", today)
                    .param("c52", today - 52 * WEEK + 1).param("p52", today - 104 * WEEK + 1)
                    .param("c52e", today - 52 * WEEK)
                    .param("c13", today - 13 * WEEK + 1).param("p13", today - 26 * WEEK + 1)
                    .param("c13e", today - 13 * WEEK)
                    .param("c1", today - WEEK + 1).param("p1", today - 2 * WEEK + 1).param("c1e", today - WEEK);
        }
        return spec;
    }

    private void add(Adder a, Scope s, long today, Queries q) {
        days(a.ledger, s, today, q);
        sql(q.types, s, today).query(rs -> {
            a.type(commitType(rs), rs.getLong("commits"), rs.getLong("breaking"), rs.getLong("inferred"),
                    windows(rs));
        });
        sql(q.hours, s, today).query(rs -> {
            a.punch[(rs.getInt("local_weekday") - 1) * 24 + rs.getInt("local_hour")] += rs.getLong("commits");
        });
        sql(q.repositories, s, today).query(rs -> {
            a.repository(rs.getLong("repository_id"), rs.getLong("commits"), rs.getLong("additions"),
                    rs.getLong("deletions"));
        });
        sql(q.languages, s, today).query(rs -> {
            a.language(rs.getString("language"), rs.getLong("additions"), rs.getLong("deletions"),
                    rs.getLong("files"), windows(rs));
        });
        sql(q.exclusions, s, today).query(rs -> {
            a.excluded(ExclusionBucket.fromJsonName(rs.getString("bucket")), rs.getLong("additions"),
                    rs.getLong("deletions"), rs.getLong("files"));
        });
        detections(a::detection, s, today, q);
    }

    private static long[] windows(ResultSet rs) throws SQLException {
        return new long[] {rs.getLong("c52"), rs.getLong("p52"), rs.getLong("c13"), rs.getLong("p13"),
                rs.getLong("c1"), rs.getLong("p1")};
    }

    /** The per-day aggregates the period table needs, from the rollups or over orphaned copies. */
    private void addPerDay(DayTable t, Scope s, Queries q) {
        days(t.ledger, s, 0, q);
        sql(q.typeDays, s, 0).query(rs -> {
            t.type(rs.getLong("local_day"), commitType(rs), rs.getLong("commits"));
        });
        sql(q.languageDays, s, 0).query(rs -> {
            t.language(rs.getLong("local_day"), rs.getString("language"), rs.getLong("additions"),
                    rs.getLong("deletions"), rs.getLong("files"));
        });
        detections(t::detection, s, 0, q);
    }

    /** Commits and lines per local day: what a CV and a period table both start from. */
    private void days(DayLedger ledger, Scope s, long today, Queries q) {
        sql(q.days, s, today).query(rs -> {
            ledger.day(rs.getLong("local_day"), rs.getLong("commits"), rs.getLong("additions"),
                    rs.getLong("deletions"));
        });
    }

    /** Receives the detections of one kind, ecosystem and name on a day. */
    @FunctionalInterface
    private interface Detections {
        void add(long day, DetectionKind kind, String ecosystem, String name, long count);
    }

    private void detections(Detections sink, Scope s, long today, Queries q) {
        sql(q.detections, s, today).query(rs -> {
            sink.add(rs.getLong("local_day"), DetectionKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                    rs.getString("ecosystem"), rs.getString("name"), rs.getLong("detections"));
        });
    }

    private static CommitType commitType(ResultSet rs) throws SQLException {
        return CommitType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT));
    }

    /** Receives an included outlier file: its lines move from the bulk bucket into its language. */
    @FunctionalInterface
    private interface IncludedOutlier {
        void include(long repositoryId, long day, String language, long additions, long deletions);
    }

    private void includedOutliers(Scope s, IncludedOutlier sink) {
        Set<String> seen = new HashSet<>();
        JdbcClient.StatementSpec spec = jdbc.sql(s.period() ? INCLUDED_OUTLIERS_IN_PERIOD : INCLUDED_OUTLIERS)
                .param("repos", s.repos()).param("emails", s.emails());
        if (s.period()) {
            spec = spec.param("from", s.from()).param("to", s.to());
        }
        spec.query(rs -> {
            // the owner's decision is stored on every copy of the commit; count the file once, in the lowest repository
            if (seen.add(rs.getString("sha") + '\n' + rs.getString("path"))) {
                sink.include(rs.getLong("repository_id"), rs.getLong("local_day"), rs.getString("language"),
                        rs.getLong("additions"), rs.getLong("deletions"));
            }
        });
    }

    private OffsetDateTime extreme(Scope s, String direction) {
        JdbcClient.StatementSpec spec = jdbc.sql((s.period() ? EXTREME_IN_PERIOD : EXTREME).formatted(direction))
                .param("repos", s.repos()).param("emails", s.emails());
        if (s.period()) {
            // a local day is at most 18 hours from UTC: a day on either side holds every commit of the period
            spec = spec.param("from", s.from()).param("to", s.to())
                    .param("fromTime", Math.max(s.from() - 1, Integer.MIN_VALUE) * 86_400)
                    .param("toTime", Math.min(s.to() + 2, Integer.MAX_VALUE) * 86_400);
        }
        return spec.query((rs, n) -> Instant.ofEpochSecond(rs.getLong(1))
                        .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt(2) * 60)))
                .optional().orElse(null);
    }

    /**
     * Folds the grouped rows into a CV. Days, their commits and lines, and the languages are the {@link DayLedger}'s,
     * shared with the period table; types, punch card, repositories, exclusion buckets, detections and key-metric
     * windows are the CV's own. One per query; not thread-safe.
     */
    private static final class Adder {
        final long today;
        final DayLedger ledger = new DayLedger();
        final EnumMap<CommitType, Long> types = new EnumMap<>(CommitType.class);
        final EnumMap<CommitType, Long> inferredTypes = new EnumMap<>(CommitType.class);
        long breaking;
        OffsetDateTime first;
        OffsetDateTime last;
        final long[] punch = new long[7 * 24];
        final TreeMap<Long, long[]> repositories = new TreeMap<>();
        final EnumMap<ExclusionBucket, long[]> excluded = new EnumMap<>(ExclusionBucket.class);
        final EnumMap<DetectionKind, Long> tools = new EnumMap<>(DetectionKind.class);
        final Map<String, SortedSet<String>> packages = new TreeMap<>();
        /** Per key metric: total, then the six window sums in {@link #WINDOWS} order. */
        final Map<String, long[]> metrics = new LinkedHashMap<>();

        Adder(long today) {
            this.today = today;
        }

        void type(CommitType type, long commits, long breakingCommits, long inferredCommits, long[] windows) {
            types.merge(type, commits, Long::sum);
            inferredTypes.merge(type, inferredCommits, Long::sum);
            breaking += breakingCommits;
            addWindows("type:" + type.jsonName(), commits, windows);
        }

        void repository(long id, long commits, long additions, long deletions) {
            long[] r = repositories.computeIfAbsent(id, k -> new long[3]);
            r[0] += commits;
            r[1] += additions;
            r[2] += deletions;
        }

        void language(String language, long additions, long deletions, long files, long[] windows) {
            ledger.language(language, additions, deletions, files);
            addWindows("language:" + language, additions, windows);
        }

        void excluded(ExclusionBucket bucket, long additions, long deletions, long files) {
            long[] e = excluded.computeIfAbsent(bucket, k -> new long[3]);
            e[0] += additions;
            e[1] += deletions;
            e[2] += files;
        }

        void detection(long day, DetectionKind kind, String ecosystem, String name, long count) {
            if (count == 0) {
                return; // a rollup row whose commits were all rewritten or deleted
            }
            if (kind == DetectionKind.PACKAGE) {
                packages.computeIfAbsent(ecosystem, e -> new TreeSet<>()).add(name);
            } else {
                tools.merge(kind, count, Long::sum);
            }
            addOnDay("detector:" + kind.jsonName(), day, count);
        }

        /** The ledger moves the lines into the language and the day; the rest of the CV follows here. */
        void includeOutlier(long repositoryId, long day, String language, long additions, long deletions) {
            ledger.includeOutlier(day, language, additions, deletions);
            addOnDay("language:" + language, day, additions);
            excluded(ExclusionBucket.BULK, -additions, -deletions, -1);
            repository(repositoryId, 0, additions, deletions);
        }

        private long[] metric(String name) {
            return metrics.computeIfAbsent(name, k -> new long[7]);
        }

        private void addWindows(String name, long total, long[] windows) {
            long[] m = metric(name);
            m[0] += total;
            for (int i = 0; i < 6; i++) {
                m[i + 1] += windows[i];
            }
        }

        /** Adds a value on a day to the total and to every window that holds the day. */
        private void addOnDay(String name, long day, long value) {
            long[] m = metric(name);
            m[0] += value;
            long age = today - day; // 0 today
            int[] lengths = {52 * WEEK, 13 * WEEK, WEEK};
            for (int i = 0; i < 3; i++) {
                if (age >= 0 && age < lengths[i]) {
                    m[1 + 2 * i] += value;
                } else if (age >= lengths[i] && age < 2L * lengths[i]) {
                    m[2 + 2 * i] += value;
                }
            }
        }

        UserStats result() {
            // the ledger's days already hold the included outliers' lines
            ledger.forEachActiveDay((day, commits, additions, deletions) -> {
                addOnDay("commits", day, commits);
                addOnDay("additions", day, additions);
                addOnDay("deletions", day, deletions);
            });
            NavigableSet<Long> days = ledger.activeDays();
            SortedMap<String, LineCount> langs = ledger.languages();
            EnumMap<ExclusionBucket, LineCount> ex = new EnumMap<>(ExclusionBucket.class);
            excluded.forEach((k, e) -> ex.put(k, new LineCount(e[0], e[1], e[2])));
            long additions = langs.values().stream().mapToLong(LineCount::additions).sum();
            long deletions = langs.values().stream().mapToLong(LineCount::deletions).sum();
            Totals totals = new Totals(ledger.commits(), additions, deletions, first, last, days.size(), langs, ex,
                    types, inferredTypes, breaking, tools, new TreeMap<>(packages));
            List<RepositoryShare> repos = new ArrayList<>();
            repositories.forEach((id, r) -> {
                if (r[0] != 0) {
                    repos.add(new RepositoryShare(id, r[0], r[1], r[2]));
                }
            });
            List<Long> cells = new ArrayList<>(punch.length);
            for (long c : punch) {
                cells.add(c);
            }
            return new UserStats(totals, series(LocalCalendar::dayKey), series(LocalCalendar::weekKey),
                    series(LocalCalendar::monthKey), repos, activity(days), new PunchCard(cells), keyMetrics(langs));
        }

        private List<Period> series(LongFunction<String> key) {
            List<PeriodRow> rows = ledger.periods(key, List.of());
            List<Period> out = new ArrayList<>(rows.size());
            for (PeriodRow r : rows) {
                out.add(new Period(r.key(), r.value(0), r.value(1), r.value(2)));
            }
            return out;
        }

        private Activity activity(NavigableSet<Long> days) {
            long longest = 0;
            long run = 0;
            long previous = Long.MIN_VALUE;
            for (long day : days) {
                run = day == previous + 1 ? run + 1 : 1;
                longest = Math.max(longest, run);
                previous = day;
            }
            long current = 0;
            // a streak is still alive in the morning before today's first commit
            long day = days.contains(today) ? today : today - 1;
            while (days.contains(day)) {
                current++;
                day--;
            }
            return new Activity(days.size(), longest, current);
        }

        private List<KeyMetric> keyMetrics(Map<String, LineCount> langs) {
            List<String> names = new ArrayList<>(List.of("commits", "additions", "deletions"));
            langs.keySet().forEach(l -> names.add("language:" + l));
            for (CommitType t : CommitType.values()) {
                names.add("type:" + t.jsonName());
            }
            for (DetectionKind k : DetectionKind.values()) {
                names.add("detector:" + k.jsonName());
            }
            List<KeyMetric> out = new ArrayList<>(names.size());
            for (String name : names) {
                long[] m = metrics.getOrDefault(name, new long[7]);
                out.add(new KeyMetric(name, m[0], new Trend(m[1], m[2]), new Trend(m[3], m[4]), new Trend(m[5], m[6])));
            }
            return Collections.unmodifiableList(out);
        }
    }

    /**
     * Folds per-day rows into the export's table: its named columns ({@code additions_<language>}, {@code type_<type>},
     * {@code detected_<kind>}) are named metrics of a {@link DayLedger}'s days, which the ledger folds into periods
     * with commits, additions and deletions. One per query; not thread-safe.
     */
    private static final class DayTable {
        /** Column names, made once rather than per row; in the enums' order. */
        private static final EnumMap<CommitType, String> TYPE_COLUMNS = new EnumMap<>(CommitType.class);
        private static final EnumMap<DetectionKind, String> DETECTION_COLUMNS = new EnumMap<>(DetectionKind.class);

        static {
            for (CommitType type : CommitType.values()) {
                TYPE_COLUMNS.put(type, "type_" + type.jsonName());
            }
            for (DetectionKind kind : DetectionKind.values()) {
                DETECTION_COLUMNS.put(kind, "detected_" + kind.jsonName());
            }
        }

        final DayLedger ledger = new DayLedger();

        void type(long day, CommitType type, long commits) {
            ledger.add(day, TYPE_COLUMNS.get(type), commits);
        }

        void language(long day, String language, long additions, long deletions, long files) {
            ledger.add(day, "additions_" + language, additions);
            ledger.language(language, additions, deletions, files);
        }

        void detection(long day, DetectionKind kind, String ecosystem, String name, long count) {
            ledger.add(day, DETECTION_COLUMNS.get(kind), count);
        }

        void includeOutlier(long repositoryId, long day, String language, long additions, long deletions) {
            ledger.includeOutlier(day, language, additions, deletions);
            ledger.add(day, "additions_" + language, additions);
        }

        /**
         * The table. Its language columns are those of the totals, which keep a language that has deletions or files
         * but no additions; its other named columns are those with a non-zero sum.
         */
        PeriodTable table(String period) {
            Map<String, Long> sums = ledger.metricTotals();
            List<String> named = new ArrayList<>();
            TotalsDocument.sortedBySize(ledger.languages()).forEach(e -> named.add("additions_" + e.getKey()));
            for (String m : TYPE_COLUMNS.values()) {
                if (sums.getOrDefault(m, 0L) != 0) {
                    named.add(m);
                }
            }
            for (String m : DETECTION_COLUMNS.values()) {
                if (sums.getOrDefault(m, 0L) != 0) {
                    named.add(m);
                }
            }
            List<String> metrics = new ArrayList<>(List.of("commits", "additions", "deletions"));
            metrics.addAll(named);
            return new PeriodTable(period, metrics,
                    ledger.periods(day -> PeriodTable.keyOf(period, LocalDate.ofEpochDay(day)), named));
        }
    }
}
