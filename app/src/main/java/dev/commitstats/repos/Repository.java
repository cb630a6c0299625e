package dev.commitstats.repos;

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
 * @param extra        added by hand
 * @param errorMessage why the last collection failed; null unless the cursor's status is ERROR
 * @param cursor       how far collection got, with the status
 */
public record Repository(long id, long userId, String cloneUrl, SourceKind kind, String name, String ownerGroup,
        boolean active, boolean extra, String errorMessage, RepositoryCursor cursor) {

    public RepositoryStatus status() {
        return cursor.status();
    }
}
