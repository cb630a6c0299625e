package dev.commitstats.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's data source: the same {@link Database} the command line uses, migrated before anything reads it. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(CommitStatsProperties properties) {
        return Database.openAndMigrate(properties, "commitstats");
    }
}
