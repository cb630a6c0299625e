package dev.commitstats.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery ids already accepted, per host, so that a repeated delivery (hosts redeliver on timeouts, and people
 * press "redeliver") enqueues nothing. Kept for the delivery retention; older ids are dropped as new ones arrive.
 * Owns the {@code webhook_deliveries} table. Thread-safe: the primary key decides between two instances.
 */
final class WebhookDeliveries {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    WebhookDeliveries(DataSource dataSource, Clock clock, Duration retention) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.retention = retention;
    }

    /** Records the delivery; false when it was seen before. */
    boolean firstTime(WebhookProvider provider, String deliveryId) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM webhook_deliveries WHERE received_at < :before")
                .param("before", now.minus(retention).toEpochMilli()).update();
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (provider, delivery_id, received_at) VALUES (:p, :d, :at)
                        ON CONFLICT (provider, delivery_id) DO NOTHING""")
                .param("p", provider.id()).param("d", deliveryId).param("at", now.toEpochMilli()).update() == 1;
    }
}
