/**
 * Azure DevOps Services and Server: token check against {@code connectionData}, repository discovery across the
 * organisation's projects, the signed-in user's verified address. Reached only through {@code ProviderHttp}.
 */
@NullMarked
package dev.commitstats.providers.azure;

import org.jspecify.annotations.NullMarked;
