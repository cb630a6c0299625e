package dev.commitstats.repos;

import java.time.Instant;

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
 * @param tokenId      the provider account (token) it was discovered through and is fetched with; null when added by
 *                     URL or path
 * @param host         what its host said about it when it was last discovered
 */
public record Repository(long id, long userId, String cloneUrl, SourceKind kind, String name, @Nullable String ownerGroup,
        String visibility, boolean active, boolean extra, @Nullable String errorMessage, RepositoryCursor cursor,
        @Nullable Long tokenId, HostDetails host) {

    /**
     * What a repository's host reports about it (all empty for a local folder or a URL added by hand).
     *
     * @param ownerKind     {@code user}, {@code organisation}, {@code group} or {@code project}, or null
     * @param fork          a fork of another repository
     * @param archived      archived (read-only) on its host
     * @param openSource    an open-source contribution: someone else's public repository the user contributed to
     * @param defaultBranch its default branch, or null
     * @param stars         stars or favourites
     * @param webUrl        its page on the host, or null
     * @param lastPushAt    the host's last push, or null when unknown
     */
    public record HostDetails(@Nullable String ownerKind, boolean fork, boolean archived, boolean openSource,
            @Nullable String defaultBranch, int stars, @Nullable String webUrl, @Nullable Instant lastPushAt) {

        /** Nothing known: a local folder or a URL added by hand. */
        public static final HostDetails NONE = new HostDetails(null, false, false, false, null, 0, null, null);
    }

    public RepositoryStatus status() {
        return cursor.status();
    }

    /** Whether anyone may see the repository on its host; only public repositories are named on a public CV. */
    public boolean isPublic() {
        return "public".equals(visibility);
    }
}
