package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.commitstats.CommitStatsApplication;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.DataDirectory;
import dev.commitstats.config.Database;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats serve}: the web server, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Commit Stats server (web pages, JSON API) on the embedded SQLite database or PostgreSQL.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 8080, env COMMITSTATS_PORT; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> overrides = new HashMap<>(storage.overrides());
        if (port != null) {
            overrides.put("commitstats.port", port);
        }
        CommitStatsProperties properties = CommitStatsProperties.resolve(overrides);
        try {
            Database.Vendor.of(properties.effectiveDatabaseUrl()); // a URL we cannot use stops here, before Spring
        } catch (Database.DatabaseException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        DataDirectory dataDir = DataDirectory.open(properties.dataDir());
        try (DataDirectory.ServerLock lock = dataDir.lockForServer()) {
            ConfigurableApplicationContext context;
            try {
                context = start(overrides, properties);
            } catch (RuntimeException e) {
                throw startFailure(e, properties);
            }
            String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/";
            out.println("Commit Stats is running at " + url);
            out.println("  data: " + dataDir.path() + ", database: " + Database.redact(properties.effectiveDatabaseUrl()));
            out.println("  stop it with Ctrl-C");
            out.flush();
            awaitClose(context, out);
            return 0;
        }
    }

    /** The reason a start failed, in one line when it is one the user can act on. */
    private static RuntimeException startFailure(RuntimeException e, CommitStatsProperties properties) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Database.DatabaseException || t instanceof DataDirectory.DataDirectoryException) {
                return new UserFacingException(t.getMessage(), e);
            }
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return new UserFacingException("port " + properties.port() + " is already in use: stop what uses it, "
                        + "or choose another with --port", e);
            }
        }
        return e;
    }

    /** Starts the server with the command-line options as the highest-priority properties. */
    static ConfigurableApplicationContext start(Map<String, Object> overrides, CommitStatsProperties properties) {
        Map<String, Object> props = new HashMap<>(overrides);
        props.put("commitstats.data-dir", properties.dataDir().toString());
        // passed as command-line arguments: Spring ranks those above environment variables, as users expect
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(CommitStatsApplication.class)
                .main(CommitStatsApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run(args);
    }

    /**
     * Waits until the server is closed, then says so. On Ctrl-C or SIGTERM the context is closed by Spring's shutdown
     * hook and the JVM ends when the hook returns, possibly before this thread runs again: the message is therefore
     * printed by a shutdown handler (run after the contexts are closed), or here when something else closed it.
     */
    private static void awaitClose(ConfigurableApplicationContext context, PrintWriter out) {
        Object lock = new Object();
        boolean[] announced = {false};
        Runnable announce = () -> {
            synchronized (lock) {
                if (!announced[0]) {
                    announced[0] = true;
                    out.println("Commit Stats stopped.");
                    out.flush();
                }
            }
        };
        SpringApplication.getShutdownHandlers().add(announce);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            if (context.isActive()) {
                closed.await();
            }
            while (context.isActive()) { // the event comes first thing in close(); wait for the rest
                Thread.sleep(20);
            }
            announce.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        } finally {
            try {
                SpringApplication.getShutdownHandlers().remove(announce);
            } catch (IllegalStateException shutdownInProgress) {
                // the JVM is stopping: the handler has run or is about to, and goes with the JVM
            }
        }
    }
}
