package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What signing in needs of an account: creating one (with a password, or without for an account that signs in with
 * OAuth, see {@link OAuthAccounts}), setting and checking passwords, the admin flag, the first-run state, and the
 * account as its owner sees it. Shares the {@code users} table with {@link UserAccounts} (this class owns its sign-in columns).
 *
 * <p>Passwords are hashed with bcrypt behind Spring Security's {@link DelegatingPasswordEncoder}, so the stored form
 * names its algorithm ({@code {bcrypt}...}) and a stronger one can be added later without invalidating old hashes. A
 * password is never logged, stored in clear or part of a message. {@link #verify} takes as long for an unknown login
 * as for a wrong password, so that timing does not tell which logins exist. Thread-safe.
 */
public final class AccountSecurity {

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 10;
    /** A login is part of the CV's address: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final String ACCOUNT_COLUMNS = """
            id, login, display_name, is_admin, password_hash, avatar_url, created_at, last_sign_in_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserAccounts users;
    private final Clock clock;
    private final PasswordEncoder passwords;
    /**
     * compared against when the login is unknown, so that a miss costs one bcrypt like a wrong password does; made on
     * first use, since every command builds this class and most never check a password
     */
    private volatile @Nullable String decoyHash;

    public AccountSecurity(DataSource dataSource, UserAccounts users, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.users = users;
        this.clock = clock;
        this.passwords = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * Creates an account with its identities in one transaction. This is the one way accounts are made: the first-run
     * setup and {@code users create} give a password; a first OAuth sign-in ({@link OAuthAccounts}) calls it with a
     * null password and the provider's avatar, then adds the provider's verified emails with
     * {@link UserAccounts#addVerifiedIdentities}.
     *
     * @param password the account's password, or null for an account that signs in with OAuth only
     * @throws UseCaseException ({@code INVALID}) for a login, email or password that breaks the rules, with the rule;
     *                          ({@code CONFLICT}) when the login is taken
     */
    public Account create(NewAccount account, @Nullable String password) {
        requireNewLogin(account.login());
        String hash = password == null ? null : hash(password);
        for (String email : account.emails()) {
            UserAccounts.requireEmail(email);
        }
        long id = transactions.execute(status -> insert(account, hash));
        return require(id);
    }

    /**
     * The first-run setup: creates the first admin while {@link #setupPending()}.
     *
     * @throws UseCaseException ({@code CONFLICT}) when an account with a password or an admin exists already; as
     *                          {@link #create} otherwise
     */
    public Account createFirstAdmin(String login, List<String> emails, String password) {
        requireNewLogin(login);
        String hash = hash(password);
        for (String email : emails) {
            UserAccounts.requireEmail(email);
        }
        long id = transactions.execute(status -> {
            if (!setupPending()) {
                throw new UseCaseException(UseCaseException.Kind.CONFLICT,
                        "this instance is set up already: sign in instead");
            }
            return insert(new NewAccount(login, null, emails, true, null), hash);
        });
        return require(id);
    }

    private long insert(NewAccount account, @Nullable String hash) {
        long id = users.create(account.login(), account.displayName() == null ? account.login()
                : account.displayName(), ZoneId.of("UTC")).id();
        jdbc.sql("""
                        UPDATE users SET password_hash = :hash, is_admin = :admin, avatar_url = :avatar
                        WHERE id = :id""")
                .param("hash", hash).param("admin", account.admin()).param("avatar", account.avatarUrl())
                .param("id", id).update();
        users.addIdentities(id, account.emails());
        return id;
    }

    /**
     * Sets a user's password (also for an account that had none).
     *
     * @throws UseCaseException ({@code INVALID}) naming the rule the password breaks
     */
    public void setPassword(long userId, String password) {
        String hash = hash(password);
        int n = jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
                .param("hash", hash).param("id", userId).update();
        if (n == 0) {
            throw new IllegalArgumentException("no user " + userId);
        }
    }

    /**
     * The account when the password is its password; empty for an unknown login, an account without a password or a
     * wrong password alike (each costs one bcrypt comparison).
     */
    public Optional<Account> verify(String login, String password) {
        Optional<Stored> stored = jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE login = :login")
                .param("login", login).query(AccountSecurity::stored).optional();
        String hash = stored.map(Stored::passwordHash).orElse(null);
        boolean matches = passwords.matches(password, hash == null ? decoyHash() : hash);
        if (!matches || hash == null) {
            return Optional.empty();
        }
        return Optional.of(withIdentities(stored.get()));
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = passwords.encode("decoy password for unknown logins");
            decoyHash = decoy;
        }
        return decoy;
    }

    /** Records a successful sign-in. */
    public void recordSignIn(long userId) {
        jdbc.sql("UPDATE users SET last_sign_in_at = :now WHERE id = :id")
                .param("now", clock.instant().getEpochSecond()).param("id", userId).update();
    }

    /** Whether this instance still needs its first-run setup: no account has a password and none is an admin. */
    public boolean setupPending() {
        return setupPending(jdbc);
    }

    /** {@link #setupPending()} without building the service, for the server's start (which must stay fast). */
    static boolean setupPending(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL OR is_admin = TRUE")
                .query(Long.class).single() == 0;
    }

    /** Sets the avatar shown for the user (a sign-in provider's picture). */
    void setAvatar(long userId, String avatarUrl) {
        jdbc.sql("UPDATE users SET avatar_url = :a WHERE id = :id").param("a", avatarUrl).param("id", userId).update();
    }

    /** Makes the user an admin of this instance, or not. */
    public void setAdmin(long userId, boolean admin) {
        jdbc.sql("UPDATE users SET is_admin = :admin WHERE id = :id").param("admin", admin).param("id", userId)
                .update();
    }

    public Optional<Account> account(long userId) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE id = :id")
                .param("id", userId).query(AccountSecurity::stored).optional().map(this::withIdentities);
    }

    /**
     * The account with this login.
     *
     * @throws UnknownUserException when there is none
     */
    public Account require(String login) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE login = :login")
                .param("login", login).query(AccountSecurity::stored).optional().map(this::withIdentities)
                .orElseThrow(() -> new UnknownUserException(login));
    }

    private Account require(long userId) {
        return account(userId).orElseThrow(() -> new IllegalStateException("no user " + userId));
    }

    /**
     * Deletes the account: its browser sessions (Spring Session's rows, found by the login they were signed in with)
     * and its {@code users} row, with what cascades from it in the schema (identities, tokens, API keys, repositories
     * and their runs and choices, CV settings, snapshots and pages, the webhook secret), in one transaction. What lives
     * outside the database or is kept without a foreign key (mirrors, commit facts and rollups) is the caller's to
     * remove first: {@code collection.AccountRemoval} does it repository by repository.
     *
     * @return whether there was such an account
     */
    public boolean deleteAccount(long userId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Optional<String> login = jdbc.sql("SELECT login FROM users WHERE id = :id").param("id", userId)
                    .query(String.class).optional();
            if (login.isEmpty()) {
                return false;
            }
            jdbc.sql("""
                            DELETE FROM SPRING_SESSION_ATTRIBUTES WHERE SESSION_PRIMARY_ID IN
                                (SELECT PRIMARY_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :login)""")
                    .param("login", login.get()).update();
            jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :login").param("login", login.get()).update();
            return jdbc.sql("DELETE FROM users WHERE id = :id").param("id", userId).update() == 1;
        }));
    }

    /** Every account, by login. */
    public List<Account> list() {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users ORDER BY login")
                .query(AccountSecurity::stored).list().stream().map(this::withIdentities).toList();
    }

    /**
     * The caller behind a browser session of this user, with every scope; empty when the account is gone (deleted
     * since the session began). Read afresh on each request, so that a change of the admin flag takes effect at once.
     */
    public Optional<Caller> sessionCaller(long userId) {
        return jdbc.sql("SELECT id, login, is_admin FROM users WHERE id = :id").param("id", userId)
                .query((rs, row) -> new Caller(rs.getLong("id"), rs.getString("login"), rs.getBoolean("is_admin"),
                        EnumSet.allOf(Caller.Scope.class)))
                .optional();
    }

    /**
     * The password's hash.
     *
     * @throws UseCaseException ({@code INVALID}) when it is shorter than 10 characters or longer than 72 bytes
     */
    private String hash(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "a password may have at most " + MAX_PASSWORD_BYTES + " bytes (72 ASCII characters)");
        }
        if (password.isBlank()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "a password must not be blank");
        }
        return passwords.encode(password);
    }

    /**
     * Checks a login for a new account.
     *
     * @throws UseCaseException ({@code INVALID}) naming the rule
     */
    static void requireNewLogin(String login) {
        if (!LOGIN.matcher(login).matches()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "a login has 1 to 64 letters, digits, '.', "
                    + "'_' or '-', and starts with a letter or digit: '" + login + "' does not");
        }
    }

    private Account withIdentities(Stored s) {
        List<Account.Identity> identities = jdbc.sql(
                        "SELECT email, verified FROM identities WHERE user_id = :u ORDER BY email")
                .param("u", s.id())
                .query((rs, row) -> new Account.Identity(rs.getString("email"), rs.getBoolean("verified"))).list();
        return new Account(s.id(), s.login(), s.displayName(), s.admin(), s.passwordHash() != null, s.avatarUrl(),
                s.createdAt(), s.lastSignInAt(), identities);
    }

    private record Stored(long id, String login, @Nullable String displayName, boolean admin,
            @Nullable String passwordHash, @Nullable String avatarUrl, Instant createdAt,
            @Nullable Instant lastSignInAt) {
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        long lastSignIn = rs.getLong("last_sign_in_at");
        Instant last = rs.wasNull() ? null : Instant.ofEpochSecond(lastSignIn);
        return new Stored(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"),
                rs.getBoolean("is_admin"), rs.getString("password_hash"), rs.getString("avatar_url"),
                Instant.ofEpochSecond(rs.getLong("created_at")), last);
    }
}
