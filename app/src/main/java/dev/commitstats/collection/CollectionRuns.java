package dev.commitstats.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record of every collection run: which repository, what started it, when it started and ended, the new commits
 * it found and how it ended, with the reason when it failed or did not run. Kept for
 * {@link CollectionSettings#runsRetention()}; older records are dropped as new ones are written. Owns the
 * {@code collection_runs} table. Thread-safe.
 */
public final class CollectionRuns {

    /**
     * One run as recorded.
     *
     * @param id           the record's id
     * @param repositoryId the repository
     * @param repository   its name as the owner sees it ({@code owner/name})
     * @param trigger      what started it
     * @param startedAt    when it started
     * @param finishedAt   when it ended
     * @param newCommits   commits stored for the first time
     * @param outcome      {@code collected}, {@code failed} or {@code busy}
     * @param message      why it failed or did not run, or a note ("no push since the last collection"); else null
     */
    public record Run(long id, long repositoryId, String repository, CollectionTrigger trigger, Instant startedAt,
            Instant finishedAt, int newCommits, String outcome, @Nullable String message) {

        public Duration took() {
            return Duration.between(startedAt, finishedAt);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    public CollectionRuns(DataSource dataSource, Clock clock, Duration retention) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.retention = retention;
    }

    /** Records a run that ended now, and drops the records older than the retention. */
    void record(long repositoryId, CollectionTrigger trigger, Instant startedAt, CollectionOutcome outcome) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO collection_runs (repository_id, trigger_kind, started_at, finished_at, new_commits,
                            outcome, message)
                        VALUES (:r, :t, :s, :f, :n, :o, :m)""")
                .param("r", repositoryId).param("t", trigger.dbName()).param("s", startedAt.toEpochMilli())
                .param("f", now.toEpochMilli()).param("n", outcome.newCommits())
                .param("o", outcome.result().name().toLowerCase(java.util.Locale.ROOT))
                .param("m", outcome.message()).update();
        jdbc.sql("DELETE FROM collection_runs WHERE started_at < :before")
                .param("before", now.minus(retention).toEpochMilli()).update();
    }

    /**
     * The user's runs, newest first.
     *
     * @param repositoryId only this repository's runs, or null for all of the user's
     * @param limit        at most this many
     */
    public List<Run> runs(long userId, @Nullable Long repositoryId, int limit) {
        // two statements rather than ":repo IS NULL OR ...": PostgreSQL cannot type a bare null parameter
        String oneRepository = repositoryId == null ? "" : " AND c.repository_id = :repo";
        var sql = jdbc.sql("""
                        SELECT c.id, c.repository_id, r.name, r.owner_group, c.trigger_kind, c.started_at,
                               c.finished_at, c.new_commits, c.outcome, c.message
                        FROM collection_runs c JOIN repositories r ON r.id = c.repository_id
                        WHERE r.user_id = :u""" + oneRepository + """

                        ORDER BY c.started_at DESC, c.id DESC
                        LIMIT :limit""")
                .param("u", userId).param("limit", limit);
        if (repositoryId != null) {
            sql = sql.param("repo", repositoryId);
        }
        return sql.query(CollectionRuns::run).list();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        String owner = rs.getString("owner_group");
        String name = owner == null ? rs.getString("name") : owner + "/" + rs.getString("name");
        return new Run(rs.getLong("id"), rs.getLong("repository_id"), name,
                CollectionTrigger.valueOf(rs.getString("trigger_kind").toUpperCase(java.util.Locale.ROOT)),
                Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("finished_at")),
                rs.getInt("new_commits"), rs.getString("outcome"), rs.getString("message"));
    }
}
