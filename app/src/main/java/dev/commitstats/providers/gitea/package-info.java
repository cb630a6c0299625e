/**
 * Gitea and Forgejo (Codeberg and self-hosted servers) behind {@link dev.commitstats.providers.Provider}: their REST
 * API v1 for the token check, repository discovery, verified emails and merged pull requests in other people's
 * repositories.
 */
@NullMarked
package dev.commitstats.providers.gitea;

import org.jspecify.annotations.NullMarked;
