package dev.commitstats.digest;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who gets the weekly digest by e-mail, and where: opt-in, to one of the user's own commit emails. Owns the
 * {@code digest_preferences} table. Thread-safe.
 */
public final class DigestPreferences {

    /**
     * A user's choice.
     *
     * @param email        whether the digest is sent by e-mail
     * @param address      where to; null until the user opted in once
     * @param lastSentWeek the last week whose digest was sent (or that was complete when the user opted in), or null
     */
    public record Preferences(boolean email, @Nullable String address, @Nullable IsoWeek lastSentWeek) {
        public static final Preferences NONE = new Preferences(false, null, null);
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;

    public DigestPreferences(DataSource dataSource, UserAccounts accounts, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.accounts = accounts;
        this.clock = clock;
    }

    public Preferences of(long userId) {
        return jdbc.sql("SELECT email_opt_in, address, last_sent_week FROM digest_preferences WHERE user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new Preferences(rs.getBoolean(1), rs.getString(2),
                        rs.getString(3) == null ? null : IsoWeek.parse(rs.getString(3))))
                .optional().orElse(Preferences.NONE);
    }

    /**
     * Opts in or out. Opting in sends to {@code address}, which must be one of the user's commit emails (the
     * e-mails verified by a git host first, when none is given); its first digest is that of the week in progress,
     * next Monday: {@code completeWeek} counts as sent.
     *
     * @param completeWeek the user's last complete week now
     * @throws UseCaseException ({@code INVALID}) for an address that is not one of theirs, or when they have none
     */
    public Preferences change(long userId, boolean email, @Nullable String address, IsoWeek completeWeek) {
        accounts.requireUser(userId);
        Preferences before = of(userId);
        String to = before.address();
        if (address != null && !address.isBlank()) {
            String normalized = UserAccounts.normalizeEmail(address);
            if (!accounts.identities(userId).contains(normalized)) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, "'" + address
                        + "' is not one of your commit emails: add it to your account first");
            }
            to = normalized;
        }
        if (email && to == null) {
            to = defaultAddress(userId).orElseThrow(() -> new UseCaseException(UseCaseException.Kind.INVALID,
                    "you have no email address to send the digest to: add a commit email first"));
        }
        String lastSent = before.lastSentWeek() == null || before.lastSentWeek().compareTo(completeWeek) < 0
                ? completeWeek.toString() : before.lastSentWeek().toString();
        if (!email || before.email()) {
            lastSent = before.lastSentWeek() == null ? null : before.lastSentWeek().toString();
        }
        jdbc.sql("""
                        INSERT INTO digest_preferences (user_id, email_opt_in, address, last_sent_week, updated_at)
                        VALUES (:u, :e, :a, :w, :t)
                        ON CONFLICT (user_id) DO UPDATE SET email_opt_in = :e, address = :a, last_sent_week = :w,
                            updated_at = :t""")
                .param("u", userId).param("e", email).param("a", to).param("w", lastSent)
                .param("t", clock.millis()).update();
        return of(userId);
    }

    /** Stops the e-mails (the unsubscribe link). */
    public void unsubscribe(long userId) {
        jdbc.sql("UPDATE digest_preferences SET email_opt_in = FALSE, updated_at = :t WHERE user_id = :u")
                .param("u", userId).param("t", clock.millis()).update();
    }

    /** The users who opted in, by id. */
    List<Long> optedIn() {
        return jdbc.sql("SELECT user_id FROM digest_preferences WHERE email_opt_in = TRUE ORDER BY user_id")
                .query(Long.class).list();
    }

    /** Records that {@code week}'s digest went out (never moves back). */
    void sent(long userId, IsoWeek week) {
        jdbc.sql("""
                        UPDATE digest_preferences SET last_sent_week = :w
                        WHERE user_id = :u AND (last_sent_week IS NULL OR last_sent_week < :w)""")
                .param("u", userId).param("w", week.toString()).update();
    }

    /** The user's first email verified by a git host, else their first commit email. */
    private Optional<String> defaultAddress(long userId) {
        List<String> verified = accounts.verifiedIdentities(userId);
        if (!verified.isEmpty()) {
            return Optional.of(verified.get(0));
        }
        return accounts.identities(userId).stream().findFirst();
    }
}
