/**
 * Any HTTPS git server without a known API: nothing to discover or check, the token is only the basic-auth password
 * for clone and fetch.
 */
@NullMarked
package dev.commitstats.providers.git;

import org.jspecify.annotations.NullMarked;
