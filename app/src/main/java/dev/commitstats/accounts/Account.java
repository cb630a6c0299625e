package dev.commitstats.accounts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account as its owner and the instance's admins see it; never its password hash.
 *
 * @param id           the user's id
 * @param login        the unique login
 * @param displayName  the name shown on the CV, or null
 * @param admin        whether the account administers this instance
 * @param hasPassword  whether it can sign in with a password (accounts made for OAuth sign-in have none)
 * @param avatarUrl    an avatar picture's address, or null
 * @param createdAt    when it was created
 * @param lastSignInAt when it last signed in, or null
 * @param identities   its commit emails
 */
public record Account(long id, String login, @Nullable String displayName, boolean admin, boolean hasPassword,
        @Nullable String avatarUrl, Instant createdAt, @Nullable Instant lastSignInAt, List<Identity> identities) {

    public Account {
        identities = List.copyOf(identities);
    }

    /** A commit email of the account, and whether a git host verified it is theirs. */
    public record Identity(String email, boolean verified) {
    }
}
