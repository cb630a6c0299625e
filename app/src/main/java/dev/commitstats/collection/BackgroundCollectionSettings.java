package dev.commitstats.collection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the server collects in the background, {@code commitstats.collection.*} beside {@link CollectionSettings}
 * (environment {@code COMMITSTATS_COLLECTION_*}); the README lists them. The job engine's own keys
 * ({@code commitstats.jobs.*}: workers, retries, dashboard) are mapped onto JobRunr's in {@code application.properties}.
 *
 * @param interval          how often the delta over all active repositories of all users runs; {@code 0} turns it
 *                          off (refreshes and webhooks still work)
 * @param webhookMaxBody    the largest webhook body accepted; a larger one gets 400 without being read further
 * @param deliveryRetention how long a webhook delivery id is remembered to ignore a repeated delivery
 */
@ConfigurationProperties("commitstats.collection")
public record BackgroundCollectionSettings(
        @DefaultValue("15m") Duration interval,
        @DefaultValue("1MB") DataSize webhookMaxBody,
        @DefaultValue("7d") Duration deliveryRetention) {

    public BackgroundCollectionSettings {
        if (interval.isNegative() || (!interval.isZero() && interval.toSeconds() < 10)) {
            throw new IllegalArgumentException("commitstats.collection.interval must be 0 (off) or at least 10s, not "
                    + interval);
        }
        if (webhookMaxBody.toBytes() < 1024) {
            throw new IllegalArgumentException("commitstats.collection.webhook-max-body must be at least 1KB");
        }
        if (deliveryRetention.toMinutes() < 1) {
            throw new IllegalArgumentException("commitstats.collection.delivery-retention must be at least 1m");
        }
    }

    public static BackgroundCollectionSettings defaults() {
        return new BackgroundCollectionSettings(Duration.ofMinutes(15), DataSize.ofMegabytes(1), Duration.ofDays(7));
    }

    /** Whether the periodic delta runs. */
    public boolean scheduled() {
        return !interval.isZero();
    }
}
