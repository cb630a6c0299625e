package dev.commitstats.collection;

import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import java.util.List;

/**
 * "Delete my account": everything of the user goes, rows and mirrors. Each repository is removed through
 * {@link RepositoryRemoval} (its commit facts and rollups, which have no foreign key, its runs, choices and this
 * instance's mirror when nobody else uses it; a repository being collected stops the removal with "try again"); then
 * the account itself ({@link AccountSecurity#deleteAccount}): its sessions and its row, from which identities, tokens,
 * API keys, CV settings, snapshots and pages, owner groups and the webhook secret cascade. Thread-safe.
 */
public final class AccountRemoval {

    /**
     * What a removal did.
     *
     * @param login          the deleted account's login
     * @param repositories   repositories removed with their numbers
     * @param deletedCommits commits that were stored for them
     */
    public record Removed(String login, int repositories, long deletedCommits) {
    }

    private final UserAccounts accounts;
    private final AccountSecurity security;
    private final RepositoryRegistry registry;
    private final RepositoryRemoval removal;

    public AccountRemoval(UserAccounts accounts, AccountSecurity security, RepositoryRegistry registry,
            RepositoryRemoval removal) {
        this.accounts = accounts;
        this.security = security;
        this.registry = registry;
        this.removal = removal;
    }

    /**
     * Deletes the user and everything stored about them.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) for an unknown user; ({@code CONFLICT}) while one of their
     *                          repositories is being collected (what was removed before stays removed; the account
     *                          stays until a retry completes)
     */
    public Removed remove(long userId) {
        User user = accounts.user(userId).orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND,
                "no such account"));
        int repositories = 0;
        long commits = 0;
        // until none is left: discovery may register one while the others are being removed
        for (int round = 0; round < 3; round++) {
            List<Repository> left = registry.repositories(userId);
            if (left.isEmpty()) {
                break;
            }
            for (Repository repository : left) {
                try {
                    commits += removal.remove(userId, repository.id()).deletedCommits();
                    repositories++;
                } catch (UseCaseException e) {
                    if (e.kind() != UseCaseException.Kind.NOT_FOUND) {
                        throw new UseCaseException(e.kind(), "your account was not deleted: " + e.getMessage());
                    }
                    // removed meanwhile
                }
            }
        }
        security.deleteAccount(userId);
        return new Removed(user.login(), repositories, commits);
    }
}
