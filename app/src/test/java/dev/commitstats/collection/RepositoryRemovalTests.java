package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.assertSameTotals;
import static dev.commitstats.collection.CollectTests.expected;
import static dev.commitstats.collection.CollectTests.history;
import static dev.commitstats.collection.CollectTests.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a repository: its numbers go, a copy of its commits elsewhere counts, the rest is untouched. */
class RepositoryRemovalTests {

    /** Every table keyed by repository: none may keep a row of a deleted one. */
    private static final List<String> REPOSITORY_TABLES = List.of("commit_facts", "commit_copies",
            "commit_languages", "commit_exclusions", "commit_detections", "outlier_files", "rollup_days",
            "rollup_types", "rollup_hours", "rollup_languages", "rollup_exclusions", "rollup_detections",
            "pending_commits", "collection_claims", "collection_runs");

    @TempDir
    Path tmp;

    private static CollectionSettings settings() {
        return CollectionSettings.defaults().withWorkerThreads(2).withClaim(Duration.ofSeconds(30), Duration.ZERO);
    }

    @DatabaseTest
    void deletingTheOriginalOfAForkLetsTheForksCopiesCountAndLeavesNoRowBehind(TestDatabase db) throws Exception {
        Path original = tmp.resolve("original.git");
        Path fork = tmp.resolve("fork.git");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(original)) {
            history(repo, 30, 0);
        }
        Git.cloneRepository().setBare(true).setURI(original.toUri().toString()).setDirectory(fork.toFile()).call()
                .close();
        try (GitRepoBuilder more = GitRepoBuilder.openBare(fork)) {
            history(more, 6, 30);
        }
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        accounts.addIdentities(me.id(), Set.of(ME));
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long originalId = registry.registerRepository(me.id(),
                NewRepository.of(original.toString(), SourceKind.LOCAL, "original"));
        long forkId = registry.registerRepository(me.id(), NewRepository.of(fork.toString(), SourceKind.LOCAL, "fork"));

        try (CollectionFixture f = new CollectionFixture(db, settings())) {
            f.service().collect(originalId, CollectionTrigger.COMMAND, MiningListener.NONE, null);
            f.service().collect(forkId, CollectionTrigger.COMMAND, MiningListener.NONE, null);
            assertSameTotals(stored(db, "me"), expected(fork));

            RepositoryRemoval.Removed removed = f.features.removal().remove(me.id(), originalId);

            assertThat(removed.name()).isEqualTo("original");
            assertThat(removed.deletedCommits()).isEqualTo(20);
            assertThat(f.events).last().isEqualTo(new RepositoryRemoved(originalId, me.id()));
        }
        assertSameTotals(stored(db, "me"), expected(fork));
        assertThat(registry.repository(originalId)).isEmpty();
        for (String table : REPOSITORY_TABLES) {
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM " + table + " WHERE repository_id = :r")
                    .param("r", originalId).query(Long.class).single()).as(table).isZero();
        }
        assertThat(original.resolve("HEAD")).as("a local source is the user's own folder: never deleted").exists();
    }

    @DatabaseTest
    void anotherUsersRepositoryIsNotFoundAndKeepsEverything(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 12, 0);
        }
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        User other = accounts.findOrCreate("other");
        accounts.addIdentities(me.id(), Set.of(ME));
        long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                .registerRepository(me.id(), NewRepository.of(dir.toString(), SourceKind.LOCAL, "repo"));
        try (CollectionFixture f = new CollectionFixture(db, settings())) {
            f.service().collect(id, CollectionTrigger.COMMAND, MiningListener.NONE, null);
            assertThatThrownBy(() -> f.features.removal().remove(other.id(), id))
                    .isInstanceOfSatisfying(UseCaseException.class,
                            e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND));
            assertThatThrownBy(() -> f.features.removal().remove(me.id(), 9999))
                    .isInstanceOfSatisfying(UseCaseException.class,
                            e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND));
        }
        assertSameTotals(stored(db, "me"), expected(dir));
    }

    @DatabaseTest
    void aRepositoryBeingCollectedIsNotDeletedFromUnderItsCollection(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("repo.git");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            history(repo, 12, 0);
        }
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        accounts.addIdentities(me.id(), Set.of(ME));
        long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                .registerRepository(me.id(), NewRepository.of(dir.toString(), SourceKind.LOCAL, "repo"));
        // a collection elsewhere holds the claim
        db.jdbc().sql("INSERT INTO collection_claims (repository_id, holder, expires_at) VALUES (:r, 'elsewhere', :e)")
                .param("r", id).param("e", Clock.systemUTC().instant().getEpochSecond() + 600).update();
        try (CollectionFixture f = new CollectionFixture(db, settings())) {
            assertThatThrownBy(() -> f.features.removal().remove(me.id(), id))
                    .isInstanceOfSatisfying(UseCaseException.class, e -> {
                        assertThat(e.kind()).isEqualTo(UseCaseException.Kind.CONFLICT);
                        assertThat(e.getMessage()).contains("being collected").contains("nothing was deleted");
                    });
        }
        assertThat(new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repository(id)).isPresent();
    }
}
