package dev.commitstats.repos;

import java.util.Locale;

/** Where a repository's commits come from. Hosted providers (GitHub, GitLab, ...) join this list later. */
public enum Provider {
    /** A folder on the server's own disk; an admin-only source. */
    LOCAL,
    /** Any git URL. */
    GIT;

    /** The name stored in the database. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Provider fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
