package dev.commitstats.providers;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A repository a provider account can see, as the host describes it.
 *
 * @param cloneUrl      the HTTPS clone URL, without credentials
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
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(ownerGroup, "ownerGroup");
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(name, "name");
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("unknown visibility " + visibility);
        }
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
