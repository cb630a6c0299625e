package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.UUID;

import dev.commitstats.config.Database;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;

/**
 * JobRunr keeps its tables in the product's own schema: a PostgreSQL database whose other schema already holds
 * JobRunr tables (another application, or another instance of ours) does not confuse it.
 */
class JobStorageServerTests {

    @DatabaseTest
    void theJobTablesOfAnotherSchemaAreNotTakenForOurs(TestDatabase db) {
        assumeTrue(db.vendor() == Database.Vendor.POSTGRESQL, "schemas are PostgreSQL's");
        String other = "other_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        db.jdbc().sql("CREATE SCHEMA " + other).update();
        try {
            db.jdbc().sql("CREATE TABLE " + other + ".jobrunr_migrations (id TEXT, script TEXT, installedOn TEXT)")
                    .update();
            String ours = db.jdbc().sql("SELECT current_schema()").query(String.class).single();
            try (TestServer server = TestServer.start(db)) {
                StorageProvider storage = server.context().getBean(StorageProvider.class);
                assertThat(storage.countJobs(StateName.FAILED)).isZero();
                assertThat(db.jdbc().sql("""
                                SELECT COUNT(*) FROM information_schema.tables
                                WHERE table_schema = :s AND table_name = 'jobrunr_jobs'""")
                        .param("s", ours).query(Long.class).single()).as("JobRunr's tables in our schema").isOne();
            }
        } finally {
            db.jdbc().sql("DROP SCHEMA " + other + " CASCADE").update();
        }
    }
}
