package dev.commitstats.collection;

import java.util.Locale;

/** What started a collection; recorded with its run. */
public enum CollectionTrigger {
    /** {@code commitstats collect} on the command line. */
    COMMAND,
    /** The periodic delta over all active repositories. */
    SCHEDULE,
    /** A user asked for it (the Refresh button, {@code POST /api/v1/refresh}). */
    REFRESH,
    /** A push webhook from the repository's host. */
    WEBHOOK,
    /** Commit facts pushed from the user's own machine. */
    PUSH;

    /** The name stored and shown. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
