package dev.commitstats.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The server's data source: the same {@link Database} the command line uses, migrated before anything reads it. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Eager even with lazy initialization: a wrong URL or a failed migration must stop the start, not the first page. */
    @Bean(destroyMethod = "close")
    @Lazy(false)
    HikariDataSource dataSource(CommitStatsProperties properties) {
        return Database.openAndMigrate(properties, "commitstats");
    }
}
