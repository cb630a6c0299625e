package dev.commitstats.repos.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.mirror.MirrorException.Reason;

class RepositoryMirrorsTests {

    @TempDir
    Path tmp;

    private Path served;
    private SmartHttpGitServer server;
    private RepositoryMirrors mirrors;
    private Path dataDir;

    @BeforeEach
    void start() throws Exception {
        served = tmp.resolve("served");
        server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")));
        dataDir = tmp.resolve("data");
        mirrors = mirrorsAllowing(server.port(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Mirrors whose outbound policy lets them reach the local test server on {@code port}, plain http included. */
    private RepositoryMirrors mirrorsAllowing(int port, Duration timeout) {
        return new RepositoryMirrors(dataDir, timeout, OutboundPolicy.allowing("127.0.0.1:" + port));
    }

    private GitRepoBuilder serve(String name) throws IOException {
        return GitRepoBuilder.initBare(served.resolve(name));
    }

    @Test
    void clonesOverHttpIntoABareMirrorUnderTheDataDirectory() throws Exception {
        String c1, c2, tagged;
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            c1 = repo.write("a.txt", "1\n").commit("feat: one");
            c2 = repo.write("a.txt", "2\n").commit("fix: two");
            repo.branch("feature");
            tagged = repo.write("b.txt", "b\n").commit("feat: b");
            tag(repo.repository(), "v1", tagged);
        }

        Path mirror = mirrors.prepare(server.url("alice/tool.git"), null, ProgressSink.NONE);

        assertThat(mirror).isEqualTo(dataDir.toAbsolutePath().resolve("mirrors/127.0.0.1_" + server.port() + "/alice/tool.git"));
        try (Repository r = open(mirror)) {
            assertThat(r.isBare()).isTrue();
            assertThat(head(r, "refs/heads/main")).isEqualTo(c2);
            assertThat(head(r, "refs/heads/feature")).isEqualTo(tagged);
            assertThat(head(r, "refs/tags/v1")).isEqualTo(tagged);
            assertThat(r.exactRef(Constants.HEAD).getTarget().getName()).isEqualTo("refs/heads/main");
            assertThat(reachable(r)).contains(c1, c2, tagged);
        }
        assertThat(Files.list(dataDir.resolve("mirrors/.incoming")).toList()).as("no leftovers").isEmpty();
    }

    @Test
    void fetchBringsNewCommitsAndCostsOneAdvertisementWhenNothingIsNew() throws Exception {
        String url = server.url("alice/tool.git");
        String c3;
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            repo.write("a.txt", "1\n").commit("one");
            Path mirror = mirrors.prepare(url, null, ProgressSink.NONE);

            repo.write("a.txt", "2\n").commit("two");
            c3 = repo.write("a.txt", "3\n").commit("three");
            List<String> tasks = new ArrayList<>();
            assertThat(mirrors.prepare(url, null, (task, done, total) -> tasks.add(task))).isEqualTo(mirror);
            try (Repository r = open(mirror)) {
                assertThat(head(r, "refs/heads/main")).isEqualTo(c3);
            }
            assertThat(tasks).isNotEmpty();
        }

        server.resetCounts();
        mirrors.prepare(url, null, ProgressSink.NONE);
        assertThat(server.requests()).as("ref advertisement only").isEqualTo(1);
        assertThat(server.packRequests()).isZero();
    }

    @Test
    void fetchAfterForcePushMovesTheBranchBackAndPrunesDeletedBranches() throws Exception {
        String url = server.url("alice/tool.git");
        String base, dropped, replacement;
        Path mirror;
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            base = repo.write("a.txt", "1\n").commit("one");
            dropped = repo.write("a.txt", "2\n").commit("two");
            repo.branch("gone").write("g.txt", "g\n").commit("on a branch that will be deleted");
            repo.checkout("main");
            mirror = mirrors.prepare(url, null, ProgressSink.NONE);

            repo.resetHard(base);
            replacement = repo.write("a.txt", "2'\n").commit("two, rewritten");
            deleteBranch(repo.repository(), "refs/heads/gone");
        }

        mirrors.prepare(url, null, ProgressSink.NONE);

        try (Repository r = open(mirror)) {
            assertThat(head(r, "refs/heads/main")).isEqualTo(replacement);
            assertThat(r.exactRef("refs/heads/gone")).isNull();
            assertThat(reachable(r)).contains(base, replacement).doesNotContain(dropped);
        }
    }

    @Test
    void protectedRepositoryAcceptsTheRightTokenAndNamesAWrongOne() throws Exception {
        server.allow("x-access-token", "s3cret-token");
        String url = server.url("private/alice/secret.git");
        String c;
        try (GitRepoBuilder repo = serve("private/alice/secret.git")) {
            c = repo.write("a.txt", "1\n").commit("one");
        }

        assertThatThrownBy(() -> mirrors.prepare(url, Credentials.token("wrong-token-123"), ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).startsWith("authentication failed for 127.0.0.1:" + server.port()
                            + ": the token was refused").contains(url).doesNotContain("wrong-token-123")
                            .doesNotContain("\n");
                });
        assertThatThrownBy(() -> mirrors.prepare(url, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class,
                        e -> assertThat(e.getMessage()).startsWith("authentication required"));
        assertThat(dataDir.resolve("mirrors/127.0.0.1_" + server.port() + "/private/alice/secret.git")).doesNotExist();

        Path mirror = mirrors.prepare(url, Credentials.token("s3cret-token"), ProgressSink.NONE);
        try (Repository r = open(mirror)) {
            assertThat(head(r, "refs/heads/main")).isEqualTo(c);
            assertThat(r.getConfig().getString("remote", "origin", "url")).isEqualTo(url);
        }
        assertThat(Files.readString(mirror.resolve("config"))).doesNotContain("s3cret-token");
        // a second fetch needs the token again: it was never stored
        assertThatThrownBy(() -> mirrors.prepare(url, null, ProgressSink.NONE)).isInstanceOf(MirrorException.class);
    }

    @Test
    void credentialsWrittenInTheUrlAreUsedButNotStoredOrShown() throws Exception {
        server.allow("bob", "pa55word");
        try (GitRepoBuilder repo = serve("private/bob/r.git")) {
            repo.write("a.txt", "1\n").commit("one");
        }
        String url = server.url("private/bob/r.git");
        String withUserInfo = url.replace("http://", "http://bob:pa55word@");

        Path mirror = mirrors.prepare(withUserInfo, null, ProgressSink.NONE);

        assertThat(Files.readString(mirror.resolve("config"))).doesNotContain("pa55word").contains(url);
        String wrong = url.replace("http://", "http://bob:nope-nope@");
        server.allow("bob", "changed");
        assertThatThrownBy(() -> mirrors.prepare(wrong, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e ->
                        assertThat(e.getMessage()).contains("authentication failed").doesNotContain("nope-nope"));
    }

    @Test
    void missingRepositoryIsReportedAsNotFound() {
        String url = server.url("alice/nothing-here.git");
        assertThatThrownBy(() -> mirrors.prepare(url, null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("repository not found: " + url);
                });
    }

    @Test
    void closedPortIsReportedAsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/alice/tool.git";
        RepositoryMirrors allowed = mirrorsAllowing(port, Duration.ofSeconds(10));
        assertThatThrownBy(() -> allowed.prepare(url, Credentials.token("tok-abc"), ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("host unreachable for " + url + ": connection refused");
                });
    }

    @Test
    void silentServerIsReportedAsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            RepositoryMirrors impatient = mirrorsAllowing(silent.getLocalPort(), Duration.ofSeconds(1));
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception e) {
                    // closed by the test
                }
            });
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/alice/tool.git";
            assertThatThrownBy(() -> impatient.prepare(url, null, ProgressSink.NONE))
                    .isInstanceOfSatisfying(MirrorException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.getMessage()).isEqualTo("timed out talking to " + url);
                    });
            acceptor.interrupt();
        }
    }

    @Test
    void localRepositoriesAreUsedInPlace() throws Exception {
        Path work = tmp.resolve("work/my-project");
        Path bare = tmp.resolve("bare/lib.git");
        try (GitRepoBuilder a = GitRepoBuilder.init(work); GitRepoBuilder b = GitRepoBuilder.initBare(bare)) {
            a.write("x", "1\n").commit("x");
            b.write("y", "1\n").commit("y");
        }

        assertThat(mirrors.prepare(work.toString(), null, ProgressSink.NONE)).isEqualTo(work.resolve(".git"));
        assertThat(mirrors.prepare(bare.toString(), null, ProgressSink.NONE)).isEqualTo(bare);
        assertThat(mirrors.describe(work.toString())).isEqualTo("my-project");
        assertThat(mirrors.describe(bare.toString())).isEqualTo("lib");
        assertThat(mirrors.provider(work.toString())).isEqualTo("local");
        assertThat(dataDir.resolve("mirrors")).doesNotExist();
    }

    @Test
    void localFolderThatIsNoRepositoryIsNamed() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("just-a-folder"));
        assertThatThrownBy(() -> mirrors.prepare(plain.toString(), null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_A_REPOSITORY);
                    assertThat(e.getMessage()).isEqualTo("not a git repository: " + plain);
                });
        Path missing = tmp.resolve("missing");
        assertThatThrownBy(() -> mirrors.prepare(missing.toString(), null, ProgressSink.NONE))
                .hasMessage("no such folder: " + missing);
    }

    @Test
    void aFolderInTheWayThatIsNoMirrorIsReplacedByTheClone() throws Exception {
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            repo.write("a.txt", "1\n").commit("one");
        }
        String url = server.url("alice/tool.git");
        Path target = mirrors.mirrorFolder(url);
        Files.createDirectories(target.resolve("objects"));
        Files.writeString(target.resolve("junk"), "half written by something else");

        Path mirror = mirrors.prepare(url, null, ProgressSink.NONE);

        try (Repository r = open(mirror)) {
            assertThat(r.exactRef("refs/heads/main")).isNotNull();
        }
        assertThat(target.resolve("junk")).doesNotExist();
    }

    @Test
    void concurrentPreparesOfOneUrlShareOneMirror() throws Exception {
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            repo.write("a.txt", "1\n").commit("one");
        }
        String url = server.url("alice/tool.git");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<Path> results = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    results.add(mirrors.prepare(url, null, ProgressSink.NONE));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(results).hasSize(1);
        assertThat(server.packRequests()).as("one clone, then fetches with nothing new").isEqualTo(1);
    }

    @Test
    void sshAddressesAreRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> mirrors.prepare("ssh://git@host/o/r.git", null, ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("SSH URLs are not supported: use the repository's https:// URL "
                            + "(with a personal access token for a private repository): ssh://***@host/o/r.git -> https://host/o/r.git");
                });
        assertThatThrownBy(() -> mirrors.prepare("git@host:o/r.git", Credentials.token("tok-abc"), ProgressSink.NONE))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("SSH URLs are not supported: use the repository's https:// URL "
                            + "(with a personal access token for a private repository): git@host:o/r.git -> https://host/o/r.git");
                });
        assertThatThrownBy(() -> mirrors.storableSource("git@host:o/r.git")).hasMessageStartingWith("SSH URLs are not supported");
        assertThat(dataDir).as("no mirror folder, no lock file").doesNotExist();
    }

    @Test
    void anExistingFolderNamedLikeAnScpAddressIsStillReadInPlace() throws Exception {
        // only a relative name has its colon before any slash; it resolves against the working directory
        Path folder = Files.createTempDirectory(Path.of("").toAbsolutePath(), "mirror-test-host:");
        try {
            try (GitRepoBuilder repo = GitRepoBuilder.init(folder)) {
                repo.write("a.txt", "1\n").commit("one");
            }
            String source = folder.getFileName().toString();
            assertThat(RemoteSource.looksLikeUrl(source)).isTrue();
            assertThat(mirrors.prepare(source, null, ProgressSink.NONE)).isEqualTo(folder.resolve(".git"));
            assertThat(mirrors.provider(source)).isEqualTo("local");
        } finally {
            org.eclipse.jgit.util.FileUtils.delete(folder.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        }
    }

    @Test
    void twoInstancesOnOneDataDirectoryTakeTurnsLikeTwoProcesses() throws Exception {
        String c;
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            c = repo.write("a.txt", "1\n").commit("one");
        }
        String url = server.url("alice/tool.git");
        // separate instances have separate state, as a server and a CLI collect on one data directory do
        List<RepositoryMirrors> instances = List.of(mirrorsAllowing(server.port(), Duration.ofSeconds(10)),
                mirrorsAllowing(server.port(), Duration.ofSeconds(10)));
        CyclicBarrier start = new CyclicBarrier(instances.size());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Set<Path> results = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (RepositoryMirrors instance : instances) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    results.add(instance.prepare(url, null, ProgressSink.NONE));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(failures).isEmpty();
        assertThat(results).hasSize(1);
        try (Repository r = open(results.iterator().next())) {
            assertThat(head(r, "refs/heads/main")).isEqualTo(c);
        }
        assertThat(server.packRequests()).as("one clone, then a fetch with nothing new").isEqualTo(1);
        assertThat(Files.list(dataDir.resolve("mirrors/.incoming")).toList()).as("no leftovers").isEmpty();
    }

    @Test
    void aMirrorLockedByAnotherProcessIsWaitedFor() throws Exception {
        try (GitRepoBuilder repo = serve("alice/tool.git")) {
            repo.write("a.txt", "1\n").commit("one");
        }
        String url = server.url("alice/tool.git");
        Path mirror = mirrors.mirrorFolder(url);
        Path lockFile = mirrors.lockFile(mirror);
        Files.createDirectories(lockFile.getParent());
        Process other = holdLockInAnotherProcess(lockFile);
        try {
            List<String> tasks = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Thread waiting = new Thread(() -> {
                try {
                    mirrors.prepare(url, null, (task, done, total) -> tasks.add(task));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            waiting.start();
            waiting.join(1_500);
            assertThat(waiting.isAlive()).as("waits while the other process holds the lock").isTrue();
            assertThat(mirror).doesNotExist();
            assertThat(tasks).containsExactly(RepositoryMirrors.WAITING);

            other.getOutputStream().close();  // the other process releases the lock and ends
            waiting.join(30_000);
            assertThat(waiting.isAlive()).isFalse();
            assertThat(failures).isEmpty();
            assertThat(FileKey.isGitRepository(mirror.toFile(), FS.DETECTED)).isTrue();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void waitingForAnotherProcessCanBeCancelled() throws Exception {
        String url = server.url("alice/tool.git");
        Path lockFile = mirrors.lockFile(mirrors.mirrorFolder(url));
        Files.createDirectories(lockFile.getParent());
        Process other = holdLockInAnotherProcess(lockFile);
        try {
            ProgressSink cancelling = new ProgressSink() {
                @Override
                public void update(String task, int done, int total) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> mirrors.prepare(url, null, cancelling))
                    .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
            assertThat(server.requests()).isZero();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    /** A second JVM that locks {@code file} the way another Commit Stats process would, until its stdin closes. */
    private Process holdLockInAnotherProcess(Path file) throws Exception {
        Path source = tmp.resolve("HoldLock.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                             var lock = c.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            while (System.in.read() >= 0) {
                                // held until the test closes our stdin
                            }
                        }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, source.toString(), file.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the other process took the lock").isEqualTo("locked");
        return p;
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static String head(Repository r, String ref) throws IOException {
        Ref found = r.exactRef(ref);
        assertThat(found).as(ref).isNotNull();
        ObjectId id = r.getRefDatabase().peel(found).getPeeledObjectId();
        return (id != null ? id : found.getObjectId()).name();
    }

    /** Every commit reachable from a branch or tag. */
    private static Set<String> reachable(Repository r) throws IOException {
        Set<String> out = new HashSet<>();
        try (RevWalk walk = new RevWalk(r)) {
            for (Ref ref : r.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
                walk.markStart(walk.parseCommit(ref.getObjectId()));
            }
            for (RevCommit c : walk) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static void tag(Repository r, String name, String sha) throws IOException {
        RefUpdate u = r.updateRef(Constants.R_TAGS + name);
        u.setNewObjectId(ObjectId.fromString(sha));
        u.update();
    }

    private static void deleteBranch(Repository r, String ref) throws IOException {
        RefUpdate u = r.updateRef(ref);
        u.setForceUpdate(true);
        assertThat(u.delete()).isIn(RefUpdate.Result.FORCED, RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.NO_CHANGE);
    }
}
