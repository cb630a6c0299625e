package dev.commitstats.collection;

import dev.commitstats.repos.Repository;
import dev.commitstats.repos.mirror.Credentials;
import java.util.Optional;

/**
 * Where a collection finds the credentials to fetch a repository with: the owner's token for its host, supplied by the
 * tokens module. A collection asks once per run, so a replaced token is used from the next run on.
 */
@FunctionalInterface
public interface RepositoryCredentials {

    /** No credentials for any repository: public URLs and local folders only. */
    RepositoryCredentials NONE = repository -> Optional.empty();

    /** The credentials to fetch {@code repository} with, or empty to fetch without. */
    Optional<Credentials> forRepository(Repository repository);
}
