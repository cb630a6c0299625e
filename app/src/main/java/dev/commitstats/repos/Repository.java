package dev.commitstats.repos;

import org.jspecify.annotations.Nullable;

/**
 * A registered repository as stored.
 *
 * @param id           the database id
 * @param userId       its owner
 * @param cloneUrl     clone URL or local path
 * @param kind         how its commits are reached (a local folder or a git URL)
 * @param name         its name
 * @param ownerGroup   owner or group; may be null
 * @param active       whether its commits count
 * @param visibility   {@code public}, {@code internal} or {@code private} (the default: a repository is private
 *                     until its host says otherwise)
 * @param extra        added by hand
 * @param errorMessage why the last collection failed; null unless the cursor's status is ERROR
 * @param cursor       how far collection got, with the status
 */
public record Repository(long id, long userId, String cloneUrl, SourceKind kind, String name, @Nullable String ownerGroup,
        String visibility, boolean active, boolean extra, @Nullable String errorMessage, RepositoryCursor cursor) {

    public RepositoryStatus status() {
        return cursor.status();
    }

    /** Whether anyone may see the repository on its host; only public repositories are named on a public CV. */
    public boolean isPublic() {
        return "public".equals(visibility);
    }
}
