package dev.commitstats.repos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** What discovery writes: new repositories and their defaults, updates, owner groups, and when a fetch is needed. */
class DiscoveredRepositoriesTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static HostedRepository hosted(String owner, String name, boolean fork, boolean archived, Instant push) {
        return new HostedRepository("https://github.com/" + owner + "/" + name + ".git", name, owner, "private",
                new Repository.HostDetails("organisation", fork, archived, false, "main", 3,
                        "https://github.com/" + owner + "/" + name, push),
                !fork && !archived);
    }

    private static long token(TestDatabase db, long userId) {
        return db.jdbc().sql("""
                        INSERT INTO tokens (user_id, name, provider, base_url, secret, status, status_message,
                            created_at, updated_at)
                        VALUES (:u, 'work', 'github', 'https://github.com', 'x', 'valid', 'ok', 0, 0) RETURNING id""")
                .param("u", userId).query(Long.class).single();
    }

    @DatabaseTest
    void newRepositoriesStartActiveUnlessForksOrArchived(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        long token = token(db, ada);

        var own = registry.upsertDiscovered(ada, token, hosted("acme", "api", false, false, NOW));
        var fork = registry.upsertDiscovered(ada, token, hosted("acme", "fork", true, false, NOW));
        var old = registry.upsertDiscovered(ada, token, hosted("acme", "old", false, true, NOW));

        assertThat(own.created()).isTrue();
        assertThat(own.active()).isTrue();
        assertThat(fork.active()).isFalse();
        assertThat(old.active()).isFalse();
        Repository api = registry.repository(own.repositoryId()).orElseThrow();
        assertThat(api.tokenId()).isEqualTo(token);
        assertThat(api.ownerGroup()).isEqualTo("acme");
        assertThat(api.host().defaultBranch()).isEqualTo("main");
        assertThat(api.host().stars()).isEqualTo(3);
        assertThat(api.host().lastPushAt()).isEqualTo(NOW);
        assertThat(api.kind()).isEqualTo(SourceKind.GIT);
        assertThat(api.extra()).isFalse();
    }

    @DatabaseTest
    void discoveringAgainUpdatesTheHostsFactsAndKeepsTheOwnersChoice(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        long token = token(db, ada);
        long id = registry.upsertDiscovered(ada, token, hosted("acme", "api", false, false, NOW)).repositoryId();
        registry.setActive(id, false);

        Instant later = NOW.plusSeconds(3600);
        var again = registry.upsertDiscovered(ada, token, new HostedRepository("https://github.com/acme/api.git",
                "api", "acme", "public", new Repository.HostDetails("organisation", false, true, false, "trunk", 9,
                        null, later), false));

        assertThat(again.created()).isFalse();
        assertThat(again.repositoryId()).isEqualTo(id);
        Repository r = registry.repository(id).orElseThrow();
        assertThat(r.active()).as("the owner switched it off").isFalse();
        assertThat(r.visibility()).isEqualTo("public");
        assertThat(r.host().archived()).isTrue();
        assertThat(r.host().defaultBranch()).isEqualTo("trunk");
        assertThat(r.host().lastPushAt()).isEqualTo(later);
    }

    @DatabaseTest
    void aRepositoryAddedByUrlGetsTheTokenItIsDiscoveredThrough(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        long byHand = registry.registerRepository(ada,
                NewRepository.of("https://github.com/acme/api.git", SourceKind.GIT, "api"));
        long token = token(db, ada);

        var u = registry.upsertDiscovered(ada, token, hosted("acme", "api", false, false, NOW));

        assertThat(u.repositoryId()).isEqualTo(byHand);
        assertThat(registry.repository(byHand).orElseThrow().tokenId()).isEqualTo(token);
    }

    @DatabaseTest
    void anOwnerGroupSwitchedOffKeepsItsRepositoriesOffIncludingLaterOnes(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        long token = token(db, ada);
        long api = registry.upsertDiscovered(ada, token, hosted("acme", "api", false, false, NOW)).repositoryId();
        registry.upsertDiscovered(ada, token, hosted("ada", "dotfiles", false, false, NOW));

        assertThat(registry.setOwnerGroupActive(ada, "acme", false)).isEqualTo(1);
        var later = registry.upsertDiscovered(ada, token, hosted("acme", "web", false, false, NOW));

        assertThat(registry.repository(api).orElseThrow().active()).isFalse();
        assertThat(later.active()).as("discovered after the group was switched off").isFalse();
        assertThat(registry.ownerGroups(ada)).containsExactly(
                new RepositoryRegistry.OwnerGroup("acme", 2, 0, true),
                new RepositoryRegistry.OwnerGroup("ada", 1, 1, false));

        registry.setOwnerGroupActive(ada, "acme", true);
        assertThat(registry.ownerGroups(ada).get(0)).isEqualTo(new RepositoryRegistry.OwnerGroup("acme", 2, 2, false));
    }

    @DatabaseTest
    void aFetchIsSkippedOnlyWhenTheHostWasAskedAfterTheLastCollectionAndReportedNoPush(TestDatabase db) {
        long ada = new UserAccounts(db.dataSource(), CLOCK).create("ada", null, ZoneOffset.UTC).id();
        long token = token(db, ada);
        RepositoryRegistry discoveredAt10 = new RepositoryRegistry(db.dataSource(), CLOCK);
        Instant push = NOW.minusSeconds(86_400);
        long id = discoveredAt10.upsertDiscovered(ada, token, hosted("acme", "api", false, false, push)).repositoryId();
        assertThat(discoveredAt10.fetchNeeded(id, "in")).as("never collected").isTrue();

        // a complete collection at 10:05 that started from the push known then
        RepositoryRegistry at1005 = new RepositoryRegistry(db.dataSource(),
                Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC));
        at1005.saveCursor(id, new RepositoryCursor("abc", push, true, RepositoryStatus.UP_TO_DATE));
        at1005.saveCollectedFrom(id, push, NOW.plusSeconds(300), "in");
        assertThat(at1005.fetchNeeded(id, "in")).as("the host was last asked before that collection").isTrue();

        RepositoryRegistry at1010 = new RepositoryRegistry(db.dataSource(),
                Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC));
        at1010.upsertDiscovered(ada, token, hosted("acme", "api", false, false, push));
        assertThat(at1010.fetchNeeded(id, "in")).as("asked since: no push").isFalse();
        assertThat(at1010.fetchNeeded(id, "other identities")).as("identities or rules changed").isTrue();

        at1010.upsertDiscovered(ada, token, hosted("acme", "api", false, false, push.plusSeconds(60)));
        assertThat(at1010.fetchNeeded(id, "in")).as("pushed since").isTrue();
    }

    @DatabaseTest
    void switchingRepositoriesIsAllOrNothingAndOnlyForTheUsersOwn(TestDatabase db) {
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        long bob = accounts.create("bob", null, ZoneOffset.UTC).id();
        long mine = registry.upsertDiscovered(ada, token(db, ada), hosted("acme", "api", false, false, NOW))
                .repositoryId();
        long bobs = registry.registerRepository(bob,
                new NewRepository("https://github.com/bob/x.git", SourceKind.GIT, "x", "bob", true, true));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.setActive(ada, List.of(mine, bobs), false))
                .isInstanceOf(dev.commitstats.config.UseCaseException.class).hasMessage("no repository " + bobs);
        assertThat(registry.repository(mine).orElseThrow().active()).as("nothing changed").isTrue();
        assertThat(registry.setActive(ada, List.of(mine), false)).singleElement()
                .satisfies(r -> assertThat(r.active()).isFalse());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.setOwnerGroupActive(ada, "bob", false))
                .isInstanceOf(dev.commitstats.config.UseCaseException.class)
                .hasMessage("no repository in owner group 'bob'");
        assertThat(registry.repository(bobs).orElseThrow().active()).isTrue();
    }
}
