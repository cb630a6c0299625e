package dev.commitstats.accounts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account to create ({@link AccountSecurity#create}): by the first-run setup, the {@code users create} command, or
 * (later) a first OAuth sign-in, which gives the provider's avatar and no password.
 *
 * @param login       the unique login, also the CV's address ({@code /cv/LOGIN})
 * @param displayName the name shown on the CV; null for the login
 * @param emails      commit emails to add as identities (unverified: nobody checked them)
 * @param admin       whether the account administers this instance
 * @param avatarUrl   an avatar picture's address, or null
 */
public record NewAccount(String login, @Nullable String displayName, List<String> emails, boolean admin,
        @Nullable String avatarUrl) {

    public NewAccount {
        emails = List.copyOf(emails);
    }
}
