package dev.commitstats.repos;

import java.util.Locale;

/**
 * How a repository's commits are reached: a folder on this machine or any git URL. Hosted providers (GitHub,
 * GitLab, ...) are accounts a repository is discovered through, not a kind of source; see the providers module.
 */
public enum SourceKind {
    /** A folder on the server's own disk; an admin-only source. */
    LOCAL,
    /** Any git URL. */
    GIT;

    /** The name stored in the database. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SourceKind fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
