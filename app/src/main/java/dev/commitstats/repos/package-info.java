/**
 * Accounts and the repositories they collect from: users, their commit identities (emails), each repository's
 * source, collection status and cursor. {@link dev.commitstats.repos.RepositoryRegistry} is the package's API.
 */
package dev.commitstats.repos;
