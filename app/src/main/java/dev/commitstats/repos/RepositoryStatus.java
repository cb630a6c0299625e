package dev.commitstats.repos;

import java.util.Locale;

/** Where a repository stands in collection. */
public enum RepositoryStatus {
    /** Registered, never collected. */
    PENDING,
    /** A collection job is working on it. */
    COLLECTING,
    /** Every reachable commit is stored. */
    UP_TO_DATE,
    /** The last collection failed; the repository's error message says why. */
    ERROR;

    /** The name stored in the database. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RepositoryStatus fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
