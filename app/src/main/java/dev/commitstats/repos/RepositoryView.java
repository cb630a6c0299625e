package dev.commitstats.repos;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A repository as its owner sees it in the JSON API and in {@code repos list --format json}: one shape for both.
 *
 * @param id                  the repository's id
 * @param name                its name
 * @param ownerGroup          its owner or group on the host, or null
 * @param ownerKind           {@code user}, {@code organisation}, {@code group} or {@code project}, or null
 * @param cloneUrl            its clone URL (never with credentials) or, for an admin's local source, its path; for a
 *                            pushed repository {@code push:LABEL}
 * @param visibility          {@code public}, {@code internal} or {@code private}
 * @param active              whether its commits count
 * @param extra               added by hand rather than discovered
 * @param fork                a fork on its host
 * @param archived            archived on its host
 * @param openSource          an open-source contribution
 * @param defaultBranch       its default branch, or null
 * @param stars               stars on its host
 * @param lastPushAt          the host's last push (ISO-8601), or null
 * @param status              {@code pending}, {@code collecting}, {@code up_to_date} or {@code error}
 * @param error               why the last collection failed, or null
 * @param lastCommitSha       the newest commit collected, or null
 * @param lastCommitAt        its committer time (ISO-8601), or null
 * @param allCommitsProcessed whether its whole history is in
 * @param tokenId             the token it is fetched with, or null
 * @param kind                {@code git}, {@code local} or {@code pushed} (mined on your machine and pushed; then
 *                            {@code lastPushAt} is when facts were last pushed)
 */
public record RepositoryView(long id, String name, @Nullable String ownerGroup, @Nullable String ownerKind,
        String cloneUrl, String visibility, boolean active, boolean extra, boolean fork, boolean archived,
        boolean openSource, @Nullable String defaultBranch, int stars, @Nullable String lastPushAt, String status,
        @Nullable String error, @Nullable String lastCommitSha, @Nullable String lastCommitAt,
        boolean allCommitsProcessed, @Nullable Long tokenId, String kind) {

    public static RepositoryView of(Repository r) {
        return new RepositoryView(r.id(), r.name(), r.ownerGroup(), r.host().ownerKind(), r.cloneUrl(),
                r.visibility(), r.active(), r.extra(), r.host().fork(), r.host().archived(), r.host().openSource(),
                r.host().defaultBranch(), r.host().stars(), iso(r.host().lastPushAt()), r.status().dbName(),
                r.errorMessage(), r.cursor().lastCommitSha(), iso(r.cursor().lastCommitTime()),
                r.cursor().allCommitsProcessed(), r.tokenId(), r.kind().dbName());
    }

    private static @Nullable String iso(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
