/**
 * Collection: bringing a user's registered repositories up to date — claim the repository, mirror it, mine only what
 * is new, store it with the repository's cursor, repair what a force-push removed, publish
 * {@link dev.commitstats.collection.RepositoryCollected}. {@link dev.commitstats.collection.CollectionService} is the
 * module's API; background jobs and webhooks will call it too. Owns the {@code collection_claims} table.
 */
@NullMarked
@ApplicationModule(displayName = "Collection",
        allowedDependencies = {"config", "accounts", "repos", "repos::mirror", "stats::facts", "tokens", "providers"})
package dev.commitstats.collection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
