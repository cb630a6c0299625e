/**
 * Bitbucket Cloud through REST API 2.0: token check against {@code /user} (or, for access tokens, the repository
 * list), repository discovery across the user's workspaces, confirmed email addresses. Reached only through
 * {@code ProviderHttp}.
 */
@NullMarked
package dev.commitstats.providers.bitbucket;

import org.jspecify.annotations.NullMarked;
