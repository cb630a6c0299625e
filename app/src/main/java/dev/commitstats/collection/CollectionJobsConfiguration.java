package dev.commitstats.collection;

import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.TracingSettings;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.tokens.TokenCipher;
import dev.commitstats.tokens.Tokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The server's background collection: the jobs on JobRunr (whose starter sets up the storage on the product's
 * DataSource, the job server and, when enabled, its dashboard), the periodic delta as a recurring job, the webhooks
 * and the status. The commands never load this: they run without Spring, so they never start JobRunr.
 */
@Configuration(proxyBeanMethods = false)
class CollectionJobsConfiguration {

    /**
     * JobRunr's storage on the product's DataSource, its tables in the product's own schema: on PostgreSQL the table
     * prefix names the connection's schema, because JobRunr looks for its tables in every schema of the database and
     * would take another schema's (another application, or a second instance of ours in another schema) for its own.
     * Replaces the starter's storage provider, which has no schema.
     */
    @Bean
    StorageProvider storageProvider(DataSource dataSource, JobMapper jobMapper) {
        StorageProvider storage = SqlStorageProviderFactory.using(dataSource, tablePrefix(dataSource),
                StorageProviderUtils.DatabaseOptions.CREATE);
        storage.setJobMapper(jobMapper);
        return storage;
    }

    /** {@code "schema."} on PostgreSQL, nothing on SQLite (one schema per file). */
    static String tablePrefix(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String schema = c.getSchema();
            if (product == null || !product.toLowerCase(Locale.ROOT).contains("postgres") || schema == null
                    || schema.isBlank()) {
                return "";
            }
            return schema + ".";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's schema for the job storage: "
                    + e.getMessage(), e);
        }
    }

    @Bean
    BlockedRepositories blockedRepositories(DataSource dataSource, Clock clock) {
        return new BlockedRepositories(dataSource, clock);
    }

    @Bean
    ScheduledRuns scheduledRuns(DataSource dataSource) {
        return new ScheduledRuns(dataSource);
    }

    @Bean
    CollectionMetrics collectionMetrics(MeterRegistry registry) {
        return new CollectionMetrics(registry);
    }

    @Bean
    CollectionTracing collectionTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            TracingSettings settings) {
        return new CollectionTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP), settings.enabled());
    }

    @Bean
    CollectionJobs collectionJobs(CollectionService collection, RepositoryDiscovery discovery,
            RepositoryRegistry registry, UserAccounts accounts, Tokens tokens, JobScheduler jobScheduler,
            BlockedRepositories blocked, ScheduledRuns scheduledRuns, CollectionMetrics metrics,
            CollectionTracing tracing, CollectionSettings settings, Clock clock) {
        return new CollectionJobs(collection, discovery, registry, accounts, tokens, jobScheduler, blocked,
                scheduledRuns, metrics, tracing, settings.lease(), clock);
    }

    @Bean
    AccountRemoval accountRemoval(UserAccounts accounts, AccountSecurity security, RepositoryRegistry registry,
            RepositoryRemoval removal) {
        return new AccountRemoval(accounts, security, registry, removal);
    }

    @Bean
    WebhookSecrets webhookSecrets(DataSource dataSource, TokenCipher cipher, UserAccounts accounts, Clock clock) {
        return new WebhookSecrets(dataSource, cipher, accounts, clock);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(DataSource dataSource, Clock clock, BackgroundCollectionSettings settings) {
        return new WebhookDeliveries(dataSource, clock, settings.deliveryRetention());
    }

    @Bean
    Webhooks webhooks(WebhookSecrets secrets, WebhookDeliveries deliveries, RepositoryRegistry registry,
            CollectionJobs jobs, CollectionMetrics metrics, BackgroundCollectionSettings settings) {
        return new Webhooks(secrets, deliveries, registry, jobs, metrics, settings.webhookMaxBody().toBytes());
    }

    @Bean
    CollectionStatus collectionStatus(StorageProvider storage, RepositoryRegistry registry,
            ScheduledRuns scheduledRuns, BackgroundCollectionSettings settings, Clock clock) {
        return new CollectionStatus(storage, registry, scheduledRuns, settings, clock);
    }

    /**
     * Once the server is up: the periodic delta is (re)declared, or removed when {@code interval} is 0 (every instance
     * declares the same id; JobRunr runs it once per interval across them), and the queue-depth gauge registered.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        BackgroundCollectionSettings settings = context.getBean(BackgroundCollectionSettings.class);
        JobScheduler scheduler = context.getBean(JobScheduler.class);
        if (settings.scheduled()) {
            scheduler.<CollectionJobs>scheduleRecurrently(CollectionJobs.DELTA_JOB_ID, settings.interval(),
                    j -> j.scheduledDelta());
        } else {
            scheduler.deleteRecurringJob(CollectionJobs.DELTA_JOB_ID);
            LoggerFactory.getLogger(CollectionJobsConfiguration.class).info(
                    "the periodic delta is off (commitstats.collection.interval=0)");
        }
        StorageProvider storage = context.getBean(StorageProvider.class);
        Gauge.builder("commitstats.jobs.queue", storage, s -> s.countJobs(StateName.ENQUEUED))
                .description("Jobs enqueued and waiting for a worker").register(context.getBean(MeterRegistry.class));
    }
}
