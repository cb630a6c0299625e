package dev.commitstats.collection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.commitstats.CommitStatsApplication;
import dev.commitstats.testing.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server (Spring context, JobRunr's job server on the test database, a free port), as {@code serve} starts
 * it, with the settings a background-collection test needs. Several may share one database, each with its own data
 * dir (mirrors are per instance). Closing it stops the server and its workers.
 */
record JobsServer(ConfigurableApplicationContext context, String base) implements AutoCloseable {

    /**
     * @param dataDir the instance's data dir (mirrors) on PostgreSQL; on SQLite the database's own (the file is there)
     */
    static JobsServer start(TestDatabase db, Path dataDir, String allowedHosts, String... extra) {
        return start(db, dataDir, allowedHosts, List.of(), extra);
    }

    /** The same, with beans a test adds before the context refreshes (e.g. an in-memory span exporter). */
    static JobsServer start(TestDatabase db, Path dataDir, String allowedHosts,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers, String... extra) {
        if (db.vendor() == dev.commitstats.config.Database.Vendor.SQLITE) {
            dataDir = db.dataDir();
        }
        List<String> args = new ArrayList<>(List.of("--commitstats.port=0", "--commitstats.data-dir=" + dataDir,
                "--commitstats.providers.allowed-hosts=" + allowedHosts, "--commitstats.collection.interval=0",
                "--commitstats.collection.worker-threads=2", "--commitstats.jobs.poll-interval-seconds=5"));
        if (!db.properties().databaseUrl().isBlank()) {
            args.add("--commitstats.database-url=" + db.properties().databaseUrl());
        }
        args.addAll(List.of(extra));
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CommitStatsApplication.class)
                .bannerMode(Banner.Mode.OFF).initializers(initializers.toArray(ApplicationContextInitializer[]::new))
                .run(args.toArray(String[]::new));
        return new JobsServer(ctx, "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
