package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users and their identities: the emails whose commits count as theirs. Owns the {@code users} and
 * {@code identities} tables. Thread-safe.
 *
 * <p>Every method runs in the caller's Spring transaction when there is one on the same data source, and in its own
 * auto-commit otherwise.
 */
public final class UserAccounts {

    private static final String USER_COLUMNS = "id, login, display_name, time_zone, published";

    private final JdbcClient jdbc;
    private final Clock clock;

    public UserAccounts(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /**
     * Creates a user.
     *
     * @throws UseCaseException ({@code CONFLICT}) when the login is taken, ({@code INVALID}) when it is blank
     */
    public User create(String login, String displayName, ZoneId timeZone) {
        requireLogin(login);
        long id = jdbc.sql("""
                        INSERT INTO users (login, display_name, time_zone, created_at)
                        VALUES (:login, :name, :zone, :now)
                        ON CONFLICT (login) DO NOTHING RETURNING id""")
                .param("login", login).param("name", displayName).param("zone", timeZone.getId())
                .param("now", clock.instant().getEpochSecond())
                .query(Long.class).optional()
                .orElseThrow(() -> new UseCaseException(UseCaseException.Kind.CONFLICT,
                        "the login " + login + " is taken"));
        return new User(id, login, displayName, timeZone, false);
    }

    /** The user with this login, created (display name = login, time zone UTC) when there is none. */
    public User findOrCreate(String login) {
        requireLogin(login);
        return find(login).orElseGet(() -> {
            try {
                return create(login, login, ZoneId.of("UTC"));
            } catch (UseCaseException taken) {
                // created by someone else between the two statements
                return find(login).orElseThrow(() -> taken);
            }
        });
    }

    public Optional<User> find(String login) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM users WHERE login = :login")
                .param("login", login).query(UserAccounts::user).optional();
    }

    /**
     * The user with this login.
     *
     * @throws UnknownUserException when there is none
     */
    public User require(String login) {
        return find(login).orElseThrow(() -> new UnknownUserException(login));
    }

    public Optional<User> user(long userId) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM users WHERE id = :id")
                .param("id", userId).query(UserAccounts::user).optional();
    }

    /**
     * The user with this id.
     *
     * @throws IllegalArgumentException when there is none: ids come from the database, so a missing one is a bug
     */
    public User requireUser(long userId) {
        return user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
    }

    /** Makes the user's CV public or private. */
    public void setPublished(long userId, boolean published) {
        jdbc.sql("UPDATE users SET published = :p WHERE id = :id").param("p", published).param("id", userId).update();
    }

    /**
     * Adds commit emails to the user. They are checked first (all or none are added), then stored lower-cased,
     * because commit facts are matched on the lower-cased author email. An email the user has already is left alone.
     *
     * @return the emails that were new, normalised, in the given order
     * @throws UseCaseException ({@code INVALID}) naming the first value that is not an email address
     */
    public List<String> addIdentities(long userId, Collection<String> emails) {
        return add(userId, emails, false);
    }

    /**
     * Adds emails that a git host verified belongs to the user (from a provider account), marked verified; an email
     * the user has already becomes verified.
     *
     * @return the emails that were new, normalised, in the given order
     * @throws UseCaseException ({@code INVALID}) naming the first value that is not an email address
     */
    public List<String> addVerifiedIdentities(long userId, Collection<String> emails) {
        return add(userId, emails, true);
    }

    private List<String> add(long userId, Collection<String> emails, boolean verified) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String email : emails) {
            normalized.add(requireEmail(email));
        }
        List<String> added = new ArrayList<>();
        for (String e : normalized) {
            int n = jdbc.sql("""
                            INSERT INTO identities (user_id, email, verified) VALUES (:u, :e, :v)
                            ON CONFLICT (user_id, email) DO NOTHING""")
                    .param("u", userId).param("e", e).param("v", verified).update();
            if (n > 0) {
                added.add(e);
            } else if (verified) {
                jdbc.sql("UPDATE identities SET verified = TRUE WHERE user_id = :u AND email = :e")
                        .param("u", userId).param("e", e).update();
            }
        }
        return added;
    }

    /** The user's emails that a git host verified, lower-cased, sorted. */
    public List<String> verifiedIdentities(long userId) {
        return jdbc.sql("SELECT email FROM identities WHERE user_id = :u AND verified = TRUE ORDER BY email")
                .param("u", userId).query(String.class).list();
    }

    /**
     * The email as identities store it (trimmed, lower-cased).
     *
     * @throws UseCaseException ({@code INVALID}) when it is not an email address
     */
    public static String requireEmail(String email) {
        String e = normalizeEmail(email);
        int at = e.indexOf('@');
        if (at <= 0 || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "not an email address: '" + email + "'");
        }
        return e;
    }

    /** The user's emails, lower-cased and sorted. */
    public List<String> identities(long userId) {
        return jdbc.sql("SELECT email FROM identities WHERE user_id = :u ORDER BY email")
                .param("u", userId).query(String.class).list();
    }

    /** How commit facts and identities spell an email, so that matching is case-insensitive. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static void requireLogin(String login) {
        Objects.requireNonNull(login, "login");
        if (login.isBlank()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "a login must not be empty");
        }
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"),
                ZoneId.of(rs.getString("time_zone")), rs.getBoolean("published"));
    }
}
