package dev.commitstats.repos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repositories users collect from: their sources, whether they count, their collection status and cursor.
 * Owns the {@code repositories} table. Thread-safe.
 *
 * <p>Every method runs in the caller's Spring transaction when there is one on the same data source (so that
 * {@link #saveCursor} commits together with the facts it describes), and in its own auto-commit otherwise.
 */
public final class RepositoryRegistry {

    private static final String REPOSITORY_COLUMNS = """
            id, user_id, clone_url, provider, name, owner_group, visibility, is_active, is_extra, status, error_message,
            last_commit_sha, last_commit_time, all_commits_processed""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public RepositoryRegistry(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /**
     * Registers a repository for the user and returns its id; its status starts as pending.
     *
     * @throws IllegalArgumentException when the user has already registered this clone URL
     */
    public long registerRepository(long userId, NewRepository repo) {
        return jdbc.sql("""
                        INSERT INTO repositories (user_id, clone_url, provider, name, owner_group, is_active, is_extra)
                        VALUES (:u, :url, :provider, :name, :owner, :active, :extra)
                        ON CONFLICT (user_id, clone_url) DO NOTHING RETURNING id""")
                .param("u", userId).param("url", repo.cloneUrl()).param("provider", repo.kind().dbName())
                .param("name", repo.name()).param("owner", repo.ownerGroup()).param("active", repo.active())
                .param("extra", repo.extra())
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("already registered: " + repo.cloneUrl()));
    }

    public Optional<Repository> repository(long repositoryId) {
        return jdbc.sql("SELECT " + REPOSITORY_COLUMNS + " FROM repositories WHERE id = :id")
                .param("id", repositoryId).query(RepositoryRegistry::repository).optional();
    }

    /** The user's repository with this clone URL or path, as stored (see {@link RepositorySources}). */
    public Optional<Repository> findByCloneUrl(long userId, String cloneUrl) {
        return jdbc.sql("SELECT " + REPOSITORY_COLUMNS + " FROM repositories WHERE user_id = :u AND clone_url = :url")
                .param("u", userId).param("url", cloneUrl).query(RepositoryRegistry::repository).optional();
    }

    /** The user's repositories, by id. */
    public List<Repository> repositories(long userId) {
        return jdbc.sql("SELECT " + REPOSITORY_COLUMNS + " FROM repositories WHERE user_id = :u ORDER BY id")
                .param("u", userId).query(RepositoryRegistry::repository).list();
    }

    /** The ids of the user's active repositories, ascending: the ones whose commits count. */
    public List<Long> activeRepositoryIds(long userId) {
        return jdbc.sql("SELECT id FROM repositories WHERE user_id = :u AND is_active = TRUE ORDER BY id")
                .param("u", userId).query(Long.class).list();
    }

    /** The ids of every repository (active or not) of the user who owns this one, ascending. */
    public List<Long> repositoryIdsOfOwner(long repositoryId) {
        return jdbc.sql("""
                        SELECT id FROM repositories
                        WHERE user_id = (SELECT user_id FROM repositories WHERE id = :id) ORDER BY id""")
                .param("id", repositoryId).query(Long.class).list();
    }

    public void setActive(long repositoryId, boolean active) {
        jdbc.sql("UPDATE repositories SET is_active = :a WHERE id = :id").param("a", active).param("id", repositoryId)
                .update();
    }

    /** The visibilities a repository can have on its host. */
    public static final java.util.Set<String> VISIBILITIES = java.util.Set.of("public", "internal", "private");

    /** Records the repository's visibility on its host ({@link #VISIBILITIES}), as a provider reports it. */
    public void setVisibility(long repositoryId, String visibility) {
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("unknown visibility " + visibility);
        }
        int n = jdbc.sql("UPDATE repositories SET visibility = :v WHERE id = :id").param("v", visibility)
                .param("id", repositoryId).update();
        requireOne(n, repositoryId);
    }

    /** Records a collection status; the error message is kept only with {@link RepositoryStatus#ERROR}. */
    public void setStatus(long repositoryId, RepositoryStatus status, String errorMessage) {
        int n = jdbc.sql("""
                        UPDATE repositories SET status = :s, error_message = :m, last_update = :now
                        WHERE id = :id""")
                .param("s", status.dbName()).param("m", status == RepositoryStatus.ERROR ? errorMessage : null)
                .param("now", clock.instant().getEpochSecond()).param("id", repositoryId).update();
        requireOne(n, repositoryId);
    }

    /**
     * The fingerprint of what the last complete collection saw (branch tips, identities, rules), or empty. It lets a
     * collection with nothing new stop after reading the tips; see the collection package.
     */
    public Optional<String> collectedFingerprint(long repositoryId) {
        return jdbc.sql("SELECT collected_fingerprint FROM repositories WHERE id = :id").param("id", repositoryId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** Records the fingerprint of a complete collection (null forgets it, so the next run walks the history). */
    public void saveCollectedFingerprint(long repositoryId, String fingerprint) {
        int n = jdbc.sql("UPDATE repositories SET collected_fingerprint = :f WHERE id = :id")
                .param("f", fingerprint).param("id", repositoryId).update();
        requireOne(n, repositoryId);
    }

    /** The counting rules the repository's stored facts were mined with; empty when unknown (mined before V4). */
    public java.util.OptionalInt minedRulesVersion(long repositoryId) {
        return jdbc.sql("SELECT rules_version FROM repositories WHERE id = :id").param("id", repositoryId)
                .query((rs, i) -> {
                    int v = rs.getInt(1);
                    return rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(v);
                }).optional().orElse(java.util.OptionalInt.empty());
    }

    /** Records that every stored fact of the repository follows the counting rules {@code version}. */
    public void saveMinedRulesVersion(long repositoryId, int version) {
        int n = jdbc.sql("UPDATE repositories SET rules_version = :v WHERE id = :id")
                .param("v", version).param("id", repositoryId).update();
        requireOne(n, repositoryId);
    }

    /** How far collection got in the repository. */
    public RepositoryCursor cursor(long repositoryId) {
        return repository(repositoryId).map(Repository::cursor)
                .orElseThrow(() -> new IllegalArgumentException("no repository " + repositoryId));
    }

    /**
     * Saves the cursor, its status and the update time; clears the error message unless the status is an error. Meant
     * to run inside the transaction that stored the facts the cursor describes.
     */
    public void saveCursor(long repositoryId, RepositoryCursor cursor) {
        Instant t = cursor.lastCommitTime();
        int n = jdbc.sql("""
                        UPDATE repositories
                        SET last_commit_sha = :sha, last_commit_time = :t, all_commits_processed = :all,
                            status = :s, last_update = :now,
                            error_message = CASE WHEN :s = 'error' THEN error_message END
                        WHERE id = :id""")
                .param("sha", cursor.lastCommitSha()).param("t", t == null ? null : t.getEpochSecond())
                .param("all", cursor.allCommitsProcessed()).param("s", cursor.status().dbName())
                .param("now", clock.instant().getEpochSecond()).param("id", repositoryId).update();
        requireOne(n, repositoryId);
    }

    private static void requireOne(int updated, long repositoryId) {
        if (updated != 1) {
            throw new IllegalArgumentException("no repository " + repositoryId);
        }
    }

    private static Repository repository(ResultSet rs, int row) throws SQLException {
        long t = rs.getLong("last_commit_time");
        Instant lastTime = rs.wasNull() ? null : Instant.ofEpochSecond(t);
        RepositoryCursor cursor = new RepositoryCursor(rs.getString("last_commit_sha"), lastTime,
                rs.getBoolean("all_commits_processed"), RepositoryStatus.fromDb(rs.getString("status")));
        return new Repository(rs.getLong("id"), rs.getLong("user_id"), rs.getString("clone_url"),
                SourceKind.fromDb(rs.getString("provider")), rs.getString("name"), rs.getString("owner_group"),
                rs.getString("visibility"), rs.getBoolean("is_active"), rs.getBoolean("is_extra"), rs.getString("error_message"), cursor);
    }
}
