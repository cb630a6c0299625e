package dev.commitstats.cli;

import java.util.HashMap;
import java.util.Map;

import dev.commitstats.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/** The real server, in-process on a free port, over a test database; closing it stops the server. */
record TestServer(ConfigurableApplicationContext context, String base) implements AutoCloseable {

    /** {@code serve} on the test database, as its command-line options would start it. */
    static TestServer start(TestDatabase db) {
        return start(db, Map.of());
    }

    /** {@link #start(TestDatabase)} with more properties, such as a feature's settings. */
    static TestServer start(TestDatabase db, Map<String, Object> more) {
        Map<String, Object> overrides = new HashMap<>(more);
        overrides.put("commitstats.port", 0);
        if (!db.properties().databaseUrl().isBlank()) {
            overrides.put("commitstats.database-url", db.properties().databaseUrl());
        }
        overrides.put("commitstats.data-dir", db.dataDir().toString());
        ConfigurableApplicationContext ctx = ServeCommand.start(overrides, db.properties());
        return new TestServer(ctx, "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
