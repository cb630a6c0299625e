package dev.commitstats.repos.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.mirror.MirrorException.Reason;

/** Clones and fetches go only where the outbound policy lets them: every connection and every redirect is checked. */
class RepositoryMirrorsPolicyTests {

    private static final String HINT = "an admin can allow it with COMMITSTATS_PROVIDERS_ALLOWED_HOSTS";

    @TempDir
    Path tmp;

    private Path dataDir;
    private SmartHttpGitServer server;
    private String head;

    @BeforeEach
    void start() throws Exception {
        Path served = tmp.resolve("served");
        server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")));
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve("alice/tool.git"))) {
            head = repo.write("a.txt", "1\n").commit("one");
        }
        dataDir = tmp.resolve("data");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private RepositoryMirrors mirrors(OutboundPolicy policy) {
        return new RepositoryMirrors(dataDir, Duration.ofSeconds(10), policy);
    }

    private RepositoryMirrors allowingTheServer() {
        return mirrors(OutboundPolicy.allowing("127.0.0.1:" + server.port()));
    }

    @Test
    void plainHttpToAHostNotOnTheAllowListIsRefusedBeforeAnyConnection() {
        String url = server.url("alice/tool.git");

        assertThatThrownBy(() -> mirrors(OutboundPolicy.strict()).prepare(url, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("cannot mirror " + url
                            + ": plain http is refused for 127.0.0.1: use https (" + HINT + ")");
                });
        assertThat(server.requests()).isZero();
        assertThat(dataDir).as("no mirror folder, no lock file").doesNotExist();
    }

    @Test
    void anAllowListEntryForAnotherPortDoesNotLetTheServerThrough() {
        RepositoryMirrors otherPort = mirrors(OutboundPolicy.allowing("127.0.0.1:" + (server.port() + 1)));

        assertThatThrownBy(() -> otherPort.prepare(server.url("alice/tool.git"), null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED));
        assertThat(server.requests()).isZero();
    }

    @Test
    void httpsToANameThatResolvesToLoopbackIsRefusedOnTheConnectedAddressBeforeTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            CountDownLatch accepted = new CountDownLatch(1);
            AtomicInteger bytesReceived = new AtomicInteger(-1);
            Thread listener = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    accepted.countDown();
                    s.setSoTimeout(10_000);
                    try (InputStream in = s.getInputStream()) {
                        bytesReceived.set(in.readAllBytes().length);
                    }
                } catch (Exception e) {
                    // closed by the test, or the client never sent its end of stream
                }
            });
            listener.start();
            // "localhost" is a name, so the URL check cannot know where it leads; the connected socket does
            String url = "https://localhost:" + plain.getLocalPort() + "/alice/tool.git";

            assertThatThrownBy(() -> mirrors(OutboundPolicy.strict()).prepare(url, null, ProgressSink.NONE))
                    .isInstanceOfSatisfying(MirrorException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                        assertThat(e.getMessage()).isEqualTo("cannot mirror " + url + ": refused to connect to localhost:"
                                + plain.getLocalPort() + " (127.0.0.1 is a loopback, private, link-local or otherwise "
                                + "internal address; " + HINT + ")");
                    });
            listener.join(15_000);
            assertThat(accepted.await(0, TimeUnit.SECONDS)).as("the check runs on the connected socket").isTrue();
            assertThat(bytesReceived.get()).as("closed before a TLS handshake sent anything").isZero();
        }
    }

    @Test
    void aRedirectFromAnAllowListedServerToAnInternalHostIsRefused() {
        // the same server under a name the allow-list does not hold: were the redirect followed, the clone would work
        server.redirect("moved/", "http://localhost:" + server.port() + "/");
        String url = server.url("moved/alice/tool.git");

        assertThatThrownBy(() -> allowingTheServer().prepare(url, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("cannot mirror " + url
                            + ": plain http is refused for localhost: use https (" + HINT + ")");
                });
        assertThat(server.requests()).as("the redirect only").isEqualTo(1);
    }

    @Test
    void aRedirectWithinTheAllowListIsFollowed() throws Exception {
        server.redirect("moved/", server.url(""));

        Path mirror = allowingTheServer().prepare(server.url("moved/alice/tool.git"), null, ProgressSink.NONE);

        try (Repository r = new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build()) {
            assertThat(r.exactRef("refs/heads/main").getObjectId().name()).isEqualTo(head);
        }
    }

    @Test
    void theGuardIsInstalledOnEachTransportAndNotGlobally() throws Exception {
        allowingTheServer().prepare(server.url("alice/tool.git"), null, ProgressSink.NONE);

        assertThat(HttpTransport.getConnectionFactory()).isNotInstanceOf(GuardedHttpConnectionFactory.class);
    }

    @Test
    void gitProtocolIsRefusedForAHostNotOnTheAllowList() {
        String url = "git://git.example.org/alice/tool.git";

        assertThatThrownBy(() -> mirrors(OutboundPolicy.strict()).prepare(url, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("cannot mirror " + url
                            + ": git:// is refused for git.example.org: use https (" + HINT + ")");
                });
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void gitProtocolToAnAllowListedHostGoesAhead() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "git://127.0.0.1:" + closed + "/alice/tool.git";

        assertThatThrownBy(() -> mirrors(OutboundPolicy.allowing("127.0.0.1:" + closed)).prepare(url, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("host unreachable for " + url + ": connection refused");
                });
    }

    @Test
    void fileUrlsAreTheAdminsOwnSourcesAndPassTheStrictPolicy() throws Exception {
        Path local = tmp.resolve("local/lib.git");
        String c;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(local)) {
            c = repo.write("b.txt", "b\n").commit("b");
        }

        Path mirror = mirrors(OutboundPolicy.strict()).prepare(local.toUri().toString(), null, ProgressSink.NONE);

        try (Repository r = new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build()) {
            assertThat(r.exactRef("refs/heads/main").getObjectId().name()).isEqualTo(c);
        }
    }
}
