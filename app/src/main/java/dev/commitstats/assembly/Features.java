package dev.commitstats.assembly;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.collection.CollectionService;
import dev.commitstats.collection.CollectionSettings;
import dev.commitstats.collection.RepositoryCredentials;
import dev.commitstats.collection.RepositoryDiscovery;
import dev.commitstats.collection.RepositoryRemoval;
import dev.commitstats.collection.RepositoryRemoved;
import dev.commitstats.collection.TokenCredentials;
import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.Database;
import dev.commitstats.core.mining.GitCaches;
import dev.commitstats.core.mining.MiningWorkers;
import dev.commitstats.collection.RepositoryCollected;
import dev.commitstats.cv.CvDocuments;
import dev.commitstats.cv.CvPages;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.cv.CvSettings;
import dev.commitstats.cv.CvSnapshots;
import dev.commitstats.digest.DigestPreferences;
import dev.commitstats.digest.WeeklyDigests;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.Providers;
import dev.commitstats.providers.ProvidersSettings;
import dev.commitstats.repos.RepositoryAnnotations;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositorySources;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.stats.OutlierReview;
import dev.commitstats.stats.RepositoryProfiles;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.tokens.TokenCipher;
import dev.commitstats.tokens.Tokens;
import dev.commitstats.tokens.TokensSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The features of Commit Stats assembled once, in plain Java, over one database: the command line builds them with
 * {@link #open} (no Spring context, so commands start in well under a second) and the server's
 * {@link FeaturesConfiguration} builds them with {@link #on} and exposes each service as a bean, so both construct the
 * same objects the same way. One {@link Clock} reaches every feature.
 *
 * <p>Owns the mining worker pool (bounded: {@link CollectionSettings#effectiveWorkerThreads()} threads shared by every
 * collection of the process) and, when opened with {@link #open}, the data source; {@link #close()} releases them.
 * JGit's global caches are configured here, once per process ({@link GitCaches#install()}).
 */
public final class Features implements AutoCloseable {

    private final @Nullable HikariDataSource ownedDataSource;
    private final ExecutorService miningWorkers;
    private final UserAccounts accounts;
    private final AccountSecurity accountSecurity;
    private final ApiKeys apiKeys;
    private final RepositoryRegistry repositories;
    private final RepositoryAnnotations repositoryAnnotations;
    private final RepositorySources sources;
    private final StatsQueries statsQueries;
    private final OutlierReview outlierReview;
    private final CvPreferences cvPreferences;
    private final CvDocuments cvDocuments;
    private final CvSnapshots cvSnapshots;
    private final CvPages cvPages;
    private final CollectionService collection;
    private final Tokens tokens;
    private final RepositoryDiscovery discovery;
    private final RepositoryRemoval removal;
    private final TokenCipher tokenCipher;
    private final WeeklyDigests weeklyDigests;
    private final DigestPreferences digestPreferences;

    private Features(DataSource dataSource, @Nullable HikariDataSource owned, CommitStatsProperties properties,
            CollectionSettings settings, CvSettings cv, ProvidersSettings providersSettings,
            TokensSettings tokensSettings, Clock clock, ApplicationEventPublisher events, boolean dispatchLocally,
            @Nullable RepositoryCredentials credentials) {
        this.ownedDataSource = owned;
        GitCaches.install();
        this.miningWorkers = MiningWorkers.pool(settings.effectiveWorkerThreads());
        this.accounts = new UserAccounts(dataSource, clock);
        this.accountSecurity = new AccountSecurity(dataSource, accounts, clock);
        this.apiKeys = new ApiKeys(dataSource, clock);
        this.repositories = new RepositoryRegistry(dataSource, clock);
        this.repositoryAnnotations = new RepositoryAnnotations(dataSource, repositories, clock);
        RepositoryMirrors mirrors = new RepositoryMirrors(properties.dataDir(), settings.mirrorTimeout(),
                providersSettings.outboundPolicy());
        this.sources = new RepositorySources(repositories, mirrors);
        this.statsQueries = new StatsQueries(dataSource, accounts, repositories, clock);
        this.outlierReview = new OutlierReview(dataSource, accounts, repositories, statsQueries);
        this.cvPreferences = new CvPreferences(dataSource, accounts, repositories);
        RepositoryProfiles profiles = new RepositoryProfiles(dataSource, accounts, repositories);
        this.cvDocuments = new CvDocuments(accounts, repositories, statsQueries, profiles, cvPreferences, clock);
        this.weeklyDigests = new WeeklyDigests(accounts, repositories, statsQueries, profiles, cvPreferences, clock);
        this.digestPreferences = new DigestPreferences(dataSource, accounts, clock);
        this.cvSnapshots = new CvSnapshots(dataSource, accounts, cvDocuments, clock, cv.snapshotMaxAge());
        this.cvPages = new CvPages(dataSource, accounts, repositories, cvSnapshots, clock);
        // without Spring, the modules' listeners are called here; in the server they are beans
        ApplicationEventPublisher publisher = !dispatchLocally ? events : event -> {
            if (event instanceof RepositoryCollected collected) {
                cvSnapshots.repositoryCollected(collected);
            } else if (event instanceof RepositoryRemoved removed) {
                cvSnapshots.repositoryRemoved(removed);
            }
            events.publishEvent(event);
        };
        OutboundPolicy outbound = providersSettings.outboundPolicy();
        Providers providers = Providers.standard(new ProviderHttp(outbound, clock,
                providersSettings.maxRateLimitWait()));
        this.tokenCipher = TokenCipher.open(tokensSettings.keyset(), properties.dataDir());
        this.tokens = new Tokens(dataSource, tokenCipher, providers, outbound, publisher, clock);
        CommitFactStore store = new CommitFactStore(dataSource, repositories);
        this.removal = new RepositoryRemoval(dataSource, repositories, store, mirrors, settings, publisher, clock);
        this.collection = CollectionService.create(dataSource, accounts, repositories, repositoryAnnotations, sources,
                mirrors, store, settings,
                credentials != null ? credentials : new TokenCredentials(tokens, providers), publisher, clock,
                miningWorkers);
        this.discovery = new RepositoryDiscovery(accounts, repositories, mirrors, tokens, providers);
    }

    /**
     * Opens the configured database (migrating it when needed) and assembles the features over it, for a command.
     * Every setting ({@code commitstats.*}, {@code commitstats.collection.*}, {@code commitstats.cv.*}) comes from the
     * environment and system properties, with {@code overrides} (the command's options) first.
     *
     * @param poolName names the connection pool in diagnostics, e.g. the command's name
     */
    public static Features open(Map<String, Object> overrides, String poolName, Clock clock,
            ApplicationEventPublisher events) {
        Binder binder = CommitStatsProperties.binder(overrides);
        CommitStatsProperties properties = binder.bindOrCreate("commitstats", CommitStatsProperties.class);
        CollectionSettings settings = binder.bindOrCreate("commitstats.collection", CollectionSettings.class);
        CvSettings cv = binder.bindOrCreate("commitstats.cv", CvSettings.class);
        ProvidersSettings providers = binder.bindOrCreate("commitstats.providers", ProvidersSettings.class);
        TokensSettings tokens = binder.bindOrCreate("commitstats", TokensSettings.class);
        HikariDataSource ds = Database.openAndMigrate(properties, poolName);
        try {
            return new Features(ds, ds, properties, settings, cv, providers, tokens, clock, events, true, null);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * The features over a data source the caller owns (the server's).
     *
     * @param credentials where collections find credentials; null for the owners' tokens (the product's way)
     */
    public static Features on(DataSource dataSource, CommitStatsProperties properties, CollectionSettings settings,
            CvSettings cv, ProvidersSettings providers, TokensSettings tokens, Clock clock,
            ApplicationEventPublisher events, @Nullable RepositoryCredentials credentials) {
        return new Features(dataSource, null, properties, settings, cv, providers, tokens, clock, events, false,
                credentials);
    }

    /** {@link #on} with the default provider settings and the data dir's keyset file, for tests. */
    public static Features on(DataSource dataSource, CommitStatsProperties properties, CollectionSettings settings,
            CvSettings cv, Clock clock, ApplicationEventPublisher events, RepositoryCredentials credentials) {
        return on(dataSource, properties, settings, cv, new ProvidersSettings(List.of(), Duration.ofSeconds(60)),
                TokensSettings.defaults(), clock, events, credentials);
    }

    public UserAccounts accounts() {
        return accounts;
    }

    public AccountSecurity accountSecurity() {
        return accountSecurity;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public RepositoryRegistry repositories() {
        return repositories;
    }

    /** What owners skip in their repositories (paths and commits). */
    public RepositoryAnnotations repositoryAnnotations() {
        return repositoryAnnotations;
    }

    public RepositorySources sources() {
        return sources;
    }

    public StatsQueries statsQueries() {
        return statsQueries;
    }

    public OutlierReview outlierReview() {
        return outlierReview;
    }

    public CvDocuments cvDocuments() {
        return cvDocuments;
    }

    public CvPreferences cvPreferences() {
        return cvPreferences;
    }

    public CvSnapshots cvSnapshots() {
        return cvSnapshots;
    }

    public CvPages cvPages() {
        return cvPages;
    }

    public CollectionService collection() {
        return collection;
    }

    public Tokens tokens() {
        return tokens;
    }

    public RepositoryDiscovery discovery() {
        return discovery;
    }

    public RepositoryRemoval removal() {
        return removal;
    }

    /** The weekly digest of a user's week. */
    public WeeklyDigests weeklyDigests() {
        return weeklyDigests;
    }

    /** Who gets the weekly digest by e-mail. */
    public DigestPreferences digestPreferences() {
        return digestPreferences;
    }

    /** The instance's cipher, for other secrets kept at rest (webhook secrets). */
    public TokenCipher tokenCipher() {
        return tokenCipher;
    }

    @Override
    public void close() {
        collection.close();
        removal.close();
        miningWorkers.shutdownNow();
        if (ownedDataSource != null) {
            ownedDataSource.close();
        }
    }
}
