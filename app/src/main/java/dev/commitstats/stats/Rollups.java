package dev.commitstats.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the rollup tables equal to the sums over the facts that are not copies. Each change to facts is bracketed:
 * {@link #apply} with -1 takes away the contributions of the commits in {@code pending_commits} (in every repository
 * of the owner, since a write can turn a fork's commit into a copy or back), the facts change, then {@link #apply} with
 * +1 adds the new contributions. Set-based statements, one per rollup table, so the cost is per batch, not per commit.
 */
final class Rollups {

    /** One rollup table: its key and value columns and the expressions that compute them from its source table. */
    private record Spec(String table, String source, List<String> keys, List<String> keyExprs, List<String> values,
            List<String> valueExprs) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("rollup_days", "commit_facts",
                    List.of("repository_id", "author_email", "local_day"),
                    List.of("f.repository_id", "f.author_email", "f.local_day"),
                    List.of("commits", "additions", "deletions"),
                    List.of("COUNT(*)", "SUM(f.additions)", "SUM(f.deletions)")),
            new Spec("rollup_types", "commit_facts",
                    List.of("repository_id", "author_email", "local_day", "type"),
                    List.of("f.repository_id", "f.author_email", "f.local_day", "f.type"),
                    List.of("commits", "breaking"),
                    List.of("COUNT(*)", "SUM(CASE WHEN f.breaking THEN 1 ELSE 0 END)")),
            new Spec("rollup_hours", "commit_facts",
                    List.of("repository_id", "author_email", "local_weekday", "local_hour"),
                    List.of("f.repository_id", "f.author_email", "f.local_weekday", "f.local_hour"),
                    List.of("commits"),
                    List.of("COUNT(*)")),
            new Spec("rollup_languages", "commit_languages",
                    List.of("repository_id", "author_email", "local_day", "language"),
                    List.of("f.repository_id", "f.author_email", "f.local_day", "f.language"),
                    List.of("additions", "deletions", "files"),
                    List.of("SUM(f.additions)", "SUM(f.deletions)", "SUM(f.files)")),
            new Spec("rollup_exclusions", "commit_exclusions",
                    List.of("repository_id", "author_email", "bucket"),
                    List.of("f.repository_id", "f.author_email", "f.bucket"),
                    List.of("additions", "deletions", "files"),
                    List.of("SUM(f.additions)", "SUM(f.deletions)", "SUM(f.files)")),
            new Spec("rollup_detections", "commit_detections",
                    List.of("repository_id", "author_email", "local_day", "kind", "ecosystem", "name"),
                    List.of("f.repository_id", "f.author_email", "f.local_day", "f.kind", "COALESCE(f.ecosystem, '')",
                            "f.name"),
                    List.of("detections"),
                    List.of("COUNT(*)")));

    /** Every repository of the owner; ids come from the database, so inlining them is safe. */
    private static final String DELTA = """
            INSERT INTO %1$s (%2$s, %3$s)
            SELECT %4$s, %5$s
            FROM pending_commits p JOIN %6$s f ON f.sha = p.sha
            WHERE p.repository_id = ? AND f.repository_id IN (%7$s)
              AND NOT EXISTS (SELECT 1 FROM commit_copies c WHERE c.repository_id = f.repository_id AND c.sha = f.sha)
            GROUP BY %4$s
            ON CONFLICT (%2$s) DO UPDATE SET %8$s""";

    private Rollups() {
    }

    /** Adds (sign 1) or takes away (sign -1) the contributions of the pending commits' non-copy facts. */
    static void apply(Connection c, long repositoryId, List<Long> ownerRepositories, int sign, WriteProbe probe)
            throws SQLException {
        String ids = ownerRepositories.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (Spec s : SPECS) {
            String values = s.valueExprs().stream().map(v -> sign < 0 ? "-1 * " + v : v)
                    .collect(Collectors.joining(", "));
            String updates = s.values().stream().map(v -> v + " = " + s.table() + "." + v + " + excluded." + v)
                    .collect(Collectors.joining(", "));
            String sql = DELTA.formatted(s.table(), String.join(", ", s.keys()), String.join(", ", s.values()),
                    String.join(", ", s.keyExprs()), values, s.source(), ids, updates);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, repositoryId);
                probe.written(s.table(), ps.executeUpdate());
            }
        }
    }
}
