package dev.commitstats.assembly;

import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.collection.CollectionService;
import dev.commitstats.collection.CollectionSettings;
import dev.commitstats.collection.RepositoryCredentials;
import dev.commitstats.collection.RepositoryDiscovery;
import dev.commitstats.collection.RepositoryRemoval;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.cv.CvDocuments;
import dev.commitstats.cv.CvPages;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.cv.CvSettings;
import dev.commitstats.cv.CvSnapshots;
import dev.commitstats.digest.DigestPreferences;
import dev.commitstats.digest.WeeklyDigests;
import dev.commitstats.providers.ProvidersSettings;
import dev.commitstats.repos.RepositoryAnnotations;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositorySources;
import dev.commitstats.stats.OutlierReview;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.tokens.TokenCipher;
import dev.commitstats.tokens.Tokens;
import dev.commitstats.tokens.TokensSettings;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's features: the same {@link Features} assembly the commands use, each service exposed as a bean. */
@Configuration(proxyBeanMethods = false)
class FeaturesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Features features(DataSource dataSource, CommitStatsProperties properties, CollectionSettings settings,
            CvSettings cv, ProvidersSettings providers, TokensSettings tokens, Clock clock,
            ApplicationEventPublisher events, ObjectProvider<RepositoryCredentials> credentials) {
        if (!properties.embeddedDatabase() && tokens.keyset().isBlank()) {
            // instances sharing a database must share the keyset, or each reads only the tokens it encrypted
            LoggerFactory.getLogger(FeaturesConfiguration.class).warn("tokens are encrypted with the keyset file in "
                    + "{}: every instance that shares this database needs the same keyset; set COMMITSTATS_KEYSET",
                    properties.dataDir());
        }
        return Features.on(dataSource, properties, settings, cv, providers, tokens, clock, events,
                credentials.getIfAvailable());
    }

    @Bean
    RepositoryDiscovery repositoryDiscovery(Features features) {
        return features.discovery();
    }

    @Bean
    UserAccounts userAccounts(Features features) {
        return features.accounts();
    }

    @Bean
    AccountSecurity accountSecurity(Features features) {
        return features.accountSecurity();
    }

    @Bean
    ApiKeys apiKeys(Features features) {
        return features.apiKeys();
    }

    @Bean
    RepositoryRegistry repositoryRegistry(Features features) {
        return features.repositories();
    }

    @Bean
    RepositoryAnnotations repositoryAnnotations(Features features) {
        return features.repositoryAnnotations();
    }

    @Bean
    RepositorySources repositorySources(Features features) {
        return features.sources();
    }

    @Bean
    StatsQueries statsQueries(Features features) {
        return features.statsQueries();
    }

    @Bean
    OutlierReview outlierReview(Features features) {
        return features.outlierReview();
    }

    @Bean
    CvDocuments cvDocuments(Features features) {
        return features.cvDocuments();
    }

    @Bean
    CvPreferences cvPreferences(Features features) {
        return features.cvPreferences();
    }

    @Bean
    CvSnapshots cvSnapshots(Features features) {
        return features.cvSnapshots();
    }

    @Bean
    CvPages cvPages(Features features) {
        return features.cvPages();
    }

    @Bean
    CollectionService collectionService(Features features) {
        return features.collection();
    }

    @Bean
    RepositoryRemoval repositoryRemoval(Features features) {
        return features.removal();
    }

    @Bean
    Tokens tokens(Features features) {
        return features.tokens();
    }

    @Bean
    TokenCipher tokenCipher(Features features) {
        return features.tokenCipher();
    }

    @Bean
    WeeklyDigests weeklyDigests(Features features) {
        return features.weeklyDigests();
    }

    @Bean
    DigestPreferences digestPreferences(Features features) {
        return features.digestPreferences();
    }
}
