/**
 * GitHub (github.com and Enterprise Server) through its REST API: token check against {@code /user}, repository
 * discovery through {@code /user/repos}, verified addresses from {@code /user/emails}, open-source contributions from
 * the search for merged pull requests. Reached only through {@code ProviderHttp}.
 */
@NullMarked
package dev.commitstats.providers.github;

import org.jspecify.annotations.NullMarked;
