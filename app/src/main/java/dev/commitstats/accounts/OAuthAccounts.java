package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with a provider (GitHub, GitLab, an OpenID Connect provider): finds or creates the account a provider's user
 * signs in as. Owns the {@code sign_in_identities} table, which links (provider, the provider's subject) to a user.
 *
 * <ul>
 *   <li>A first sign-in creates the user: a login derived from the provider's username (else the first verified
 *       email's local part), made valid and, when taken, unique with a suffix ({@code ada-2}); the profile name; the
 *       avatar; the provider's verified emails as verified identities. No password: the account signs in with its
 *       provider (an admin may give it one with {@code users password}).</li>
 *   <li>While the instance has no account with a password and no admin ({@link AccountSecurity#setupPending()}), the
 *       user created by the first sign-in becomes its admin, as the first-run setup's would.</li>
 *   <li>A later sign-in finds the user by (provider, subject), adds the emails the provider verified since and
 *       refreshes the avatar. Emails that the provider no longer lists are kept: the user may still want their
 *       commits counted.</li>
 *   <li>Accounts are never merged on an email: a provider user with no link gets a new account even when one of its
 *       emails belongs to an existing user, and an email that another account has verified is not added to it (the
 *       outcome lists it), so that nobody's commits count twice and nobody takes over an account with a
 *       provider that reports an email it does not own.</li>
 * </ul>
 *
 * <p>Each sign-in runs in one transaction. Thread-safe.
 */
final class OAuthAccounts {

    /** A login longer than this (before a suffix) is cut. */
    private static final int MAX_LOGIN_BASE = 56;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserAccounts users;
    private final AccountSecurity accounts;
    private final Clock clock;

    OAuthAccounts(DataSource dataSource, UserAccounts users, AccountSecurity accounts, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * What a sign-in did.
     *
     * @param account       the account signed in as, with its identities
     * @param created       whether this sign-in created it
     * @param addedEmails   verified emails that became (verified) identities of the account now
     * @param skippedEmails verified emails left out because another account has verified them
     */
    record Outcome(Account account, boolean created, List<String> addedEmails, List<String> skippedEmails) {
    }

    /**
     * Signs a provider's user in: the linked account, or a new one.
     *
     * @throws UseCaseException ({@code INVALID}) when the provider gave no usable subject
     */
    Outcome signIn(ProviderProfile profile) {
        try {
            return transactions.execute(status -> signInOnce(profile));
        } catch (LinkedMeanwhile e) {
            // the same provider user's first sign-in ran twice at once, and the other one linked first
            return transactions.execute(status -> signInOnce(profile));
        }
    }

    /** The accounts' links, as (provider, subject) pairs: for the account's owner and tests. */
    List<Link> links(long userId) {
        return jdbc.sql("""
                        SELECT registration_id, subject FROM sign_in_identities WHERE user_id = :u
                        ORDER BY registration_id, subject""")
                .param("u", userId)
                .query((rs, row) -> new Link(rs.getString("registration_id"), rs.getString("subject"))).list();
    }

    /** A provider user linked to an account. */
    record Link(String registrationId, String subject) {
    }

    private Outcome signInOnce(ProviderProfile profile) {
        long now = clock.instant().getEpochSecond();
        Optional<Long> linked = jdbc.sql("""
                        SELECT user_id FROM sign_in_identities
                        WHERE registration_id = :r AND subject = :s""")
                .param("r", profile.registrationId()).param("s", profile.subject()).query(Long.class).optional();
        if (linked.isPresent()) {
            long userId = linked.get();
            jdbc.sql("""
                            UPDATE sign_in_identities SET last_sign_in_at = :now
                            WHERE registration_id = :r AND subject = :s""")
                    .param("now", now).param("r", profile.registrationId()).param("s", profile.subject()).update();
            if (profile.avatarUrl() != null) {
                accounts.setAvatar(userId, profile.avatarUrl());
            }
            return outcome(userId, false, profile.verifiedEmails());
        }
        boolean firstAdmin = accounts.setupPending();
        String login = freeLogin(loginBase(profile));
        Account account = accounts.create(new NewAccount(login, blankToNull(profile.name()), List.of(), firstAdmin,
                profile.avatarUrl()), null);
        int n = jdbc.sql("""
                        INSERT INTO sign_in_identities (registration_id, subject, user_id, created_at, last_sign_in_at)
                        VALUES (:r, :s, :u, :now, :now)
                        ON CONFLICT (registration_id, subject) DO NOTHING""")
                .param("r", profile.registrationId()).param("s", profile.subject()).param("u", account.id())
                .param("now", now).update();
        if (n == 0) {
            throw new LinkedMeanwhile(); // rolls the new account back
        }
        return outcome(account.id(), true, profile.verifiedEmails());
    }

    private Outcome outcome(long userId, boolean created, List<String> verifiedEmails) {
        List<String> mine = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String email : verifiedEmails) {
            String e;
            try {
                e = UserAccounts.requireEmail(email);
            } catch (UseCaseException notAnEmail) {
                continue; // a provider's oddity is no reason to refuse the sign-in
            }
            boolean another = jdbc.sql("""
                            SELECT COUNT(*) FROM identities WHERE email = :e AND verified = TRUE AND user_id <> :u""")
                    .param("e", e).param("u", userId).query(Long.class).single() > 0;
            (another ? skipped : mine).add(e);
        }
        List<String> added = users.addVerifiedIdentities(userId, mine);
        Account account = accounts.account(userId).orElseThrow(() -> new IllegalStateException("no user " + userId));
        return new Outcome(account, created, added, skipped);
    }

    /** The login nobody has yet: the base, else the base with the first free suffix {@code -2}, {@code -3}... */
    private String freeLogin(String base) {
        if (users.find(base).isEmpty()) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (users.find(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /**
     * A valid login from the provider's username, else the local part of the first verified email, else
     * {@code user}: characters a login may not have become {@code -}, an email-like username keeps its local part.
     */
    static String loginBase(ProviderProfile profile) {
        String raw = profile.username();
        if (raw == null || raw.isBlank()) {
            raw = profile.verifiedEmails().isEmpty() ? "" : profile.verifiedEmails().get(0);
        }
        raw = raw.strip();
        int at = raw.indexOf('@');
        if (at >= 0) {
            raw = raw.substring(0, at); // Entra's and many providers' usernames are emails
        }
        String login = raw.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "")
                .replaceFirst("[._-]+$", "");
        if (login.length() > MAX_LOGIN_BASE) {
            login = login.substring(0, MAX_LOGIN_BASE).replaceFirst("[._-]+$", "");
        }
        return login.isEmpty() ? "user" : login;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Another sign-in of the same provider user linked it first; this transaction rolls back and looks again. */
    private static final class LinkedMeanwhile extends RuntimeException {
        LinkedMeanwhile() {
            super(null, null, false, false);
        }
    }
}
