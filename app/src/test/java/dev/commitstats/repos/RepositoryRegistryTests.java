package dev.commitstats.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

class RepositoryRegistryTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @DatabaseTest
    void registersRepositoriesAndTracksStatusAndCursor(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        long id = registry.registerRepository(ada,
                new NewRepository("https://git.example/ada/x.git", SourceKind.GIT, "x", "ada", true, false));
        long local = registry.registerRepository(ada, NewRepository.of("/srv/git/y", SourceKind.LOCAL, "y"));

        Repository x = registry.repository(id).orElseThrow();
        assertThat(x.status()).isEqualTo(RepositoryStatus.PENDING);
        assertThat(x.cursor()).isEqualTo(RepositoryCursor.none());
        assertThat(x.kind()).isEqualTo(SourceKind.GIT);
        assertThat(x.ownerGroup()).isEqualTo("ada");
        assertThat(registry.repositories(ada)).extracting(Repository::id).containsExactly(id, local);

        registry.setStatus(id, RepositoryStatus.ERROR, "authentication failed");
        assertThat(registry.repository(id).orElseThrow().errorMessage()).isEqualTo("authentication failed");

        RepositoryCursor cursor = new RepositoryCursor("abc", Instant.parse("2025-12-31T00:00:00Z"), true,
                RepositoryStatus.UP_TO_DATE);
        registry.saveCursor(id, cursor);
        Repository after = registry.repository(id).orElseThrow();
        assertThat(after.cursor()).isEqualTo(cursor);
        assertThat(after.errorMessage()).as("a successful run clears the error").isNull();
        assertThat(db.jdbc().sql("SELECT last_update FROM repositories WHERE id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(CLOCK.instant().getEpochSecond());

        registry.setActive(local, false);
        assertThat(registry.activeRepositoryIds(ada)).containsExactly(id);
    }

    @DatabaseTest
    void aCloneUrlIsRegisteredOncePerUser(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        registry.registerRepository(ada, NewRepository.of("/srv/git/y", SourceKind.LOCAL, "y"));
        assertThatThrownBy(() -> registry.registerRepository(ada, NewRepository.of("/srv/git/y", SourceKind.LOCAL, "y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @DatabaseTest
    void unknownRepositoriesAreReported(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        assertThatThrownBy(() -> registry.setStatus(999, RepositoryStatus.COLLECTING, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.cursor(999)).isInstanceOf(IllegalArgumentException.class);
    }
}
