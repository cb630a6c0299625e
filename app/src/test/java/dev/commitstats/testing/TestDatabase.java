package dev.commitstats.testing;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One migrated database for one test: SQLite in a temporary folder, or a private PostgreSQL schema.
 *
 * @param vendor     which database this is
 * @param properties the {@code commitstats.*} settings that reach it (data dir, URL, credentials), for code under test
 *                   that opens its own connections (the command line)
 * @param dataSource an open pool; closed by the extension
 */
public record TestDatabase(Database.Vendor vendor, CommitStatsProperties properties, HikariDataSource dataSource) {

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public Path dataDir() {
        return properties.dataDir();
    }

    /** Command-line options that point a command at this database. */
    public String[] cliOptions() {
        return vendor == Database.Vendor.SQLITE
                ? new String[] {"--data-dir", dataDir().toString()}
                : new String[] {"--data-dir", dataDir().toString(), "--database-url", properties.databaseUrl()};
    }

    @Override
    public String toString() {
        return vendor.folder();
    }
}
