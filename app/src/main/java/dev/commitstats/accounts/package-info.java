/**
 * Accounts: users and their identities (the commit emails counted as theirs), sign-in and personal API keys. Its API:
 * {@link dev.commitstats.accounts.UserAccounts} (the {@code users} and {@code identities} tables), {@link
 * dev.commitstats.accounts.AccountSecurity} (passwords, admins, first-run setup), {@link
 * dev.commitstats.accounts.ApiKeys} (the {@code api_keys} table) and {@link dev.commitstats.accounts.Caller}, which
 * every signed-in route receives; the server's security filter chain lives here too, with the sign-in with GitHub,
 * GitLab or an OpenID Connect provider ({@code OAuthSignIn}, the {@code sign_in_identities} table).
 */
@NullMarked
@ApplicationModule(displayName = "Accounts", allowedDependencies = "config")
package dev.commitstats.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
