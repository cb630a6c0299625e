package dev.commitstats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import dev.commitstats.testing.DatabaseTest;
import org.flywaydb.core.Flyway;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTests {

    @DatabaseTest
    void migrationsCreateTheAccountTables(TestDatabase db) {
        long id = db.jdbc().sql("INSERT INTO users (login, created_at) VALUES (:login, :t) RETURNING id")
                .param("login", "ada").param("t", 1_700_000_000L).query(Long.class).single();
        db.jdbc().sql("INSERT INTO identities (user_id, email) VALUES (:u, :e)").param("u", id).param("e", "ada@example.com").update();
        assertThat(db.jdbc().sql("SELECT u.login FROM users u JOIN identities i ON i.user_id = u.id WHERE i.email = 'ada@example.com'")
                .query(String.class).single()).isEqualTo("ada");
        assertThat(db.jdbc().sql("SELECT published FROM users WHERE id = :id").param("id", id).query(Boolean.class).single()).isFalse();
    }

    @DatabaseTest
    void migratingTwiceIsANoOp(TestDatabase db) {
        Database.migrate(db.dataSource(), db.vendor());
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
    }

    @DatabaseTest
    void schemaVersionIsTheNewestBundledMigration(TestDatabase db) {
        // Flyway itself, bypassing the fast path: what it resolves from the classpath is what the constant must name
        var info = Flyway.configure().dataSource(db.dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + db.vendor().folder())
                .load().info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.current().getVersion().getVersion()).isEqualTo(Database.SCHEMA_VERSION);
        assertThat(Database.isCurrent(db.dataSource())).isTrue();
    }

    @DatabaseTest
    void aFailedMigrationIsNotCurrentSoFlywayReportsIt(TestDatabase db) {
        db.jdbc().sql("UPDATE flyway_schema_history SET success = :f WHERE version = :v")
                .param("f", false).param("v", Database.SCHEMA_VERSION).update();
        assertThat(Database.isCurrent(db.dataSource())).isFalse();
        assertThatThrownBy(() -> Database.migrate(db.dataSource(), db.vendor()))
                .isInstanceOf(Database.DatabaseException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void aNewDatabaseIsNotCurrent(@TempDir Path dir) {
        CommitStatsProperties p = CommitStatsProperties.resolve(Map.of("commitstats.data-dir", dir.toString()));
        try (var ds = Database.open(p, "t")) {
            assertThat(Database.isCurrent(ds)).isFalse();
            Database.migrate(ds, Database.Vendor.SQLITE);
            assertThat(Database.isCurrent(ds)).isTrue();
        }
    }

    @DatabaseTest
    void repositoryStatusIsConstrained(TestDatabase db) {
        long user = db.jdbc().sql("INSERT INTO users (login, created_at) VALUES ('bob', 0) RETURNING id").query(Long.class).single();
        assertThatThrownBy(() -> db.jdbc().sql("""
                INSERT INTO repositories (user_id, clone_url, provider, name, status) VALUES (:u, 'x', 'local', 'x', 'bogus')""")
                .param("u", user).update()).hasMessageMatching("(?is).*check constraint.*");
    }

    @DatabaseTest
    void sqliteRunsInWalModeWithABusyTimeout(TestDatabase db) {
        if (db.vendor() != Database.Vendor.SQLITE) {
            return;
        }
        assertThat(db.jdbc().sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
        assertThat(db.jdbc().sql("PRAGMA busy_timeout").query(Integer.class).single()).isEqualTo(15000);
        assertThat(db.jdbc().sql("PRAGMA foreign_keys").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unsupportedUrlsAreRejectedWithoutLeakingPasswords(@TempDir Path dir) {
        CommitStatsProperties p = CommitStatsProperties.resolve(Map.of(
                "commitstats.data-dir", dir.toString(), "commitstats.database-url", "jdbc:mysql://db/x?password=hunter2"));
        assertThatThrownBy(() -> Database.open(p, "t"))
                .isInstanceOf(Database.DatabaseException.class)
                .hasMessageContaining("unsupported database URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unreachablePostgresGivesAReadableError(@TempDir Path dir) {
        CommitStatsProperties p = CommitStatsProperties.resolve(Map.of(
                "commitstats.data-dir", dir.toString(), "commitstats.database-url", "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2"));
        assertThatThrownBy(() -> Database.open(p, "t"))
                .isInstanceOf(Database.DatabaseException.class)
                .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/nothing");
    }
}
