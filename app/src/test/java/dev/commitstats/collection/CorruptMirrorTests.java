package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.assertSameTotals;
import static dev.commitstats.collection.CollectTests.expected;
import static dev.commitstats.collection.CollectTests.history;
import static dev.commitstats.collection.CollectTests.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.mining.MiningException;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mirror that lost its packs is repaired by the next collection (JGit's fetch brings the missing objects again; a
 * failure that still reads as corrupt makes the collector delete the mirror and clone it once more); and how failures
 * are classified for retries.
 */
class CorruptMirrorTests {

    @TempDir
    Path tmp;

    @DatabaseTest
    void aMirrorWhosePacksAreDamagedIsClonedAgainAndTheTotalsAreRight(TestDatabase db) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path origin = served.resolve("team/app.git");
        try (SmartHttpGitServer server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")));
                GitRepoBuilder repo = GitRepoBuilder.initBare(origin)) {
            history(repo, 30, 0);
            UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
            User me = accounts.findOrCreate("me");
            accounts.addIdentities(me.id(), Set.of(ME));
            long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                    .registerRepository(me.id(), NewRepository.of(server.url("team/app.git"), SourceKind.GIT, "app"));
            try (CollectionFixture f = new CollectionFixture(db, CollectionSettings.defaults().withWorkerThreads(2),
                    List.of("127.0.0.1:" + server.port()), r -> Optional.empty())) {
                assertThat(f.service().collectNow(id, CollectionTrigger.SCHEDULE).result())
                        .isEqualTo(CollectionOutcome.Result.COLLECTED);
                try (Stream<Path> files = Files.walk(db.dataDir().resolve("mirrors"))) {
                    // the objects are gone while the branches still point at them (a disk that lost files)
                    List<Path> packs = files.filter(p -> p.toString().contains("/objects/pack/pack-")).toList();
                    assertThat(packs).isNotEmpty();
                    for (Path p : packs) {
                        Files.delete(p);
                    }
                }
                history(repo, 6, 90);

                CollectionOutcome o = f.service().collect(id, CollectionTrigger.SCHEDULE, MiningListener.NONE, null);

                assertThat(o.result()).as(o.error()).isEqualTo(CollectionOutcome.Result.COLLECTED);
                assertSameTotals(stored(db, "me"), expected(origin));
            }
        }
    }

    @DatabaseTest
    void aMirrorThatLostItsObjectsWithNothingNewToFetchIsDeletedAndClonedAgain(TestDatabase db) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path origin = served.resolve("team/app.git");
        try (SmartHttpGitServer server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")));
                GitRepoBuilder repo = GitRepoBuilder.initBare(origin)) {
            history(repo, 30, 0);
            UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
            User me = accounts.findOrCreate("me");
            accounts.addIdentities(me.id(), Set.of(ME));
            long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                    .registerRepository(me.id(), NewRepository.of(server.url("team/app.git"), SourceKind.GIT, "app"));
            try (CollectionFixture f = new CollectionFixture(db, CollectionSettings.defaults().withWorkerThreads(2),
                    List.of("127.0.0.1:" + server.port()), r -> Optional.empty())) {
                assertThat(f.service().collectNow(id, CollectionTrigger.SCHEDULE).result())
                        .isEqualTo(CollectionOutcome.Result.COLLECTED);
                try (Stream<Path> files = Files.walk(db.dataDir().resolve("mirrors"))) {
                    for (Path p : files.filter(p -> p.toString().contains("/objects/pack/pack-")).toList()) {
                        Files.delete(p);
                    }
                }
                // nothing new on the host, so a fetch brings nothing: only a new clone can cure the mirror; a new
                // identity makes the collection walk the history again, which finds the objects missing
                accounts.addIdentities(me.id(), Set.of("other@example.com"));

                CollectionOutcome o = f.service().collect(id, CollectionTrigger.SCHEDULE, MiningListener.NONE, null);

                assertThat(o.result()).as(o.error()).isEqualTo(CollectionOutcome.Result.COLLECTED);
                try (Stream<Path> files = Files.walk(db.dataDir().resolve("mirrors"))) {
                    assertThat(files.filter(p -> p.toString().contains("/objects/pack/pack-"))).as("cloned again")
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void failuresAreTransientOrPermanentByWhatRetryingCanCure() {
        assertThat(CollectionFailure.classify(new ProviderException(ProviderException.Kind.UNAUTHORIZED, "401")))
                .satisfies(f -> assertThat(f.permanent()).isTrue())
                .satisfies(f -> assertThat(f.reason()).isEqualTo("token-refused"));
        assertThat(CollectionFailure.classify(new ProviderException(ProviderException.Kind.NOT_FOUND, "gone"))
                .permanent()).isTrue();
        assertThat(CollectionFailure.classify(new ProviderException(ProviderException.Kind.FORBIDDEN, "sso"))
                .reason()).isEqualTo("access-denied");
        assertThat(CollectionFailure.classify(new ProviderException(ProviderException.Kind.RATE_LIMITED, "wait"))
                .kind()).isEqualTo(CollectionFailure.Kind.TRANSIENT);
        assertThat(CollectionFailure.classify(new ProviderException(ProviderException.Kind.UNAVAILABLE, "503"))
                .kind()).isEqualTo(CollectionFailure.Kind.TRANSIENT);
        assertThat(CollectionFailure.classify(new MiningException("the history is incomplete",
                new MissingObjectException(ObjectId.zeroId(), "commit"))).reason())
                .isEqualTo(CollectionFailure.CORRUPT_MIRROR);
        assertThat(CollectionFailure.classify(new MiningException(
                "the user has no email address to recognise their commits by")).permanent()).isTrue();
        assertThat(CollectionFailure.classify(new org.springframework.dao.DataAccessResourceFailureException("down"))
                .reason()).isEqualTo("database");
    }
}
