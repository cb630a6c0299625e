package dev.commitstats.digest;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The e-mails claimed and sent, one row per (user, week): what makes a digest go out at most once, whatever the number
 * of instances, job workers or retries. Owns the {@code digest_deliveries} table. Thread-safe.
 *
 * <p>Why a claim inserted before sending: the primary key lets exactly one {@code INSERT} through, atomically in
 * both databases ({@code ON CONFLICT DO NOTHING}), so two senders racing for the same digest cannot both win, and a
 * retried job finds the row of the e-mail it already sent. Checking "was it sent?" and sending after would let both
 * through; marking it sent afterwards would send it twice when the process dies in between. The price: a process
 * that dies after its claim and before the SMTP server answered leaves that week unsent (at most once, never twice).
 * A send that fails with an error releases its claim, so a retry may send it.
 */
final class DigestDeliveries {

    private final JdbcClient jdbc;
    private final Clock clock;

    DigestDeliveries(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Claims the e-mail of {@code week} for {@code userId}; false when another sender (or an earlier run) has it. */
    boolean claim(long userId, IsoWeek week, String claimant) {
        return jdbc.sql("""
                        INSERT INTO digest_deliveries (user_id, week, claimed_at, claimed_by)
                        VALUES (:u, :w, :t, :c) ON CONFLICT (user_id, week) DO NOTHING""")
                .param("u", userId).param("w", week.toString()).param("t", clock.millis()).param("c", claimant)
                .update() == 1;
    }

    /** Whether someone claimed it already (a cheap look before the digest is built). */
    boolean claimed(long userId, IsoWeek week) {
        return jdbc.sql("SELECT COUNT(*) FROM digest_deliveries WHERE user_id = :u AND week = :w")
                .param("u", userId).param("w", week.toString()).query(Long.class).single() > 0;
    }

    /** The SMTP server accepted it. */
    void sent(long userId, IsoWeek week) {
        jdbc.sql("UPDATE digest_deliveries SET sent_at = :t WHERE user_id = :u AND week = :w")
                .param("u", userId).param("w", week.toString()).param("t", clock.millis()).update();
    }

    /** Sending failed: a later attempt may claim it again. */
    void release(long userId, IsoWeek week) {
        jdbc.sql("DELETE FROM digest_deliveries WHERE user_id = :u AND week = :w AND sent_at IS NULL")
                .param("u", userId).param("w", week.toString()).update();
    }
}
