package dev.commitstats.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.commitstats.assembly.Features;
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

    /**
     * The features over the database these options point to, for one command; nothing in a command's process listens
     * to application events (the server's listeners react to what it collects itself).
     */
    Features open(String command) {
        return open(command, Map.of());
    }

    /** {@link #open(String)} with more property overrides, such as a command's own options. */
    Features open(String command, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(overrides());
        all.putAll(more);
        return Features.open(all, command, Clock.systemUTC(), event -> { });
    }
}
