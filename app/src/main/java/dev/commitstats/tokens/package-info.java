/**
 * Tokens: the personal access tokens a user adds per provider account, encrypted at rest with Tink
 * ({@link dev.commitstats.tokens.TokenCipher}), checked against the host on add and on demand, their secrets handed
 * only to discovery and collection. {@link dev.commitstats.tokens.Tokens} is the module's API; it owns the
 * {@code tokens} table and the keyset.
 */
@NullMarked
@ApplicationModule(displayName = "Tokens", allowedDependencies = {"config", "accounts", "providers", "repos"})
package dev.commitstats.tokens;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
