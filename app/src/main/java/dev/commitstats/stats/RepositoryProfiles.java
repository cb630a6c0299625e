package dev.commitstats.stats;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.RepositoryRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a user did in each of their active repositories, described rather than counted: the languages they wrote in
 * (most lines first), the span of days they committed on and their commits per year. A CV names a private repository
 * by these ("private repository · Java, Terraform · 2021–2024") instead of by its name, and its year in review picks
 * the repository worked on most by them. Read from the rollups, so a fork's copies of a commit describe the repository
 * that counts them. Thread-safe.
 */
public final class RepositoryProfiles {

    /** How many languages a profile names at most. */
    public static final int LANGUAGES = 3;

    private static final String SCOPE = "t.repository_id IN (:repos) AND t.author_email IN (:emails)";

    /** Within a period: every query here reads rollups that carry the local day. */
    private static final String IN_PERIOD = " AND t.local_day BETWEEN :from AND :to";

    private static final String LANGUAGES_SQL = """
            SELECT t.repository_id, t.language, SUM(t.additions) AS additions, SUM(t.deletions) AS deletions
            FROM rollup_languages t WHERE %s
            GROUP BY t.repository_id, t.language
            ORDER BY t.repository_id, SUM(t.additions) + SUM(t.deletions) DESC, t.language""".formatted(SCOPE);

    private static final String SPAN_SQL = """
            SELECT t.repository_id, MIN(t.local_day) AS first_day, MAX(t.local_day) AS last_day
            FROM rollup_days t WHERE %s AND t.commits > 0
            GROUP BY t.repository_id""".formatted(SCOPE);

    // per day rather than per year: local_day is an epoch day number, and its calendar year is computed in Java
    // instead of with date functions that SQLite and PostgreSQL spell differently
    private static final String DAYS_SQL = """
            SELECT t.repository_id, t.local_day, SUM(t.commits) AS commits
            FROM rollup_days t WHERE %s AND t.commits > 0
            GROUP BY t.repository_id, t.local_day""".formatted(SCOPE);

    /**
     * One repository's profile.
     *
     * @param repositoryId the repository
     * @param languages    up to {@link #LANGUAGES} languages, most lines changed first
     * @param firstDay     the first local day with a counted commit of the user's
     * @param lastDay      the last one
     * @param years        the user's commits in it per calendar year of their local days, ascending
     */
    public record Profile(long repositoryId, List<String> languages, LocalDate firstDay, LocalDate lastDay,
            SortedMap<Integer, Long> years) {
        public Profile {
            languages = List.copyOf(languages);
            years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
        }
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final RepositoryRegistry registry;

    public RepositoryProfiles(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry) {
        this.jdbc = JdbcClient.create(dataSource);
        this.accounts = accounts;
        this.registry = registry;
    }

    /** The profiles of the user's active repositories with counted commits, by repository id. */
    public Map<Long, Profile> of(long userId) {
        return of(userId, Selection.ALL);
    }

    /** The profiles of the selected repositories, from the selected emails' commits on the selected days. */
    public Map<Long, Profile> of(long userId, Selection selection) {
        List<Long> repos = selection.repositoriesAmong(registry.activeRepositoryIds(userId));
        List<String> emails = selection.emailsAmong(accounts.identities(userId));
        Map<Long, Profile> out = new LinkedHashMap<>();
        if (repos.isEmpty() || emails.isEmpty()) {
            return out;
        }
        boolean period = selection.hasPeriod();
        java.util.function.Function<String, JdbcClient.StatementSpec> sql = text -> {
            JdbcClient.StatementSpec spec = jdbc.sql(period ? text.replace(SCOPE, SCOPE + IN_PERIOD) : text)
                    .param("repos", repos).param("emails", emails);
            return period ? spec.param("from", selection.fromDay()).param("to", selection.toDay()) : spec;
        };
        Map<Long, List<String>> languages = new HashMap<>();
        sql.apply(LANGUAGES_SQL).query(rs -> {
            if (rs.getLong("additions") + rs.getLong("deletions") > 0) {
                List<String> l = languages.computeIfAbsent(rs.getLong("repository_id"), k -> new ArrayList<>());
                if (l.size() < LANGUAGES) {
                    l.add(rs.getString("language"));
                }
            }
        });
        Map<Long, SortedMap<Integer, Long>> years = new HashMap<>();
        sql.apply(DAYS_SQL).query(rs -> {
            years.computeIfAbsent(rs.getLong("repository_id"), k -> new TreeMap<>())
                    .merge(LocalDate.ofEpochDay(rs.getLong("local_day")).getYear(), rs.getLong("commits"), Long::sum);
        });
        sql.apply(SPAN_SQL).query(rs -> {
            long id = rs.getLong("repository_id");
            out.put(id, new Profile(id, languages.getOrDefault(id, List.of()),
                    LocalDate.ofEpochDay(rs.getLong("first_day")), LocalDate.ofEpochDay(rs.getLong("last_day")),
                    years.getOrDefault(id, new TreeMap<>())));
        });
        return out;
    }
}
