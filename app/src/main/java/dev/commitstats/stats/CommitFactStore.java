package dev.commitstats.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.commitstats.core.detect.Detection;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.OutlierFile;
import dev.commitstats.repos.RepositoryCursor;
import dev.commitstats.repos.RepositoryRegistry;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.modulith.NamedInterface;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores commit facts, keyed by (repository, sha). Writes are idempotent upserts: writing a fact again replaces it, so
 * a collection that crashed can simply run again. Each call is one transaction, which also moves the repository's
 * cursor, so the cursor never points past facts that are not stored. Thread-safe.
 *
 * <p>Batches of {@value #RECOMMENDED_BATCH_SIZE} facts keep transactions short (SQLite has one writer at a time) while
 * amortising the commit; see docs/benchmarks.md.
 */
@NamedInterface("facts")
public final class CommitFactStore {

    /** Facts per {@link #writeBatch} call that balance throughput against the time the write lock is held. */
    public static final int RECOMMENDED_BATCH_SIZE = 500;

    private static final String UPSERT_FACT_HEAD = """
            INSERT INTO commit_facts (repository_id, sha, author_email, author_time, author_offset_minutes,
                committer_time, parent_count, type, type_inferred, breaking, additions, deletions,
                local_day, local_weekday, local_hour)""";
    private static final String UPSERT_FACT_TAIL = """
             ON CONFLICT (repository_id, sha) DO UPDATE SET
                author_email = excluded.author_email, author_time = excluded.author_time,
                author_offset_minutes = excluded.author_offset_minutes, committer_time = excluded.committer_time,
                parent_count = excluded.parent_count, type = excluded.type, type_inferred = excluded.type_inferred,
                breaking = excluded.breaking,
                additions = excluded.additions, deletions = excluded.deletions, local_day = excluded.local_day,
                local_weekday = excluded.local_weekday, local_hour = excluded.local_hour""";
    private static final String INSERT_LANGUAGE = """
            INSERT INTO commit_languages (repository_id, sha, language, author_email, local_day, additions, deletions,
                files)""";
    private static final String INSERT_EXCLUSION = """
            INSERT INTO commit_exclusions (repository_id, sha, bucket, author_email, additions, deletions, files)""";
    private static final String INSERT_DETECTION = """
            INSERT INTO commit_detections (repository_id, sha, position, kind, ecosystem, name, author_email, local_day)
            """;
    /** Every copy of a pending sha but the one in the owner's lowest repository id; ids are inlined (from the DB). */
    private static final String RECORD_COPIES = """
            INSERT INTO commit_copies (repository_id, sha, original_repository_id)
            SELECT f.repository_id, f.sha, o.original FROM pending_commits p CROSS JOIN commit_facts f
            CROSS JOIN (SELECT m.sha, MIN(m.repository_id) AS original FROM pending_commits q CROSS JOIN commit_facts m
                        WHERE q.repository_id = ? AND m.repository_id IN (%1$s) AND m.sha = q.sha
                        GROUP BY m.sha) o
            WHERE p.repository_id = ? AND f.repository_id IN (%1$s) AND f.sha = p.sha
              AND o.sha = f.sha AND f.repository_id > o.original
            ON CONFLICT (repository_id, sha) DO NOTHING""";
    private static final String FORGET_COPIES = """
            DELETE FROM commit_copies
            WHERE repository_id IN (%1$s) AND sha IN (SELECT sha FROM pending_commits WHERE repository_id = ?)""";
    private static final String INSERT_PENDING = "INSERT INTO pending_commits (repository_id, sha)";
    /**
     * Whether any of the listed shas (at most 500, bound) is stored in these repositories (ids inlined, from the DB).
     * Not a join with pending_commits: PostgreSQL's statistics know nothing yet of a repository being collected for
     * the first time, so it took the repository's rows for one and joined each with the whole batch (18.9 s of 23 s
     * for 10,000 new facts beside twenty repositories); a list of values is looked up by index whatever they say.
     */
    private static final String ANY_STORED =
            "SELECT COUNT(*) FROM commit_facts WHERE sha IN (%s) AND repository_id IN (%s)";
    private static final String COPIES_HERE = """
            SELECT sha FROM commit_copies
            WHERE repository_id = ? AND sha IN (SELECT sha FROM pending_commits WHERE repository_id = ?)""";
    private static final String CLEAR_PENDING = "DELETE FROM pending_commits WHERE repository_id = ?";
    private static final String INSERT_OUTLIER =
            "INSERT INTO outlier_files (repository_id, sha, path, language, additions, deletions, included)";
    /** Ids are inlined (they come from the database): the owner's decisions on any copy of a commit. */
    private static final String INCLUDED_OUTLIERS =
            "SELECT sha, path FROM outlier_files WHERE repository_id IN (%s) AND included = TRUE";
    private static final List<String> CHILD_TABLES =
            List.of("commit_languages", "commit_exclusions", "commit_detections", "outlier_files");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final RepositoryRegistry registry;
    private final WriteProbe probe;

    public CommitFactStore(DataSource dataSource, RepositoryRegistry registry) {
        this(dataSource, registry, WriteProbe.NONE);
    }

    CommitFactStore(DataSource dataSource, RepositoryRegistry registry, WriteProbe probe) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.registry = registry;
        this.probe = probe;
    }

    /**
     * Stores the facts of one repository, replacing any stored fact with the same sha, and saves the cursor, all in one
     * transaction. An outlier file the owner included stays included when its commit is written again, here or in
     * another of the owner's repositories (a fork or mirror that receives the commit later).
     *
     * @param repositoryId   the repository the facts were mined from
     * @param facts          the facts; when a sha occurs twice the last one wins
     * @param cursorOrNull   the repository's cursor after these facts, or null to leave it alone
     */
    public void writeBatch(long repositoryId, List<CommitFact> facts, RepositoryCursor cursorOrNull) {
        Map<String, CommitFact> bySha = new LinkedHashMap<>();
        for (CommitFact f : facts) {
            bySha.put(f.sha(), f);
        }
        transactions.executeWithoutResult(status -> {
            template.execute((ConnectionCallback<Void>) c -> {
                write(c, repositoryId, bySha);
                return null;
            });
            if (cursorOrNull != null) {
                registry.saveCursor(repositoryId, cursorOrNull);
            }
        });
    }

    private void write(Connection c, long repositoryId, Map<String, CommitFact> bySha) throws SQLException {
        if (bySha.isEmpty()) {
            return;
        }
        List<Long> owners = registry.repositoryIdsOfOwner(repositoryId);
        Set<String> includedOutliers = includedOutliers(c, owners);
        List<Object[]> facts = new ArrayList<>(bySha.size());
        List<Object[]> languages = new ArrayList<>();
        List<Object[]> exclusions = new ArrayList<>();
        List<Object[]> detections = new ArrayList<>();
        List<Object[]> outliers = new ArrayList<>();
        for (CommitFact f : bySha.values()) {
            long day = LocalCalendar.localDay(f.authorTime(), f.authorOffsetMinutes());
            String email = UserAccounts.normalizeEmail(f.authorEmail());
            facts.add(new Object[] {repositoryId, f.sha(), email,
                    f.authorTime().getEpochSecond(), f.authorOffsetMinutes(), f.committerTime().getEpochSecond(),
                    f.parentCount(), f.kind().type().jsonName(), f.kind().inferred(), f.kind().breaking(),
                    f.additions(), f.deletions(),
                    (int) day, LocalCalendar.weekday(day),
                    LocalCalendar.hour(f.authorTime(), f.authorOffsetMinutes())});
            for (Map.Entry<String, LineCount> e : f.languages().entrySet()) {
                LineCount n = e.getValue();
                languages.add(new Object[] {repositoryId, f.sha(), e.getKey(), email, (int) day, n.additions(),
                        n.deletions(), n.files()});
            }
            for (Map.Entry<ExclusionBucket, LineCount> e : f.excluded().entrySet()) {
                LineCount n = e.getValue();
                exclusions.add(new Object[] {repositoryId, f.sha(), e.getKey().jsonName(), email, n.additions(),
                        n.deletions(), n.files()});
            }
            int position = 0;
            for (Detection d : f.detections()) {
                detections.add(new Object[] {repositoryId, f.sha(), position++, d.kind().jsonName(), d.ecosystem(),
                        d.name(), email, (int) day});
            }
            for (OutlierFile o : f.outliers()) {
                outliers.add(new Object[] {repositoryId, f.sha(), o.path(), o.language(), o.additions(), o.deletions(),
                        includedOutliers.contains(f.sha() + '\n' + o.path())});
            }
        }
        List<String> shas = new ArrayList<>(bySha.keySet());
        Change change = beginChange(c, repositoryId, owners, shas);
        Rows.insert(c, UPSERT_FACT_HEAD, UPSERT_FACT_TAIL, 15, facts, "commit_facts", probe);
        // child rows are replaced, not merged: a fact written again may have lost a language or a detection
        for (String table : CHILD_TABLES) {
            Rows.deleteBySha(c, table, repositoryId, shas);
        }
        Rows.insert(c, INSERT_LANGUAGE, "", 8, languages, "commit_languages", probe);
        Rows.insert(c, INSERT_EXCLUSION, "", 7, exclusions, "commit_exclusions", probe);
        Rows.insert(c, INSERT_DETECTION, "", 8, detections, "commit_detections", probe);
        Rows.insert(c, INSERT_OUTLIER, "", 7, outliers, "outlier_files", probe);
        Set<String> copies = endChange(c, change);
        List<CommitFact> counted = new ArrayList<>(bySha.size());
        bySha.values().forEach(f -> {
            if (!copies.contains(f.sha())) {
                counted.add(f);
            }
        });
        // this repository's new sums are in memory; reading them back would cost a join per rollup table
        Rollups.addFacts(c, repositoryId, counted, probe);
        clearPending(c, repositoryId);
    }

    /**
     * A change to some commits of a repository: the owner's other repositories, and whether the commits are stored
     * already here or there (new commits, the usual case, contribute nothing yet and skip the subtraction).
     */
    private record Change(long repositoryId, List<String> shas, List<Long> owners, List<Long> siblings,
            boolean storedHere, boolean storedInSiblings) {
    }

    /** Takes the pending commits' contributions out of the rollups before their facts change. */
    private Change beginChange(Connection c, long repositoryId, List<Long> owners, List<String> shas)
            throws SQLException {
        List<Object[]> pending = new ArrayList<>(shas.size());
        shas.forEach(sha -> pending.add(new Object[] {repositoryId, sha}));
        Rows.insert(c, INSERT_PENDING, " ON CONFLICT (repository_id, sha) DO NOTHING", 2, pending, "pending_commits",
                probe);
        List<Long> siblings = owners.stream().filter(id -> id != repositoryId).collect(Collectors.toList());
        Change change = new Change(repositoryId, shas, owners, siblings, anyStored(c, shas, List.of(repositoryId)),
                !siblings.isEmpty() && anyStored(c, shas, siblings));
        if (change.storedHere()) {
            Rollups.apply(c, shas, List.of(repositoryId), -1, probe);
        }
        if (change.storedInSiblings()) {
            Rollups.apply(c, shas, siblings, -1, probe);
        }
        return change;
    }

    private static boolean anyStored(Connection c, List<String> shas, List<Long> in) throws SQLException {
        String ids = in.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (int from = 0; from < shas.size(); from += ANY_STORED_CHUNK) {
            List<String> chunk = shas.subList(from, Math.min(shas.size(), from + ANY_STORED_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(ANY_STORED.formatted(marks, ids))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Shas per {@link #ANY_STORED} statement: a batch of the recommended size in one. */
    private static final int ANY_STORED_CHUNK = RECOMMENDED_BATCH_SIZE;

    /**
     * Works out which repository's copy of each pending sha counts, puts the other repositories' contributions back,
     * and returns the pending shas that are copies in this repository.
     */
    private Set<String> endChange(Connection c, Change change) throws SQLException {
        if (change.siblings().isEmpty()) {
            return Set.of(); // no other repository can hold these commits
        }
        String ids = change.owners().stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement(FORGET_COPIES.formatted(ids))) {
            ps.setLong(1, change.repositoryId());
            ps.executeUpdate();
        }
        Set<String> copies = new HashSet<>();
        if (change.storedInSiblings()) {
            try (PreparedStatement ps = c.prepareStatement(RECORD_COPIES.formatted(ids))) {
                ps.setLong(1, change.repositoryId());
                ps.setLong(2, change.repositoryId());
                probe.written("commit_copies", ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement(COPIES_HERE)) {
                ps.setLong(1, change.repositoryId());
                ps.setLong(2, change.repositoryId());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        copies.add(rs.getString(1));
                    }
                }
            }
            Rollups.apply(c, change.shas(), change.siblings(), 1, probe);
        }
        return copies;
    }

    private static void clearPending(Connection c, long repositoryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLEAR_PENDING)) {
            ps.setLong(1, repositoryId);
            ps.executeUpdate();
        }
    }

    // the owner's decisions are few (a handful of reviewed files), so reading them all is cheaper than a lookup per sha
    private static Set<String> includedOutliers(Connection c, List<Long> ownersRepositories) throws SQLException {
        Set<String> keys = new HashSet<>();
        if (ownersRepositories.isEmpty()) {
            return keys;
        }
        String ids = ownersRepositories.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement(INCLUDED_OUTLIERS.formatted(ids))) {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + '\n' + rs.getString(2));
                }
            }
        }
        return keys;
    }

    /** The shas stored for the repository. */
    public Set<String> storedShas(long repositoryId) {
        return new HashSet<>(jdbc.sql("SELECT sha FROM commit_facts WHERE repository_id = :r")
                .param("r", repositoryId).query(String.class).list());
    }

    /**
     * Removes commits that are no longer reachable (a force-push rewrote history), with everything stored about them,
     * and saves the cursor in the same transaction.
     */
    public void deleteCommits(long repositoryId, Collection<String> shas, RepositoryCursor cursorOrNull) {
        List<String> list = List.copyOf(new HashSet<>(shas));
        transactions.executeWithoutResult(status -> {
            template.execute((ConnectionCallback<Void>) c -> {
                Change change = beginChange(c, repositoryId, registry.repositoryIdsOfOwner(repositoryId), list);
                // children first: cheaper than relying on SQLite's per-row cascade, and independent of foreign_keys
                for (String table : CHILD_TABLES) {
                    Rows.deleteBySha(c, table, repositoryId, list);
                }
                Rows.deleteBySha(c, "commit_copies", repositoryId, list);
                Rows.deleteBySha(c, "commit_facts", repositoryId, list);
                endChange(c, change);
                clearPending(c, repositoryId);
                return null;
            });
            if (cursorOrNull != null) {
                registry.saveCursor(repositoryId, cursorOrNull);
            }
        });
    }

    /**
     * Deletes everything stored about a repository's commits, as {@link #deleteCommits} does for all of them (so a
     * copy of a commit in another repository of the owner counts from now on), then what is left keyed by the
     * repository: rollup rows, copies, pending work. The repository's record is the registry's to delete afterwards.
     */
    public void deleteRepositoryFacts(long repositoryId) {
        Set<String> shas = storedShas(repositoryId);
        if (!shas.isEmpty()) {
            // the cursor goes back to the start with the facts: interrupted here, a later collection mines it all again
            deleteCommits(repositoryId, shas, RepositoryCursor.none());
        }
        transactions.executeWithoutResult(status -> {
            for (String table : List.of("rollup_days", "rollup_types", "rollup_hours", "rollup_languages",
                    "rollup_exclusions", "rollup_detections", "commit_copies", "outlier_files", "pending_commits")) {
                jdbc.sql("DELETE FROM " + table + " WHERE repository_id = :r").param("r", repositoryId).update();
            }
        });
    }

    public long countCommits(long repositoryId) {
        return jdbc.sql("SELECT COUNT(*) FROM commit_facts WHERE repository_id = :r")
                .param("r", repositoryId).query(Long.class).single();
    }
}
