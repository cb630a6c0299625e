package dev.commitstats.repos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.commitstats.config.UseCaseException;

import org.jspecify.annotations.Nullable;
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
            last_commit_sha, last_commit_time, all_commits_processed, token_id, owner_kind, is_fork, is_archived,
            is_open_source, default_branch, stars, web_url, last_push_at""";

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

    /** The ids of the users who have at least one active repository, ascending: whom the periodic delta visits. */
    public List<Long> usersWithActiveRepositories() {
        return jdbc.sql("SELECT DISTINCT user_id FROM repositories WHERE is_active ORDER BY user_id")
                .query(Long.class).list();
    }

    /** How many repositories of all users are in each collection status (statuses with none are left out). */
    public java.util.Map<RepositoryStatus, Long> countByStatus() {
        java.util.Map<RepositoryStatus, Long> counts = new java.util.EnumMap<>(RepositoryStatus.class);
        jdbc.sql("SELECT status, COUNT(*) AS n FROM repositories GROUP BY status")
                .query((rs, i) -> counts.put(RepositoryStatus.fromDb(rs.getString("status")), rs.getLong("n"))).list();
        return counts;
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

    /**
     * Deletes the repository's record (what cascades from it goes too: runs, claims, naming choices). Its commit facts
     * and rollups belong to the statistics and are deleted there first (see the collection's repository removal).
     *
     * @return whether there was such a repository
     */
    public boolean delete(long repositoryId) {
        return jdbc.sql("DELETE FROM repositories WHERE id = :id").param("id", repositoryId).update() > 0;
    }

    /** How many repositories, of any user, have this clone URL or path: a mirror is shared by all of them. */
    public int countByCloneUrl(String cloneUrl) {
        return jdbc.sql("SELECT COUNT(*) FROM repositories WHERE clone_url = :url").param("url", cloneUrl)
                .query(Integer.class).single();
    }

    /** The visibilities a repository can have on its host. */
    public static final Set<String> VISIBILITIES = Set.of("public", "internal", "private");

    /**
     * What {@link #upsertDiscovered} did.
     *
     * @param repositoryId the repository's id
     * @param created      whether it was registered now
     * @param active       whether it counts after the call
     */
    public record Upserted(long repositoryId, boolean created, boolean active) {
    }

    /**
     * Registers a repository a provider account discovered, or updates what its host says about it (visibility, fork,
     * archived, default branch, last push, stars), and records that the host was asked now. A new one starts active
     * when {@link HostedRepository#activeIfNew()} and its owner group is not switched off; an existing one keeps the
     * owner's choice. A repository the user added by URL before gets the token it was discovered through.
     *
     * @param tokenId the token it was discovered through
     */
    public Upserted upsertDiscovered(long userId, long tokenId, HostedRepository repo) {
        long now = clock.instant().toEpochMilli();
        Repository.HostDetails h = repo.host();
        Long push = h.lastPushAt() == null ? null : h.lastPushAt().getEpochSecond();
        Optional<Repository> existing = findByCloneUrl(userId, repo.cloneUrl());
        if (existing.isPresent()) {
            Repository r = existing.get();
            jdbc.sql("""
                            UPDATE repositories SET name = :name, owner_group = :owner, visibility = :vis,
                                token_id = COALESCE(token_id, :token), owner_kind = :kind, is_fork = :fork,
                                is_archived = :archived, is_open_source = :os, default_branch = :branch, stars = :stars,
                                web_url = :web, last_push_at = :push, push_checked_at = :now
                            WHERE id = :id""")
                    .param("name", repo.name()).param("owner", repo.ownerGroup()).param("vis", repo.visibility())
                    .param("token", tokenId).param("kind", h.ownerKind()).param("fork", h.fork())
                    .param("archived", h.archived()).param("os", h.openSource()).param("branch", h.defaultBranch())
                    .param("stars", h.stars()).param("web", h.webUrl()).param("push", push).param("now", now)
                    .param("id", r.id()).update();
            return new Upserted(r.id(), false, r.active());
        }
        boolean active = repo.activeIfNew() && ownerGroupSetting(userId, repo.ownerGroup()).orElse(true);
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO repositories (user_id, clone_url, provider, name, owner_group, visibility, is_active,
                            is_extra, token_id, owner_kind, is_fork, is_archived, is_open_source, default_branch, stars,
                            web_url, last_push_at, push_checked_at)
                        VALUES (:u, :url, :provider, :name, :owner, :vis, :active, FALSE, :token, :kind, :fork,
                            :archived, :os, :branch, :stars, :web, :push, :now)
                        ON CONFLICT (user_id, clone_url) DO NOTHING RETURNING id""")
                .param("u", userId).param("url", repo.cloneUrl()).param("provider", SourceKind.GIT.dbName())
                .param("name", repo.name()).param("owner", repo.ownerGroup()).param("vis", repo.visibility())
                .param("active", active).param("token", tokenId).param("kind", h.ownerKind())
                .param("fork", h.fork()).param("archived", h.archived()).param("os", h.openSource())
                .param("branch", h.defaultBranch()).param("stars", h.stars()).param("web", h.webUrl())
                .param("push", push).param("now", now)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return upsertDiscovered(userId, tokenId, repo);  // registered concurrently: update it instead
        }
        return new Upserted(id.get(), true, active);
    }

    /**
     * An owner group (organisation, group, project) of the user's repositories, as the owner sees it.
     *
     * @param name         the group's name
     * @param repositories how many of the user's repositories it holds
     * @param active       how many of them count
     * @param switchedOff  whether the owner switched the whole group off (new repositories of it start inactive)
     */
    public record OwnerGroup(String name, int repositories, int active, boolean switchedOff) {
    }

    /** The owner groups of the user's repositories, by name. */
    public List<OwnerGroup> ownerGroups(long userId) {
        return jdbc.sql("""
                        SELECT r.owner_group AS name, COUNT(*) AS n,
                               SUM(CASE WHEN r.is_active THEN 1 ELSE 0 END) AS active,
                               MAX(CASE WHEN g.is_active = FALSE THEN 1 ELSE 0 END) AS off
                        FROM repositories r
                        LEFT JOIN owner_groups g ON g.user_id = r.user_id AND g.name = r.owner_group
                        WHERE r.user_id = :u AND r.owner_group IS NOT NULL
                        GROUP BY r.owner_group ORDER BY r.owner_group""")
                .param("u", userId)
                .query((rs, i) -> new OwnerGroup(rs.getString("name"), rs.getInt("n"), rs.getInt("active"),
                        rs.getInt("off") == 1))
                .list();
    }

    /**
     * Switches some of the user's repositories on or off, all or none: every id is checked first.
     *
     * @return the repositories as stored afterwards, in the given order
     * @throws UseCaseException ({@code NOT_FOUND}) naming the first id that is not one of the user's repositories
     */
    public List<Repository> setActive(long userId, Collection<Long> repositoryIds, boolean active) {
        for (long id : repositoryIds) {
            if (repository(id).filter(r -> r.userId() == userId).isEmpty()) {
                throw new UseCaseException(UseCaseException.Kind.NOT_FOUND, "no repository " + id);
            }
        }
        repositoryIds.forEach(id -> setActive(id, active));
        return repositoryIds.stream().map(id -> repository(id).orElseThrow()).toList();
    }

    /**
     * Switches every repository of the user's owner group on or off, and remembers the choice for repositories of
     * the group discovered later. Returns how many repositories the group holds.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no repository in that group
     */
    public int setOwnerGroupActive(long userId, String ownerGroup, boolean active) {
        if (ownerGroups(userId).stream().noneMatch(g -> g.name().equals(ownerGroup))) {
            throw new UseCaseException(UseCaseException.Kind.NOT_FOUND, "no repository in owner group '"
                    + ownerGroup + "'");
        }
        int n = jdbc.sql("UPDATE repositories SET is_active = :a WHERE user_id = :u AND owner_group = :g")
                .param("a", active).param("u", userId).param("g", ownerGroup).update();
        int updated = jdbc.sql("UPDATE owner_groups SET is_active = :a WHERE user_id = :u AND name = :g")
                .param("a", active).param("u", userId).param("g", ownerGroup).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO owner_groups (user_id, name, is_active) VALUES (:u, :g, :a)
                            ON CONFLICT (user_id, name) DO UPDATE SET is_active = excluded.is_active""")
                    .param("u", userId).param("g", ownerGroup).param("a", active).update();
        }
        return n;
    }

    private Optional<Boolean> ownerGroupSetting(long userId, String ownerGroup) {
        return jdbc.sql("SELECT is_active FROM owner_groups WHERE user_id = :u AND name = :g")
                .param("u", userId).param("g", ownerGroup).query(Boolean.class).optional();
    }

    /**
     * What the last complete collection started from, for {@link #fetchNeeded}.
     *
     * @param lastPushAt the host's last push known when the collection started (null when unknown)
     * @param startedAt  when it started
     * @param inputs     a digest of the identities and counting rules it used
     */
    public void saveCollectedFrom(long repositoryId, @Nullable Instant lastPushAt, Instant startedAt, String inputs) {
        int n = jdbc.sql("""
                        UPDATE repositories SET collected_push_at = :push, collected_started_at = :started,
                            collected_inputs = :inputs
                        WHERE id = :id""")
                .param("push", lastPushAt == null ? null : lastPushAt.getEpochSecond())
                .param("started", startedAt.toEpochMilli()).param("inputs", inputs).param("id", repositoryId)
                .update();
        requireOne(n, repositoryId);
    }

    /**
     * False when a collection can skip fetching the repository: its host was asked after the last complete collection
     * started and reported no push since, and the identities and rules ({@code inputs}) are the same. True otherwise,
     * including whenever anything is unknown.
     */
    public boolean fetchNeeded(long repositoryId, String inputs) {
        return jdbc.sql("""
                        SELECT CASE WHEN all_commits_processed AND status = 'up_to_date'
                                     AND last_push_at IS NOT NULL AND collected_push_at = last_push_at
                                     AND push_checked_at IS NOT NULL AND collected_started_at IS NOT NULL
                                     AND push_checked_at > collected_started_at AND collected_inputs = :inputs
                                    THEN 0 ELSE 1 END
                        FROM repositories WHERE id = :id""")
                .param("inputs", inputs).param("id", repositoryId).query(Integer.class).optional().orElse(1) == 1;
    }

    /**
     * Records that facts were pushed to the repository now ({@link SourceKind#PUSHED}: its owner's machine is its
     * host, so its last push is the last upload). Runs in the caller's transaction when there is one.
     */
    public void savePushedAt(long repositoryId, Instant at) {
        int n = jdbc.sql("UPDATE repositories SET last_push_at = :at WHERE id = :id")
                .param("at", at.getEpochSecond()).param("id", repositoryId).update();
        requireOne(n, repositoryId);
    }

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
    public void saveCollectedFingerprint(long repositoryId, @Nullable String fingerprint) {
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
        long tokenId = rs.getLong("token_id");
        Long token = rs.wasNull() ? null : tokenId;
        long push = rs.getLong("last_push_at");
        Instant lastPush = rs.wasNull() ? null : Instant.ofEpochSecond(push);
        Repository.HostDetails host = new Repository.HostDetails(rs.getString("owner_kind"), rs.getBoolean("is_fork"),
                rs.getBoolean("is_archived"), rs.getBoolean("is_open_source"), rs.getString("default_branch"),
                rs.getInt("stars"), rs.getString("web_url"), lastPush);
        return new Repository(rs.getLong("id"), rs.getLong("user_id"), rs.getString("clone_url"),
                SourceKind.fromDb(rs.getString("provider")), rs.getString("name"), rs.getString("owner_group"),
                rs.getString("visibility"), rs.getBoolean("is_active"), rs.getBoolean("is_extra"),
                rs.getString("error_message"), cursor, token, host);
    }
}
