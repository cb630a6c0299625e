package dev.commitstats.collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * The collection's meters, on {@code /actuator/prometheus}: commits mined, collection durations by trigger and result,
 * failures by reason, webhook deliveries by provider and result. (Queue depth is a gauge over JobRunr's storage, see
 * {@link CollectionJobsConfiguration}.) Thread-safe.
 */
final class CollectionMetrics {

    private final MeterRegistry registry;
    private final Counter commitsMined;

    CollectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commitsMined = Counter.builder("commitstats.collection.commits.mined")
                .description("Commits mined and stored for the first time").register(registry);
    }

    void collected(CollectionTrigger trigger, CollectionOutcome outcome) {
        commitsMined.increment(outcome.newCommits());
        Timer.builder("commitstats.collection.duration").description("How long one collection took")
                .tag("trigger", trigger.dbName()).tag("result", outcome.result().name().toLowerCase(Locale.ROOT))
                .register(registry).record(outcome.took());
        CollectionFailure failure = outcome.failure();
        if (failure != null) {
            Counter.builder("commitstats.collection.failures").description("Failed collections by reason")
                    .tag("reason", failure.reason()).tag("kind", failure.kind().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }

    void webhookDelivery(String provider, String result) {
        Counter.builder("commitstats.webhook.deliveries").description("Webhook deliveries by provider and result")
                .tag("provider", provider).tag("result", result).register(registry).increment();
    }
}
