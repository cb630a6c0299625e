package dev.commitstats.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.commitstats.core.detect.Detection;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.mining.CommitFact;

/**
 * Keeps the rollup tables equal to the sums over the facts that are not copies. Each change to facts is bracketed:
 * {@link #apply} with -1 takes away the contributions of the changed commits (in every repository
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
                    List.of("commits", "breaking", "inferred"),
                    List.of("COUNT(*)", "SUM(CASE WHEN f.breaking THEN 1 ELSE 0 END)",
                            "SUM(CASE WHEN f.type_inferred THEN 1 ELSE 0 END)")),
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

    /**
     * The rows of the changed commits (a list of bound shas, at most {@link #SHAS_PER_STATEMENT}) in every repository
     * of the owner (ids come from the database, so inlining them is safe), looked up by primary key. Not a join with
     * pending_commits: PostgreSQL's statistics know nothing yet of a repository's first collection, so it took that
     * repository's rows for a handful and compared each with the whole batch (rewriting 10,000 facts beside twenty
     * repositories: 290 s, most of it here).
     */
    private static final String DELTA = """
            INSERT INTO %1$s (%2$s, %3$s)
            SELECT %4$s, %5$s
            FROM %6$s f
            WHERE f.repository_id IN (%7$s) AND f.sha IN (%9$s)
              AND NOT EXISTS (SELECT 1 FROM commit_copies c WHERE c.repository_id = f.repository_id AND c.sha = f.sha)
            GROUP BY %4$s
            ON CONFLICT (%2$s) DO UPDATE SET %8$s""";

    /** Shas bound per {@link #DELTA} statement: a batch of the recommended size in one. */
    static final int SHAS_PER_STATEMENT = CommitFactStore.RECOMMENDED_BATCH_SIZE;

    private Rollups() {
    }

    /**
     * Adds facts that are not copies (their repository's owner has no other repository) straight from memory: the same
     * sums as {@link #apply} with +1, without reading back what was just written.
     */
    static void addFacts(Connection c, long repositoryId, Collection<CommitFact> facts, WriteProbe probe)
            throws SQLException {
        List<Map<List<Object>, long[]>> sums = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            sums.add(new LinkedHashMap<>());
        }
        for (CommitFact f : facts) {
            String email = UserAccounts.normalizeEmail(f.authorEmail());
            int day = (int) LocalCalendar.localDay(f.authorTime(), f.authorOffsetMinutes());
            plus(sums.get(0), List.of(repositoryId, email, day), 1, f.additions(), f.deletions());
            plus(sums.get(1), List.of(repositoryId, email, day, f.kind().type().jsonName()), 1,
                    f.kind().breaking() ? 1 : 0, f.kind().inferred() ? 1 : 0);
            plus(sums.get(2), List.of(repositoryId, email, LocalCalendar.weekday(day),
                    LocalCalendar.hour(f.authorTime(), f.authorOffsetMinutes())), 1);
            f.languages().forEach((language, n) -> plus(sums.get(3), List.of(repositoryId, email, day, language),
                    n.additions(), n.deletions(), n.files()));
            f.excluded().forEach((bucket, n) -> plus(sums.get(4), List.of(repositoryId, email, bucket.jsonName()),
                    n.additions(), n.deletions(), n.files()));
            for (Detection d : f.detections()) {
                plus(sums.get(5), List.of(repositoryId, email, day, d.kind().jsonName(),
                        d.ecosystem() == null ? "" : d.ecosystem(), d.name()), 1);
            }
        }
        for (int i = 0; i < SPECS.size(); i++) {
            Spec s = SPECS.get(i);
            List<Object[]> rows = new ArrayList<>(sums.get(i).size());
            sums.get(i).forEach((key, values) -> {
                Object[] row = new Object[key.size() + values.length];
                for (int k = 0; k < key.size(); k++) {
                    row[k] = key.get(k);
                }
                for (int v = 0; v < values.length; v++) {
                    row[key.size() + v] = values[v];
                }
                rows.add(row);
            });
            Rows.insert(c, "INSERT INTO " + s.table() + " (" + String.join(", ", s.keys()) + ", "
                    + String.join(", ", s.values()) + ")", " ON CONFLICT (" + String.join(", ", s.keys())
                    + ") DO UPDATE SET " + updates(s), s.keys().size() + s.values().size(), rows, s.table(), probe);
        }
    }

    private static void plus(Map<List<Object>, long[]> sums, List<Object> key, long... values) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }

    private static String updates(Spec s) {
        return s.values().stream().map(v -> v + " = " + s.table() + "." + v + " + excluded." + v)
                .collect(Collectors.joining(", "));
    }

    /**
     * Adds (sign 1) or takes away (sign -1) the contributions of these commits' non-copy facts in the owner's
     * repositories. Sums of separate statements add up, so the shas are taken in slices.
     */
    static void apply(Connection c, List<String> shas, List<Long> ownerRepositories, int sign, WriteProbe probe)
            throws SQLException {
        String ids = ownerRepositories.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (int from = 0; from < shas.size(); from += SHAS_PER_STATEMENT) {
            List<String> slice = shas.subList(from, Math.min(shas.size(), from + SHAS_PER_STATEMENT));
            String marks = String.join(",", Collections.nCopies(slice.size(), "?"));
            for (Spec s : SPECS) {
                String values = s.valueExprs().stream().map(v -> sign < 0 ? "-1 * " + v : v)
                        .collect(Collectors.joining(", "));
                String updates = updates(s);
                String sql = DELTA.formatted(s.table(), String.join(", ", s.keys()), String.join(", ", s.values()),
                        String.join(", ", s.keyExprs()), values, s.source(), ids, updates, marks);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < slice.size(); i++) {
                        ps.setString(i + 1, slice.get(i));
                    }
                    probe.written(s.table(), ps.executeUpdate());
                }
            }
        }
    }
}
