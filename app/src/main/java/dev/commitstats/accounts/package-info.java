/**
 * Accounts: users and their identities (the commit emails counted as theirs). {@link
 * dev.commitstats.accounts.UserAccounts} is the module's API; it owns the {@code users} and {@code identities} tables.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts", allowedDependencies = "config")
package dev.commitstats.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
