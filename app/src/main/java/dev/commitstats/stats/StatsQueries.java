package dev.commitstats.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
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
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.User;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's numbers, added up in SQL: over their active repositories and the commits whose author email is one of
 * their identities, each sha counted once even when a fork or mirror holds it too (the copy in the repository with the
 * lowest id counts). Outlier files the user included move from the bulk bucket into their language everywhere.
 * Thread-safe.
 *
 * <p>SQL groups by the commit-local day number stored at write time (see {@code V2__commit_facts.sql}); weeks, months,
 * streaks and key-metric windows are folded from those day rows in Java, which is a few thousand rows at most and
 * spares both databases date arithmetic they spell differently.
 */
public final class StatsQueries {

    private static final String FACT_COLUMNS = """
            repository_id, sha, type, breaking, additions, deletions, author_time,
            local_day, local_weekday, local_hour""";

    /** One repository cannot hold a sha twice, so no dedupe is needed. */
    private static final String COUNTED_SINGLE = """
            WITH counted AS (
                SELECT %s FROM commit_facts
                WHERE repository_id IN (:repos) AND author_email IN (:emails))
            """.formatted(FACT_COLUMNS);

    private static final String COUNTED_DEDUPED = """
            WITH counted AS (
                SELECT %1$s FROM (
                    SELECT %1$s, ROW_NUMBER() OVER (PARTITION BY sha ORDER BY repository_id) AS copy
                    FROM commit_facts
                    WHERE repository_id IN (:repos) AND author_email IN (:emails)) numbered
                WHERE copy = 1)
            """.formatted(FACT_COLUMNS);

    private static final String BY_DAY_AND_TYPE = """
            SELECT local_day, type, COUNT(*) AS commits, SUM(additions) AS additions, SUM(deletions) AS deletions,
                   SUM(CASE WHEN breaking THEN 1 ELSE 0 END) AS breaking,
                   MIN(author_time) AS first_time, MAX(author_time) AS last_time
            FROM counted GROUP BY local_day, type""";

    private static final String BY_WEEKDAY_AND_HOUR = """
            SELECT local_weekday, local_hour, COUNT(*) AS commits FROM counted GROUP BY local_weekday, local_hour""";

    private static final String BY_REPOSITORY = """
            SELECT repository_id, COUNT(*) AS commits, SUM(additions) AS additions, SUM(deletions) AS deletions
            FROM counted GROUP BY repository_id""";

    private static final String LANGUAGES_BY_DAY = """
            SELECT c.local_day, l.language, SUM(l.additions) AS additions, SUM(l.deletions) AS deletions,
                   SUM(l.files) AS files
            FROM counted c JOIN commit_languages l ON l.repository_id = c.repository_id AND l.sha = c.sha
            GROUP BY c.local_day, l.language""";

    private static final String EXCLUSIONS = """
            SELECT e.bucket, SUM(e.additions) AS additions, SUM(e.deletions) AS deletions, SUM(e.files) AS files
            FROM counted c JOIN commit_exclusions e ON e.repository_id = c.repository_id AND e.sha = c.sha
            GROUP BY e.bucket""";

    private static final String DETECTIONS = """
            SELECT c.local_day, d.kind, d.ecosystem, d.name
            FROM counted c JOIN commit_detections d ON d.repository_id = c.repository_id AND d.sha = c.sha""";

    private static final String INCLUDED_OUTLIERS = """
            SELECT c.repository_id, c.local_day, o.sha, o.path, o.language, o.additions, o.deletions
            FROM counted c JOIN outlier_files o ON o.repository_id = c.repository_id AND o.sha = c.sha
            WHERE o.included = TRUE""";

    /** The offset of the commit at an extreme author time, for first and last commit in the author's own time. */
    private static final String OFFSET_AT = """
            SELECT author_offset_minutes FROM commit_facts
            WHERE author_time = :t AND repository_id IN (:repos) AND author_email IN (:emails)
            ORDER BY repository_id LIMIT 1""";

    private static final int WEEK = 7;

    private final JdbcClient jdbc;
    private final RepositoryRegistry registry;

    public StatsQueries(DataSource dataSource, RepositoryRegistry registry) {
        this.jdbc = JdbcClient.create(dataSource);
        this.registry = registry;
    }

    /** The headline totals: the same numbers {@link dev.commitstats.core.mining.TotalsBuilder} gives over the facts. */
    public Totals totals(long userId) {
        return userStats(userId, Instant.now()).totals();
    }

    /**
     * Everything a CV shows for the user.
     *
     * @param userId the user
     * @param now    the end of the key-metric windows and streaks; "today" is its date in the user's time zone
     */
    public UserStats userStats(long userId, Instant now) {
        User user = registry.user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        Scope scope = new Scope(registry.activeRepositoryIds(userId), registry.identities(userId));
        long today = LocalDate.ofInstant(now, user.timeZone()).toEpochDay();
        return scope.isEmpty() ? new Adder(today).result() : aggregate(scope, today);
    }

    /** The repositories and lower-cased emails whose commits count for a user. */
    private record Scope(List<Long> repositoryIds, List<String> emails) {
        boolean isEmpty() {
            return repositoryIds.isEmpty() || emails.isEmpty();
        }

        String counted() {
            return repositoryIds.size() == 1 ? COUNTED_SINGLE : COUNTED_DEDUPED;
        }
    }

    private JdbcClient.StatementSpec sql(Scope scope, String select) {
        return jdbc.sql(scope.counted() + select).param("repos", scope.repositoryIds()).param("emails", scope.emails());
    }

    private UserStats aggregate(Scope scope, long today) {
        Adder a = new Adder(today);
        long[] extremes = {Long.MAX_VALUE, Long.MIN_VALUE};
        sql(scope, BY_DAY_AND_TYPE).query(rs -> {
            long day = rs.getLong("local_day");
            a.commits(day, CommitType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), rs.getLong("commits"),
                    rs.getLong("additions"), rs.getLong("deletions"), rs.getLong("breaking"));
            extremes[0] = Math.min(extremes[0], rs.getLong("first_time"));
            extremes[1] = Math.max(extremes[1], rs.getLong("last_time"));
        });
        if (extremes[0] != Long.MAX_VALUE) {
            a.first = atOwnOffset(scope, extremes[0]);
            a.last = atOwnOffset(scope, extremes[1]);
        }
        sql(scope, BY_WEEKDAY_AND_HOUR).query(rs -> {
            a.punch[(rs.getInt("local_weekday") - 1) * 24 + rs.getInt("local_hour")] += rs.getLong("commits");
        });
        sql(scope, BY_REPOSITORY).query(rs -> {
            a.repositories.put(rs.getLong("repository_id"),
                    new long[] {rs.getLong("commits"), rs.getLong("additions"), rs.getLong("deletions")});
        });
        sql(scope, LANGUAGES_BY_DAY).query(rs -> {
            a.language(rs.getLong("local_day"), rs.getString("language"),
                    new LineCount(rs.getLong("additions"), rs.getLong("deletions"), rs.getLong("files")));
        });
        sql(scope, EXCLUSIONS).query(rs -> {
            a.excluded.put(ExclusionBucket.fromJsonName(rs.getString("bucket")),
                    new LineCount(rs.getLong("additions"), rs.getLong("deletions"), rs.getLong("files")));
        });
        sql(scope, DETECTIONS).query(rs -> {
            a.detection(rs.getLong("local_day"), DetectionKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                    rs.getString("ecosystem"), rs.getString("name"));
        });
        Set<String> seen = new HashSet<>();
        sql(scope, INCLUDED_OUTLIERS).query(rs -> {
            // the owner's decision is stored on every copy of the commit; count the file once
            if (seen.add(rs.getString("sha") + '\n' + rs.getString("path"))) {
                a.includeOutlier(rs.getLong("repository_id"), rs.getLong("local_day"), rs.getString("language"),
                        rs.getLong("additions"), rs.getLong("deletions"));
            }
        });
        return a.result();
    }

    private OffsetDateTime atOwnOffset(Scope scope, long epochSecond) {
        int offset = jdbc.sql(OFFSET_AT).param("t", epochSecond).param("repos", scope.repositoryIds())
                .param("emails", scope.emails()).query(Integer.class).single();
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offset * 60));
    }

    /** Folds the grouped rows into the result. One per query; not thread-safe. */
    private static final class Adder {
        final long today;
        final TreeMap<Long, long[]> days = new TreeMap<>();
        final EnumMap<CommitType, Long> types = new EnumMap<>(CommitType.class);
        long breaking;
        OffsetDateTime first;
        OffsetDateTime last;
        final long[] punch = new long[7 * 24];
        final TreeMap<Long, long[]> repositories = new TreeMap<>();
        final Map<String, LineCount> languages = new HashMap<>();
        final EnumMap<ExclusionBucket, LineCount> excluded = new EnumMap<>(ExclusionBucket.class);
        final EnumMap<DetectionKind, Long> tools = new EnumMap<>(DetectionKind.class);
        final Map<String, SortedSet<String>> packages = new TreeMap<>();
        /** Per key metric, its value per day. */
        final Map<String, TreeMap<Long, Long>> daily = new LinkedHashMap<>();

        Adder(long today) {
            this.today = today;
            daily.put("commits", new TreeMap<>());
            daily.put("additions", new TreeMap<>());
            daily.put("deletions", new TreeMap<>());
        }

        void commits(long day, CommitType type, long commits, long additions, long deletions, long breakingCommits) {
            long[] d = days.computeIfAbsent(day, k -> new long[3]);
            d[0] += commits;
            d[1] += additions;
            d[2] += deletions;
            types.merge(type, commits, Long::sum);
            breaking += breakingCommits;
            add("commits", day, commits);
            add("additions", day, additions);
            add("deletions", day, deletions);
            add("type:" + type.jsonName(), day, commits);
        }

        void language(long day, String language, LineCount n) {
            languages.merge(language, n, LineCount::plus);
            add("language:" + language, day, n.additions());
        }

        void detection(long day, DetectionKind kind, String ecosystem, String name) {
            if (kind == DetectionKind.PACKAGE) {
                packages.computeIfAbsent(ecosystem, e -> new TreeSet<>()).add(name);
            } else {
                tools.merge(kind, 1L, Long::sum);
            }
            add("detector:" + kind.jsonName(), day, 1);
        }

        void includeOutlier(long repositoryId, long day, String language, long additions, long deletions) {
            LineCount moved = new LineCount(additions, deletions, 1);
            languages.merge(language, moved, LineCount::plus);
            LineCount bulk = excluded.getOrDefault(ExclusionBucket.BULK, LineCount.ZERO);
            excluded.put(ExclusionBucket.BULK, new LineCount(Math.max(0, bulk.additions() - additions),
                    Math.max(0, bulk.deletions() - deletions), Math.max(0, bulk.files() - 1)));
            long[] d = days.get(day);
            d[1] += additions;
            d[2] += deletions;
            long[] r = repositories.get(repositoryId);
            r[1] += additions;
            r[2] += deletions;
            add("additions", day, additions);
            add("deletions", day, deletions);
            add("language:" + language, day, additions);
        }

        private void add(String metric, long day, long value) {
            daily.computeIfAbsent(metric, k -> new TreeMap<>()).merge(day, value, Long::sum);
        }

        UserStats result() {
            long commits = 0;
            for (long[] d : days.values()) {
                commits += d[0];
            }
            long additions = languages.values().stream().mapToLong(LineCount::additions).sum();
            long deletions = languages.values().stream().mapToLong(LineCount::deletions).sum();
            Totals totals = new Totals(commits, additions, deletions, first, last, days.size(),
                    new TreeMap<>(languages), excluded,
                    types, breaking, tools, new TreeMap<>(packages));
            List<RepositoryShare> repos = new ArrayList<>();
            repositories.forEach((id, r) -> repos.add(new RepositoryShare(id, r[0], r[1], r[2])));
            List<Long> cells = new ArrayList<>(punch.length);
            for (long c : punch) {
                cells.add(c);
            }
            return new UserStats(totals, series(LocalCalendar::dayKey), series(LocalCalendar::weekKey),
                    series(LocalCalendar::monthKey), repos, activity(), new PunchCard(cells), keyMetrics());
        }

        private List<Period> series(LongFunction<String> key) {
            Map<String, long[]> periods = new LinkedHashMap<>();
            // days ascend and every period is a run of consecutive days, so the keys come out ascending
            days.forEach((day, d) -> {
                long[] p = periods.computeIfAbsent(key.apply(day), k -> new long[3]);
                p[0] += d[0];
                p[1] += d[1];
                p[2] += d[2];
            });
            List<Period> out = new ArrayList<>(periods.size());
            periods.forEach((k, p) -> out.add(new Period(k, p[0], p[1], p[2])));
            return out;
        }

        private Activity activity() {
            long longest = 0;
            long run = 0;
            long previous = Long.MIN_VALUE;
            for (long day : days.keySet()) {
                run = day == previous + 1 ? run + 1 : 1;
                longest = Math.max(longest, run);
                previous = day;
            }
            long current = 0;
            // a streak is still alive in the morning before today's first commit
            long day = days.containsKey(today) ? today : today - 1;
            while (days.containsKey(day)) {
                current++;
                day--;
            }
            return new Activity(days.size(), longest, current);
        }

        private List<KeyMetric> keyMetrics() {
            List<String> names = new ArrayList<>(List.of("commits", "additions", "deletions"));
            new TreeSet<>(languages.keySet()).forEach(l -> names.add("language:" + l));
            for (CommitType t : CommitType.values()) {
                names.add("type:" + t.jsonName());
            }
            for (DetectionKind k : DetectionKind.values()) {
                names.add("detector:" + k.jsonName());
            }
            List<KeyMetric> out = new ArrayList<>(names.size());
            for (String name : names) {
                NavigableMap<Long, Long> values = daily.getOrDefault(name, new TreeMap<>());
                long total = values.values().stream().mapToLong(Long::longValue).sum();
                out.add(new KeyMetric(name, total, trend(values, 52 * WEEK), trend(values, 13 * WEEK),
                        trend(values, WEEK)));
            }
            return Collections.unmodifiableList(out);
        }

        /** The last {@code length} days up to today against the {@code length} days before them. */
        private Trend trend(NavigableMap<Long, Long> values, int length) {
            return new Trend(sum(values, today - length + 1, today),
                    sum(values, today - 2L * length + 1, today - length));
        }

        private static long sum(NavigableMap<Long, Long> values, long fromDay, long toDay) {
            return values.subMap(fromDay, true, toDay, true).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
