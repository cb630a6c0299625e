package dev.commitstats.repos;

import java.util.Objects;

/**
 * A repository to register for a user.
 *
 * @param cloneUrl   a clone URL, or for {@link SourceKind#LOCAL} a path on the server; unique per user
 * @param kind       how its commits are reached (a local folder or a git URL)
 * @param name       the repository's name
 * @param ownerGroup the owner or group (organisation) it belongs to; may be null
 * @param active     whether its commits count
 * @param extra      added by hand rather than discovered through a provider account
 */
public record NewRepository(String cloneUrl, SourceKind kind, String name, String ownerGroup, boolean active,
        boolean extra) {

    public NewRepository {
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** An active, hand-added repository without owner group. */
    public static NewRepository of(String cloneUrl, SourceKind kind, String name) {
        return new NewRepository(cloneUrl, kind, name, null, true, true);
    }
}
