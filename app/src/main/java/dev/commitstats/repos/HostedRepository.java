package dev.commitstats.repos;

import java.util.Objects;

/**
 * A repository as a provider account discovered it, to register or update with
 * {@link RepositoryRegistry#upsertDiscovered}.
 *
 * @param cloneUrl   HTTPS clone URL without credentials; unique per user
 * @param name       its name within the owner group
 * @param ownerGroup the user, organisation, group or project that owns it
 * @param visibility {@code public}, {@code internal} or {@code private}
 * @param host       the rest of what the host said
 * @param activeIfNew whether a newly registered one starts active (not forks or archived ones); an owner group the
 *                   user switched off wins over it
 */
public record HostedRepository(String cloneUrl, String name, String ownerGroup, String visibility,
        Repository.HostDetails host, boolean activeIfNew) {

    public HostedRepository {
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerGroup, "ownerGroup");
        if (!RepositoryRegistry.VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("unknown visibility " + visibility);
        }
    }
}
