package dev.commitstats.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the database that {@link CommitStatsProperties} points to and brings its schema up to date with Flyway. Used
 * by the server and by the command line alike, so both see the same schema and the same connection settings.
 *
 * <p>Migrations live in {@code db/migration/common} (portable SQL) and {@code db/migration/<vendor>} (the few
 * statements whose dialects differ).
 */
public final class Database {

    /** The database products Commit Stats runs on. */
    public enum Vendor {
        SQLITE, POSTGRESQL;

        public String folder() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Vendor of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                return SQLITE;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new DatabaseException("unsupported database URL " + redact(jdbcUrl)
                    + ": use jdbc:postgresql://host:port/db, or leave it empty for the embedded SQLite file");
        }
    }

    private Database() {
    }

    /** A pooled data source for the configured database; the caller closes it. */
    public static HikariDataSource open(CommitStatsProperties properties, String poolName) {
        String url = properties.effectiveDatabaseUrl();
        Vendor vendor = Vendor.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(properties.databasePoolSize());
        config.setMinimumIdle(1);
        // fail at once when the database cannot be reached, instead of waiting for a pooled connection
        config.setInitializationFailTimeout(1);
        if (vendor == Vendor.SQLITE) {
            DataDirectory.open(properties.dataDir());
            // WAL lets readers work while one writer commits; IMMEDIATE transactions queue writers on the busy
            // timeout instead of failing with SQLITE_BUSY when two of them upgrade a read lock at the same time.
            config.setDriverClassName("org.sqlite.JDBC");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", String.valueOf(properties.sqliteBusyTimeoutMs()));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("date_class", "TEXT");
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            if (!properties.databaseUsername().isBlank()) {
                config.setUsername(properties.databaseUsername());
            }
            if (!properties.databasePassword().isBlank()) {
                config.setPassword(properties.databasePassword());
            }
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DatabaseException("cannot connect to the database " + redact(url) + ": " + cause.getMessage(), e);
        }
    }

    /**
     * The newest migration in {@code db/migration}; {@code DatabaseTests} fails when a migration is added without
     * raising it.
     */
    static final String SCHEMA_VERSION = "16";

    /** Applies the pending migrations. */
    public static void migrate(DataSource dataSource, Vendor vendor) {
        if (isCurrent(dataSource)) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder())
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("cannot migrate the database schema: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the schema history already holds this build's newest migration and no failed one. Flyway would find
     * nothing to do, but loading and configuring it costs about half a second of CPU on every command, most of a
     * collection that finds nothing new. A database without a history (a new one) or with a failed migration goes
     * through Flyway, which also reports the failure.
     */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            boolean current = false;
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return false;
                }
                current |= SCHEMA_VERSION.equals(rs.getString("version"));
            }
            return current;
        } catch (SQLException e) {
            return false; // no history table yet
        }
    }

    /** Opens and migrates in one step. */
    public static HikariDataSource openAndMigrate(CommitStatsProperties properties, String poolName) {
        HikariDataSource ds = open(properties, poolName);
        try {
            migrate(ds, Vendor.of(properties.effectiveDatabaseUrl()));
            return ds;
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** A URL without its password, for messages and logs. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The database cannot be reached or migrated; the message is meant for the user. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(String message) {
            super(message);
        }

        public DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
