package dev.commitstats.repos;

import java.util.Locale;

/**
 * How a repository's commits are reached: a folder on this machine, any git URL, or pushed by its owner. Hosted providers (GitHub,
 * GitLab, ...) are accounts a repository is discovered through, not a kind of source; see the providers module.
 */
public enum SourceKind {
    /** A folder on the server's own disk; an admin-only source. */
    LOCAL,
    /** Any git URL. */
    GIT,
    /**
     * Commit facts mined on the owner's own machine and pushed ({@code commitstats push}): the server has no source to
     * fetch, never collects it, and keys it by the label the owner chose ({@code push:LABEL}).
     */
    PUSHED;

    /** The name stored in the database. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SourceKind fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
