package dev.commitstats.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

class RepositoryRegistryTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @DatabaseTest
    void createsAndFindsUsersByLogin(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        User ada = registry.createUser("ada", "Ada Lovelace", ZoneId.of("Europe/London"));
        assertThat(registry.findUser("ada")).contains(ada);
        assertThat(registry.findOrCreateUser("ada", "ignored")).isEqualTo(ada);
        User bob = registry.findOrCreateUser("bob", null);
        assertThat(bob.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(bob.id()).isNotEqualTo(ada.id());
        assertThat(registry.findUser("nobody")).isEmpty();
        assertThatThrownBy(() -> registry.createUser("ada", null, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @DatabaseTest
    void identitiesAreLowerCasedAndUniquePerUser(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = registry.createUser("ada", null, ZoneOffset.UTC).id();
        long bob = registry.createUser("bob", null, ZoneOffset.UTC).id();
        registry.addIdentity(ada, "Ada@Example.COM");
        registry.addIdentity(ada, " ada@example.com ");
        registry.addIdentity(ada, "ada@work.example");
        registry.addIdentity(bob, "ada@example.com");
        assertThat(registry.identities(ada)).containsExactly("ada@example.com", "ada@work.example");
        assertThat(registry.identities(bob)).containsExactly("ada@example.com");
    }

    @DatabaseTest
    void registersRepositoriesAndTracksStatusAndCursor(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = registry.createUser("ada", null, ZoneOffset.UTC).id();
        long id = registry.registerRepository(ada,
                new NewRepository("https://git.example/ada/x.git", Provider.GIT, "x", "ada", true, false));
        long local = registry.registerRepository(ada, NewRepository.of("/srv/git/y", Provider.LOCAL, "y"));

        Repository x = registry.repository(id).orElseThrow();
        assertThat(x.status()).isEqualTo(RepositoryStatus.PENDING);
        assertThat(x.cursor()).isEqualTo(RepositoryCursor.none());
        assertThat(x.provider()).isEqualTo(Provider.GIT);
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
        long ada = registry.createUser("ada", null, ZoneOffset.UTC).id();
        registry.registerRepository(ada, NewRepository.of("/srv/git/y", Provider.LOCAL, "y"));
        assertThatThrownBy(() -> registry.registerRepository(ada, NewRepository.of("/srv/git/y", Provider.LOCAL, "y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @DatabaseTest
    void publishesACv(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = registry.createUser("ada", null, ZoneOffset.UTC).id();
        registry.setPublished(ada, true);
        assertThat(registry.user(ada).orElseThrow().published()).isTrue();
        registry.setPublished(ada, false);
        assertThat(registry.user(ada).orElseThrow().published()).isFalse();
    }

    @DatabaseTest
    void unknownRepositoriesAreReported(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        assertThatThrownBy(() -> registry.setStatus(999, RepositoryStatus.COLLECTING, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.cursor(999)).isInstanceOf(IllegalArgumentException.class);
    }
}
