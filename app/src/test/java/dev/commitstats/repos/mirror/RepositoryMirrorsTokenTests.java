package dev.commitstats.repos.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.mirror.MirrorException.Reason;

/**
 * A private repository on a smart-HTTP server that takes the token as the basic-auth password, as GitHub, GitLab and
 * Gitea do: clone, incremental fetch, a refused token, a deleted repository, and the token kept out of every file,
 * message and log line.
 */
class RepositoryMirrorsTokenTests {

    private static final String TOKEN = "ghp_Tok3nThatMustN0tLeak0123456789";
    private static final String WRONG = "ghp_Revok3dTokenNeverToBeSeen98765";

    @TempDir
    Path tmp;

    private Path served;
    private Path dataDir;
    private SmartHttpGitServer server;
    private RepositoryMirrors mirrors;
    private String url;

    @BeforeEach
    void start() throws Exception {
        served = tmp.resolve("served");
        server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")))
                .allow(Credentials.TOKEN_USER, TOKEN);
        dataDir = tmp.resolve("data");
        mirrors = new RepositoryMirrors(dataDir, Duration.ofSeconds(10),
                OutboundPolicy.allowing("127.0.0.1:" + server.port()));
        url = server.url("private/team/app.git");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private GitRepoBuilder origin() throws IOException {
        Path dir = served.resolve("private/team/app.git");
        return Files.isDirectory(dir) ? GitRepoBuilder.openBare(dir) : GitRepoBuilder.initBare(dir);
    }

    @Test
    void theTokenClonesAPrivateRepositoryWhoseMirrorRemembersOnlyThePlainUrl() throws Exception {
        String c;
        try (GitRepoBuilder repo = origin()) {
            c = repo.write("a.txt", "1\n").commit("one");
        }

        Path mirror = mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);

        assertThat(head(mirror)).isEqualTo(c);
        try (Repository r = open(mirror)) {
            assertThat(r.getConfig().getString("remote", "origin", "url")).isEqualTo(url);
        }
    }

    @Test
    void theTokenFetchesNewCommitsIncrementally() throws Exception {
        String c3;
        try (GitRepoBuilder repo = origin()) {
            repo.write("a.txt", "1\n").commit("one");
            mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);
            repo.write("a.txt", "2\n").commit("two");
            c3 = repo.write("a.txt", "3\n").commit("three");
        }
        server.resetCounts();

        Path mirror = mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);

        assertThat(head(mirror)).isEqualTo(c3);
        assertThat(server.packRequests()).as("one negotiation for the new commits").isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsNamedWithoutShowingItAndLeavesTheMirrorAsItWas() throws Exception {
        String c1;
        try (GitRepoBuilder repo = origin()) {
            c1 = repo.write("a.txt", "1\n").commit("one");
            mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);
            repo.write("a.txt", "2\n").commit("two");
        }

        assertThatThrownBy(() -> mirrors.prepare(url, Credentials.token(WRONG), ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("authentication failed for 127.0.0.1:" + server.port()
                            + ": the token was refused for " + url
                            + " (check that it is still valid and can read the repository)");
                });
        assertThat(head(mirrors.mirrorFolder(url))).isEqualTo(c1);
    }

    @Test
    void aRepositoryDeletedOnTheServerIsReportedAsNotFound() throws Exception {
        try (GitRepoBuilder repo = origin()) {
            repo.write("a.txt", "1\n").commit("one");
        }
        Path mirror = mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);
        FileUtils.delete(served.resolve("private/team/app.git").toFile(), FileUtils.RECURSIVE);

        assertThatThrownBy(() -> mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("repository not found: " + url
                            + " (check the URL; a private repository also answers 'not found' without access)");
                });
        assertThat(mirror).as("the mirror keeps what was fetched").isDirectory();
    }

    @Test
    void theTokenIsNotHandedToAnotherServerThatARedirectLeadsTo() throws Exception {
        try (GitRepoBuilder repo = origin();
             SmartHttpGitServer other = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("other")))
                     .allow(Credentials.TOKEN_USER, TOKEN)) {
            repo.write("a.txt", "1\n").commit("one");
            // the other server would accept the token: were it sent along, the clone would work
            server.redirect("private/", other.url("private/"));
            RepositoryMirrors bothAllowed = new RepositoryMirrors(dataDir, Duration.ofSeconds(10),
                    OutboundPolicy.allowing("127.0.0.1:" + server.port() + ",127.0.0.1:" + other.port()));

            assertThatThrownBy(() -> bothAllowed.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE))
                    .isInstanceOfSatisfying(MirrorException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                        assertThat(e.getMessage()).isEqualTo("authentication failed for " + url
                                + ": it redirected to 127.0.0.1:" + other.port()
                                + ", and the token is only sent to 127.0.0.1:" + server.port());
                    });
            assertThat(other.packRequests()).isZero();
        }
    }

    @Test
    void theTokenAppearsInNoFileOfTheMirrorNoMessageAndNoLogLine() throws Exception {
        MirrorException refused;
        Path mirror;
        try (CapturedLogs logs = new CapturedLogs(); GitRepoBuilder repo = origin()) {
            repo.write("a.txt", "1\n").commit("one");
            mirror = mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);
            repo.write("a.txt", "2\n").commit("two");
            mirrors.prepare(url, Credentials.token(TOKEN), ProgressSink.NONE);
            refused = catchThrowableOfType(MirrorException.class,
                    () -> mirrors.prepare(url, Credentials.token(WRONG), ProgressSink.NONE));

            assertThat(logs.text()).as("something was logged").contains("cloned mirror of " + url);
            assertNoSecret(logs.text());
        }
        assertThat(mirror.resolve("config")).exists();
        assertThat(mirror.resolve("FETCH_HEAD")).exists();
        for (Path file : filesUnder(dataDir)) {
            assertNoSecret(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        StringWriter trace = new StringWriter();
        refused.printStackTrace(new PrintWriter(trace));
        assertNoSecret(trace.toString());
    }

    /** Neither token, nor the basic-auth header value carrying either. */
    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(TOKEN).doesNotContain(WRONG);
        for (String secret : List.of(TOKEN, WRONG)) {
            String header = Base64.getEncoder().encodeToString((Credentials.TOKEN_USER + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(text).doesNotContain(header);
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static String head(Path gitDir) throws IOException {
        try (Repository r = open(gitDir)) {
            return r.exactRef("refs/heads/main").getObjectId().name();
        }
    }
}
