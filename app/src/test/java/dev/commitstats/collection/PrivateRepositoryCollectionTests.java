package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.assertSameTotals;
import static dev.commitstats.collection.CollectTests.expected;
import static dev.commitstats.collection.CollectTests.history;
import static dev.commitstats.collection.CollectTests.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.mining.MiningListener;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.CapturedLogs;
import dev.commitstats.repos.mirror.Credentials;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collecting a private repository with its owner's token over a smart-HTTP server that takes the token as the
 * basic-auth password, on both databases: incremental runs, a refused token and a deleted repository that keep what
 * was collected, a force-push repaired, and the token kept out of the data directory, the messages and the logs.
 */
class PrivateRepositoryCollectionTests {

    private static final String TOKEN = "glpat-Tok3nThatMustN0tLeak0123456789";

    @TempDir
    Path tmp;

    /** A private repository on a server that takes {@link #TOKEN}, registered for "me", and the token handed out. */
    private final class Setup implements AutoCloseable {
        final Path origin;
        final SmartHttpGitServer server;
        final String url;
        final long id;
        final AtomicReference<Credentials> token = new AtomicReference<>(Credentials.token(TOKEN));
        final CollectionFixture fixture;

        Setup(TestDatabase db) throws Exception {
            Path served = Files.createDirectories(tmp.resolve("served"));
            origin = served.resolve("private/team/app.git");
            server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")))
                    .allow("x-access-token", TOKEN);
            url = server.url("private/team/app.git");
            UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
            User me = accounts.findOrCreate("me");
            accounts.addIdentities(me.id(), Set.of(ME));
            id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                    .registerRepository(me.id(), NewRepository.of(url, SourceKind.GIT, "app"));
            fixture = new CollectionFixture(db, CollectionSettings.defaults().withWorkerThreads(2),
                    List.of("127.0.0.1:" + server.port()), repository -> Optional.of(token.get()));
        }

        CollectionOutcome collect() {
            return fixture.service().collect(id, CollectionTrigger.SCHEDULE, MiningListener.NONE, null);
        }

        GitRepoBuilder repo() throws IOException {
            return Files.isDirectory(origin) ? GitRepoBuilder.openBare(origin) : GitRepoBuilder.initBare(origin);
        }

        @Override
        public void close() throws Exception {
            fixture.close();
            server.close();
        }
    }

    @DatabaseTest
    void aPrivateRepositoryIsCollectedWithTheOwnersTokenAndFetchedIncrementally(TestDatabase db) throws Exception {
        try (Setup s = new Setup(db); GitRepoBuilder repo = s.repo()) {
            history(repo, 30, 0);
            CollectionOutcome first = s.collect();
            assertThat(first.result()).as(first.error()).isEqualTo(CollectionOutcome.Result.COLLECTED);
            assertThat(first.newCommits()).isEqualTo(20);

            history(repo, 3, 77);
            CollectionOutcome second = s.collect();
            assertThat(second.newCommits()).isEqualTo(2);
            assertThat(second.totalCommits()).isEqualTo(22);
            assertSameTotals(stored(db, "me"), expected(s.origin));
        }
    }

    @DatabaseTest
    void aRefusedTokenFailsClearlyAndKeepsWhatWasCollected(TestDatabase db) throws Exception {
        try (Setup s = new Setup(db); GitRepoBuilder repo = s.repo()) {
            history(repo, 30, 0);
            s.collect();
            history(repo, 3, 77);
            s.server.allow("x-access-token", "glpat-the-token-the-user-has-not-entered-yet");  // the old one revoked

            CollectionOutcome o = s.collect();

            assertThat(o.result()).isEqualTo(CollectionOutcome.Result.FAILED);
            assertThat(o.error()).startsWith("authentication failed for 127.0.0.1:" + s.server.port()
                    + ": the token was refused").doesNotContain(TOKEN);
            assertThat(o.totalCommits()).isEqualTo(20);
            var repository = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repository(s.id).orElseThrow();
            assertThat(repository.status()).isEqualTo(RepositoryStatus.ERROR);
            assertThat(repository.errorMessage()).isEqualTo(o.error());
            assertThat(stored(db, "me").commits()).as("the facts from before stay").isEqualTo(20);
        }
    }

    @DatabaseTest
    void aRepositoryDeletedOnTheServerFailsAsNotFoundAndKeepsWhatWasCollected(TestDatabase db) throws Exception {
        try (Setup s = new Setup(db)) {
            try (GitRepoBuilder repo = s.repo()) {
                history(repo, 30, 0);
            }
            s.collect();
            FileUtils.delete(s.origin.toFile(), FileUtils.RECURSIVE);

            CollectionOutcome o = s.collect();

            assertThat(o.result()).isEqualTo(CollectionOutcome.Result.FAILED);
            assertThat(o.error()).startsWith("repository not found: " + s.url);
            assertThat(stored(db, "me").commits()).isEqualTo(20);
        }
    }

    @DatabaseTest
    void aForcePushOverAuthenticatedHttpIsRepairedByTheNextCollection(TestDatabase db) throws Exception {
        try (Setup s = new Setup(db); GitRepoBuilder repo = s.repo()) {
            history(repo, 30, 0);
            String keep = repo.commit("chore: base");
            history(repo, 15, 50);
            s.collect();
            repo.resetHard(keep);
            history(repo, 4, 200);

            CollectionOutcome o = s.collect();

            assertThat(o.result()).as(o.error()).isEqualTo(CollectionOutcome.Result.COLLECTED);
            assertThat(o.removedCommits()).as("the commits the force-push dropped").isEqualTo(10);
            assertSameTotals(stored(db, "me"), expected(s.origin));
        }
    }

    @DatabaseTest
    void theTokenAppearsInNoFileOfTheDataDirectoryNoMessageAndNoLogLine(TestDatabase db) throws Exception {
        try (Setup s = new Setup(db); GitRepoBuilder repo = s.repo()) {
            history(repo, 30, 0);
            try (CapturedLogs logs = new CapturedLogs()) {
                s.collect();
                history(repo, 3, 77);
                s.collect();
                s.token.set(Credentials.token("glpat-Wr0ngTokenAlsoNeverShown12345"));
                CollectionOutcome refused = s.collect();

                assertThat(refused.error()).doesNotContain(TOKEN).doesNotContain("glpat-Wr0ng");
                assertThat(logs.text()).contains("cloned mirror of " + s.url).doesNotContain(TOKEN)
                        .doesNotContain("glpat-Wr0ng");
            }
            try (Stream<Path> files = Files.walk(db.dataDir())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(TOKEN).doesNotContain("glpat-Wr0ng");
                }
            }
        }
    }
}
