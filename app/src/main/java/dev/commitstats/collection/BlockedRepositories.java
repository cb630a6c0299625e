package dev.commitstats.collection;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repositories whose last collection failed for a reason retrying cannot cure ({@link CollectionFailure#permanent()}):
 * the periodic delta leaves them alone until their token is replaced or a collection of them succeeds. Owns the
 * {@code collection_blocked} table. Thread-safe.
 */
final class BlockedRepositories {

    private final JdbcClient jdbc;
    private final Clock clock;

    BlockedRepositories(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    void block(long repositoryId, String reason) {
        jdbc.sql("""
                        INSERT INTO collection_blocked (repository_id, reason, blocked_at) VALUES (:r, :reason, :at)
                        ON CONFLICT (repository_id) DO UPDATE SET reason = excluded.reason, blocked_at = excluded.blocked_at""")
                .param("r", repositoryId).param("reason", reason).param("at", clock.instant().toEpochMilli()).update();
    }

    void unblock(long repositoryId) {
        jdbc.sql("DELETE FROM collection_blocked WHERE repository_id = :r").param("r", repositoryId).update();
    }

    boolean blocked(long repositoryId) {
        return jdbc.sql("SELECT COUNT(*) FROM collection_blocked WHERE repository_id = :r").param("r", repositoryId)
                .query(Integer.class).single() > 0;
    }

    /** When each blocked repository among {@code repositoryIds} was blocked. */
    Map<Long, Instant> blockedSince(List<Long> repositoryIds) {
        if (repositoryIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> out = new HashMap<>();
        jdbc.sql("SELECT repository_id, blocked_at FROM collection_blocked WHERE repository_id IN (:ids)")
                .param("ids", repositoryIds)
                .query(rs -> {
                    out.put(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)));
                });
        return out;
    }

    /** The blocked repositories among {@code repositoryIds}. */
    List<Long> blockedAmong(List<Long> repositoryIds) {
        if (repositoryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT repository_id FROM collection_blocked WHERE repository_id IN (:ids) ORDER BY repository_id")
                .param("ids", repositoryIds).query(Long.class).list();
    }
}
