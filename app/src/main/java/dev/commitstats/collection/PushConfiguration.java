package dev.commitstats.collection;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.stats.CommitFactStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's side of {@code commitstats push}: {@link PushedFacts} over the server's database. */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    @Bean(destroyMethod = "close")
    PushedFacts pushedFacts(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry,
            CollectionService collection, ApplicationEventPublisher events, Clock clock, CollectionSettings settings,
            PushSettings push) {
        return new PushedFacts(dataSource, accounts, registry, new CommitFactStore(dataSource, registry),
                collection.runs(), events, clock, settings, push);
    }
}
