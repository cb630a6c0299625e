/**
 * The git hosts a user's repositories live on, each behind one small interface ({@link
 * dev.commitstats.providers.Provider}): check a token against the host's "current user" endpoint, discover the
 * repositories it can see, the user's verified emails and open-source contributions. One sub-package per host
 * (GitHub, GitLab, Azure DevOps, Bitbucket, Gitea/Forgejo, a generic git URL); {@link
 * dev.commitstats.providers.ProviderHttp} is their one way out to the network (guarded, paginated, rate-limit aware).
 * Stores nothing: tokens and repositories belong to the modules that own them.
 */
@NullMarked
@ApplicationModule(displayName = "Providers", allowedDependencies = {"config"})
package dev.commitstats.providers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
