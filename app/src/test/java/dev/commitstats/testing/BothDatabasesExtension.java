package dev.commitstats.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.Database;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

/** Runs each {@link DatabaseTest} on SQLite and on PostgreSQL. */
final class BothDatabasesExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(DatabaseTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Database.Vendor.SQLITE, Database.Vendor.POSTGRESQL).map(Invocation::new);
    }

    private record Invocation(Database.Vendor vendor) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + vendor.folder() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Lifecycle(vendor));
        }
    }

    /** Creates the database before the test and removes it after. */
    private static final class Lifecycle implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
        private final Database.Vendor vendor;
        private TestDatabase database;
        private Path dataDir;
        private String schema;

        Lifecycle(Database.Vendor vendor) {
            this.vendor = vendor;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            dataDir = Files.createTempDirectory("commitstats-test-");
            Map<String, Object> props = new HashMap<>();
            props.put("commitstats.data-dir", dataDir.resolve("data").toString());
            if (vendor == Database.Vendor.POSTGRESQL) {
                String reason = TestPostgres.unavailableReason();
                if (reason != null) {
                    if (TestPostgres.REQUIRED) {
                        throw new IllegalStateException(reason + " and COMMITSTATS_REQUIRE_POSTGRES=true");
                    }
                    throw new TestAbortedException("skipped: " + reason);
                }
                schema = TestPostgres.createSchema();
                props.put("commitstats.database-url", TestPostgres.urlFor(schema));
                props.put("commitstats.database-username", TestPostgres.USER);
                props.put("commitstats.database-password", TestPostgres.PASSWORD);
            }
            props.put("commitstats.database-pool-size", 4);
            CommitStatsProperties properties = CommitStatsProperties.resolve(props);
            HikariDataSource ds = Database.openAndMigrate(properties, "test-" + vendor.folder());
            database = new TestDatabase(vendor, properties, ds);
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            if (database != null) {
                database.dataSource().close();
            }
            if (schema != null) {
                TestPostgres.dropSchema(schema);
            }
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
            return pc.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
            return database;
        }
    }
}
