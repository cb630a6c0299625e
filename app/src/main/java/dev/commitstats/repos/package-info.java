/**
 * The repositories users collect from: each repository's source, whether it counts, its collection status and cursor
 * ({@link dev.commitstats.repos.RepositoryRegistry}, owning the {@code repositories} table), and registering one from
 * a path or URL ({@link dev.commitstats.repos.RepositorySources}), and the paths and commits an owner skips in each
 * ({@link dev.commitstats.repos.RepositoryAnnotations}). Mirrors are the named interface {@code mirror}.
 */
@NullMarked
@ApplicationModule(displayName = "Repositories", allowedDependencies = {"config", "accounts"})
package dev.commitstats.repos;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
