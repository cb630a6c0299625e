package dev.commitstats.providers;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A repository a provider account can see, as the host describes it.
 *
 * @param cloneUrl      the HTTPS clone URL; a user name the host writes into it (Azure DevOps its organisation,
 *                      Bitbucket the account) is dropped, so that the credential handed to git per operation is the
 *                      only one
 * @param ownerGroup    the owning user, organisation, group (with subgroups: {@code group/sub}) or project
 * @param ownerKind     what the owner group is
 * @param name          the repository's name within its owner group
 * @param visibility    {@code public}, {@code internal} or {@code private}
 * @param fork          whether it is a fork of another repository
 * @param archived      whether the host marks it archived (read-only)
 * @param defaultBranch its default branch, when the host says
 * @param lastPush      when something was last pushed to it, when the host says
 * @param stars         stars, favourites or watchers the host counts (0 where it has none)
 * @param webUrl        its page on the host, for links
 * @param openSource    found as an open-source contribution (a public repository of someone else)
 */
public record DiscoveredRepository(String cloneUrl, String ownerGroup, OwnerKind ownerKind, String name,
        String visibility, boolean fork, boolean archived, @Nullable String defaultBranch, @Nullable Instant lastPush,
        int stars, @Nullable String webUrl, boolean openSource) {

    /** What owns a repository on its host. */
    public enum OwnerKind {
        USER, ORGANISATION, GROUP, PROJECT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Set<String> VISIBILITIES = Set.of("public", "internal", "private");

    public DiscoveredRepository {
        cloneUrl = withoutUserInfo(Objects.requireNonNull(cloneUrl, "cloneUrl"));
        Objects.requireNonNull(ownerGroup, "ownerGroup");
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(name, "name");
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("unknown visibility " + visibility);
        }
    }

    /** {@code url} without the {@code user@} or {@code user:password@} of its authority. */
    static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int authorityEnd = url.indexOf('/', scheme + 3);
        String authority = authorityEnd < 0 ? url.substring(scheme + 3) : url.substring(scheme + 3, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        return url.substring(0, scheme + 3) + authority.substring(at + 1)
                + (authorityEnd < 0 ? "" : url.substring(authorityEnd));
    }

    /** Whether a newly discovered repository starts active: not forks, not archived ones. */
    public boolean activeByDefault() {
        return !fork && !archived;
    }

    /** The same repository flagged as an open-source contribution. */
    public DiscoveredRepository asOpenSource() {
        return new DiscoveredRepository(cloneUrl, ownerGroup, ownerKind, name, visibility, fork, archived,
                defaultBranch, lastPush, stars, webUrl, true);
    }
}
