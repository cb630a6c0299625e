package dev.commitstats.collection;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the periodic delta last started and completed, and what it did, for the status page. One row, whichever
 * instance ran it. Owns the {@code collection_schedule} table. Thread-safe.
 */
final class ScheduledRuns {

    /**
     * The last scheduled delta.
     *
     * @param startedAt  when the last one started
     * @param finishedAt when the last complete one ended, or null when none completed yet
     * @param users      users it visited (of the last complete one)
     * @param enqueued   collections it enqueued (of the last complete one)
     */
    record Last(Instant startedAt, @Nullable Instant finishedAt, int users, int enqueued) {
    }

    private final JdbcClient jdbc;

    ScheduledRuns(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void started(Instant at) {
        jdbc.sql("""
                        INSERT INTO collection_schedule (id, last_started_at) VALUES (1, :at)
                        ON CONFLICT (id) DO UPDATE SET last_started_at = excluded.last_started_at""")
                .param("at", at.toEpochMilli()).update();
    }

    void finished(Instant at, int users, int enqueued) {
        jdbc.sql("""
                        UPDATE collection_schedule SET last_finished_at = :at, users = :u, enqueued = :n WHERE id = 1""")
                .param("at", at.toEpochMilli()).param("u", users).param("n", enqueued).update();
    }

    Optional<Last> last() {
        return jdbc.sql("SELECT last_started_at, last_finished_at, users, enqueued FROM collection_schedule WHERE id = 1")
                .query((rs, i) -> {
                    long finished = rs.getLong("last_finished_at");
                    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                    return new Last(Instant.ofEpochMilli(rs.getLong("last_started_at")), finishedAt,
                            rs.getInt("users"), rs.getInt("enqueued"));
                }).optional();
    }
}
