package dev.commitstats.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.commitstats.config.CommitStatsProperties;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --database-url}, shared by the commands that use the database. */
final class StorageOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the embedded database and repository mirrors (default: ./commitstats-data, env COMMITSTATS_DATA_DIR).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL database instead of the embedded SQLite file (env COMMITSTATS_DATABASE_URL).")
    String databaseUrl;

    /** Options given on the command line, as property overrides; absent options leave env and defaults in force. */
    Map<String, Object> overrides() {
        Map<String, Object> map = new HashMap<>();
        if (dataDir != null) {
            map.put("commitstats.data-dir", dataDir.toString());
        }
        if (databaseUrl != null) {
            map.put("commitstats.database-url", databaseUrl);
        }
        return map;
    }

    CommitStatsProperties resolve() {
        return CommitStatsProperties.resolve(overrides());
    }
}
