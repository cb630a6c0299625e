package dev.commitstats.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Every {@code commitstats.*} setting with its default, in one place. Each is also an environment variable
 * ({@code commitstats.database-url} is {@code COMMITSTATS_DATABASE_URL}); the README lists them.
 *
 * @param dataDir          folder for the SQLite database, bare mirrors of collected repositories and lock files
 * @param port             HTTP port of {@code commitstats serve}
 * @param databaseUrl      JDBC URL; empty means the embedded SQLite file {@code <dataDir>/commitstats.db}
 * @param databaseUsername user for a server database such as PostgreSQL
 * @param databasePassword password for a server database such as PostgreSQL
 * @param databasePoolSize maximum connections per instance
 * @param sqliteBusyTimeoutMs how long a SQLite connection waits for another writer before failing
 */
@ConfigurationProperties("commitstats")
public record CommitStatsProperties(
        @DefaultValue("./commitstats-data") Path dataDir,
        @DefaultValue("8080") int port,
        @DefaultValue("") String databaseUrl,
        @DefaultValue("") String databaseUsername,
        @DefaultValue("") String databasePassword,
        @DefaultValue("10") int databasePoolSize,
        @DefaultValue("15000") int sqliteBusyTimeoutMs) {

    public CommitStatsProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("commitstats.port must be between 0 and 65535, not " + port);
        }
        if (databasePoolSize < 1) {
            throw new IllegalArgumentException("commitstats.database-pool-size must be at least 1");
        }
    }

    /** True when the embedded SQLite database in the data directory is used. */
    public boolean embeddedDatabase() {
        return databaseUrl.isBlank();
    }

    /** The JDBC URL in effect: the configured one, or the SQLite file inside the data directory. */
    public String effectiveDatabaseUrl() {
        return embeddedDatabase() ? "jdbc:sqlite:" + dataDir.resolve("commitstats.db") : databaseUrl;
    }

    /**
     * Binds the properties outside a Spring context (for the command line), from the environment variables and
     * system properties, with {@code overrides} (command-line options, keys like {@code commitstats.data-dir}) first.
     */
    public static CommitStatsProperties resolve(Map<String, Object> overrides) {
        return bind("commitstats", CommitStatsProperties.class, overrides);
    }

    /**
     * Binds a feature's typed properties record (such as {@code commitstats.collection}) outside a Spring context, the
     * same way: environment variables and system properties, with {@code overrides} first.
     */
    public static <T> T bind(String prefix, Class<T> type, Map<String, Object> overrides) {
        return binder(overrides).bindOrCreate(prefix, type);
    }

    /** A binder over the environment with {@code overrides} first, for binding several records at once. */
    public static Binder binder(Map<String, Object> overrides) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("command-line-options", overrides));
        return Binder.get(env);
    }
}
