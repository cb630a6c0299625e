package dev.commitstats.repos.mirror;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.repos.mirror.MirrorException.Reason;

/**
 * Makes a repository readable on this machine. A local folder is used where it is; a URL is cloned once as a bare
 * mirror into {@code <dataDir>/mirrors/<host>/<path>.git} and fetched incrementally afterwards: all branches and tags,
 * pruned, so force-pushed and deleted branches are reflected. A fetch with nothing new costs one ref advertisement.
 *
 * <p>A clone is made in {@code mirrors/.incoming} and moved into place in one rename, so a killed clone never leaves a
 * folder that looks like a complete mirror. Credentials are passed to git per call and never stored or logged, and
 * only to the server of the URL: a redirect to another host or port does not take the token along.
 *
 * <p>Where a URL may lead is the {@link OutboundPolicy}'s decision: every HTTP connection of a clone or fetch, each
 * redirect included, is opened by it (https only unless the host is allow-listed, the connected address checked
 * before TLS), through a connection factory installed on that one transport, never globally. {@code git://} has no
 * TLS layer to check in, so only allow-listed hosts may use it. {@code file://} URLs and local paths are read as
 * given: they are the admin's and the command line's own sources, which the server never lets other users register.
 *
 * <p>Thread-safe and process-safe: calls for the same mirror are serialised, different mirrors proceed in parallel.
 * Within this JVM a lock per mirror folder, shared by all instances, does it; across processes on one data directory
 * (a server and a {@code commitstats collect}, or two collects) a file lock on {@code mirrors/.locks/<name>.lock},
 * held while cloning or fetching. The lock file lives outside the mirror because a clone moves the whole folder into
 * place, and it is never deleted because another process may be waiting on it. File locks belong to the process (the
 * JVM refuses a second lock on a file it already locks), which is why the in-JVM locks are shared and only their holder
 * takes the file lock. A caller that waits for another process is told through its {@link ProgressSink} and can
 * cancel the wait there.
 */
public final class RepositoryMirrors {

    private static final Logger log = LoggerFactory.getLogger(RepositoryMirrors.class);

    static final String MIRRORS = "mirrors";
    static final String INCOMING = ".incoming";
    static final String LOCKS = ".locks";
    static final String WAITING = "Waiting for another process using this mirror";
    private static final Duration LOCK_POLL = Duration.ofMillis(100);
    private static final String REMOTE = "origin";
    // heads and tags only: hosts also advertise refs/pull/* or refs/merge-requests/*, which are not the user's history
    private static final List<RefSpec> REF_SPECS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));
    private static final int GIT_DAEMON_PORT = 9418;
    private static final Duration STALE_INCOMING = Duration.ofDays(1);
    // one lock per mirror folder for the whole JVM, whichever instance asks: see the class comment
    private static final ConcurrentHashMap<Path, ReentrantLock> FOLDER_LOCKS = new ConcurrentHashMap<>();

    private final Path mirrorsRoot;
    private final Duration timeout;
    private final OutboundPolicy policy;
    private final GuardedHttpConnectionFactory connections;

    /** Mirrors under {@code dataDir/mirrors}, giving up on a silent server after two minutes. */
    public RepositoryMirrors(Path dataDir, OutboundPolicy policy) {
        this(dataDir, Duration.ofMinutes(2), policy);
    }

    /**
     * @param timeout how long a connection may stay silent before the transfer fails (whole seconds, at least one)
     * @param policy  where http(s) and git:// URLs may lead: every connection of a clone or fetch is opened through it
     */
    public RepositoryMirrors(Path dataDir, Duration timeout, OutboundPolicy policy) {
        this.mirrorsRoot = dataDir.toAbsolutePath().normalize().resolve(MIRRORS);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.connections = new GuardedHttpConnectionFactory(policy);
    }

    /**
     * The git directory to read {@code source} from, cloning or fetching first when it is a URL.
     *
     * @param source a local folder (a repository with a work tree, or bare) or a git URL ({@code https://},
     *     {@code http://}, {@code git://}, {@code file://}); SSH addresses ({@code ssh://},
     *     {@code git@host:owner/repo.git}) are refused with {@link Reason#UNSUPPORTED}, naming the https:// URL to use;
     *     a URL the outbound policy forbids with {@link Reason#REFUSED}, naming the host and the allow-list setting
     * @param orNull the token for HTTPS, or null for public repositories (credentials written in the URL are used then)
     * @param progress told how the transfer goes
     * @throws MirrorException with a one-line message for the user, naming the problem
     */
    public Path prepare(String source, @Nullable Credentials orNull, ProgressSink progress) throws MirrorException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(progress, "progress");
        if (isLocal(source)) {
            return localGitDir(source);
        }
        RemoteSource remote = RemoteSource.parse(source);
        refuseWhatThePolicyForbids(remote);
        Credentials credentials = orNull != null ? orNull : remote.userInfo();
        Path target = remote.mirrorFolder(mirrorsRoot);
        ReentrantLock lock = FOLDER_LOCKS.computeIfAbsent(target, t -> new ReentrantLock());
        lock.lock();
        try (HeldFileLock ignored = lockAgainstOtherProcesses(target, remote, progress, lock.getHoldCount() > 1)) {
            if (FileKey.isGitRepository(target.toFile(), FS.DETECTED)) {
                fetch(target, remote, credentials, progress);
            } else {
                if (Files.exists(target)) {
                    // not something we left (clones arrive whole); the folder is ours, so make room
                    log.warn("replacing {}, which is not a git repository", target);
                    deleteQuietly(target);
                }
                cloneInto(target, remote, credentials, progress);
            }
            return target;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether collecting {@code source} would read the server's own files: a local path or a {@code file://} URL.
     * Only the command line and an instance's admin may name such a source.
     */
    public boolean readsServerFiles(String source) {
        if (isLocal(source)) {
            return true;
        }
        try {
            return "file".equals(RemoteSource.parse(source).scheme());
        } catch (MirrorException e) {
            return false;
        }
    }

    /**
     * Refuses, before anything is stored or connected, a source that {@link #prepare} would refuse without trying:
     * a malformed or SSH URL, or one the outbound policy forbids. A local path passes (see
     * {@link #readsServerFiles}).
     *
     * @throws MirrorException with a one-line message for the user
     */
    public void check(String source) throws MirrorException {
        if (!isLocal(source)) {
            refuseWhatThePolicyForbids(RemoteSource.parse(source));
        }
    }

    /**
     * Deletes the mirror of a URL, so that the next {@link #prepare} clones it afresh: the cure for a mirror found
     * corrupt (an object or pack that does not read), and what a deleted repository leaves. A local folder is never
     * touched: it is the user's own. Takes the same locks as {@code prepare}, so no clone or fetch of it is under way
     * meanwhile. Other instances keep their own mirror (mirrors are a per-instance cache).
     *
     * @return whether a mirror was there and is gone
     * @throws MirrorException when the source is not a usable URL or the mirror cannot be locked
     */
    public boolean discard(String source) throws MirrorException {
        if (isLocal(source)) {
            return false;
        }
        RemoteSource remote = RemoteSource.parse(source);
        Path target = remote.mirrorFolder(mirrorsRoot);
        ReentrantLock lock = FOLDER_LOCKS.computeIfAbsent(target, t -> new ReentrantLock());
        lock.lock();
        try (HeldFileLock ignored = lockAgainstOtherProcesses(target, remote, ProgressSink.NONE,
                lock.getHoldCount() > 1)) {
            if (!Files.exists(target)) {
                return false;
            }
            org.eclipse.jgit.lib.RepositoryCache.unregister(FileKey.exact(target.toFile(), FS.DETECTED));
            deleteQuietly(target);
            return !Files.exists(target);
        } finally {
            lock.unlock();
        }
    }

    /**
     * How a source is recorded: a local path made absolute, or a URL without any user name or password in it, so
     * that the same repository is recognised on the next run and no credential is ever stored.
     */
    public String storableSource(String source) throws MirrorException {
        if (isLocal(source)) {
            return Path.of(source.startsWith("file://") ? source.substring("file://".length()) : source)
                    .toAbsolutePath().normalize().toString();
        }
        return RemoteSource.parse(source).url();
    }

    /**
     * The credentials written into a URL ({@code https://user:token@host/...}), for the run that was given it: they
     * are never stored, so a later run without them fetches without credentials.
     */
    public Optional<Credentials> credentialsIn(String source) {
        if (isLocal(source)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(RemoteSource.parse(source).userInfo());
        } catch (MirrorException e) {
            return Optional.empty();
        }
    }

    /** A name to show: "owner/repo" for a URL, the folder name for a local path. */
    public String describe(String source) {
        if (isLocal(source)) {
            Path p = Path.of(source).toAbsolutePath().normalize();
            Path name = p.getFileName();
            if (name != null && name.toString().equals(Constants.DOT_GIT) && p.getParent() != null) {
                name = p.getParent().getFileName();
            }
            if (name == null) {
                return p.toString();
            }
            String n = name.toString();
            return n.endsWith(Constants.DOT_GIT_EXT) && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
        }
        try {
            return RemoteSource.parse(source).displayName();
        } catch (MirrorException e) {
            return RemoteSource.redact(source);
        }
    }

    /** Where a repository comes from: {@code local} for a path (or {@code file://} URL), else the host, e.g. {@code github.com}. */
    public String provider(String source) {
        if (isLocal(source)) {
            return "local";
        }
        try {
            return RemoteSource.parse(source).provider();
        } catch (MirrorException e) {
            return "unknown";
        }
    }

    /** The folder a URL's mirror lives in (whether or not it exists yet). */
    Path mirrorFolder(String url) throws MirrorException {
        return RemoteSource.parse(url).mirrorFolder(mirrorsRoot);
    }

    /**
     * The file locked while a mirror is cloned or fetched: {@code mirrors/.locks/<folder name>-<hash>.lock}, one flat
     * folder, so that no lock file can be mistaken for, or stand in the way of, a mirror or a folder on its path.
     */
    Path lockFile(Path mirror) {
        String relative = mirrorsRoot.relativize(mirror).toString().replace('\\', '/');
        return mirrorsRoot.resolve(LOCKS).resolve(mirror.getFileName() + "-" + RemoteSource.shortHash(relative) + ".lock");
    }

    /**
     * Waits until no other process clones or fetches {@code mirror}, then holds its file lock until closed. Polls
     * rather than blocks, so that the caller can cancel through {@code progress} while another process transfers.
     *
     * @param reentered the calling thread already holds the lock (a progress sink that mirrors the same URL again)
     */
    private HeldFileLock lockAgainstOtherProcesses(Path mirror, RemoteSource remote, ProgressSink progress,
            boolean reentered) throws MirrorException {
        if (reentered) {
            return HeldFileLock.NONE;
        }
        Path file = lockFile(mirror);
        FileChannel channel = null;
        boolean held = false;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean told = false;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;  // this JVM holds it under another path to the same data dir (a symbolic link)
                }
                if (lock != null) {
                    held = true;
                    return new HeldFileLock(channel);
                }
                if (!told) {
                    log.info("waiting for another process using the mirror of {}", remote.url());
                    progress.update(WAITING, 0, 0);
                    told = true;
                }
                if (progress.cancelled()) {
                    throw new MirrorException(Reason.CANCELLED, "cancelled while mirroring " + remote.url());
                }
                Thread.sleep(LOCK_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Reason.CANCELLED, "cancelled while mirroring " + remote.url(), e);
        } catch (IOException e) {
            throw new MirrorException(Reason.FAILED, "cannot lock the mirror of " + remote.url() + ": " + e.getMessage(), e);
        } finally {
            if (!held) {
                closeQuietly(channel);
            }
        }
    }

    /** A held mirror file lock; closing the channel releases it. */
    private record HeldFileLock(@Nullable FileChannel channel) implements AutoCloseable {
        static final HeldFileLock NONE = new HeldFileLock(null);

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("cannot close a mirror lock: {}", e.toString());  // closing releases the lock regardless
            }
        }
    }

    private static boolean isLocal(String source) {
        if (!RemoteSource.looksLikeUrl(source)) {
            return true;
        }
        // "host:path" is also a legal folder name; an existing folder wins, as it does for git
        return !source.contains("://") && Files.isDirectory(Path.of(source));
    }

    private static Path localGitDir(String source) throws MirrorException {
        Path dir;
        try {
            dir = Path.of(source).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new MirrorException(Reason.NOT_A_REPOSITORY, "not a valid path: " + source);
        }
        if (!Files.exists(dir)) {
            throw new MirrorException(Reason.NOT_FOUND, "no such folder: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new MirrorException(Reason.NOT_A_REPOSITORY, "not a git repository (not a folder): " + dir);
        }
        if (FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
            return dir;
        }
        Path dotGit = dir.resolve(Constants.DOT_GIT);
        if (Files.isDirectory(dotGit) && FileKey.isGitRepository(dotGit.toFile(), FS.DETECTED)) {
            return dotGit;
        }
        if (Files.isRegularFile(dotGit)) {
            // a linked work tree or a submodule: .git is a file naming the git directory
            try (Repository r = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build()) {
                return r.getDirectory().toPath();
            } catch (IOException | RuntimeException e) {
                // falls through to the message below
            }
        }
        throw new MirrorException(Reason.NOT_A_REPOSITORY, "not a git repository: " + dir);
    }

    private void cloneInto(Path target, RemoteSource remote, @Nullable Credentials credentials, ProgressSink progress)
            throws MirrorException {
        Path incoming = mirrorsRoot.resolve(INCOMING);
        Path tmp;
        try {
            Files.createDirectories(incoming);
            removeStale(incoming);
            tmp = Files.createTempDirectory(incoming, target.getFileName().toString() + "-");
        } catch (IOException e) {
            throw new MirrorException(Reason.FAILED, "cannot create the mirrors folder " + incoming + ": " + e.getMessage(), e);
        }
        boolean moved = false;
        try {
            long start = System.nanoTime();
            try (Git git = Git.init().setBare(true).setGitDir(tmp.toFile()).setInitialBranch("main").call()) {
                Repository repo = git.getRepository();
                StoredConfig config = repo.getConfig();
                config.setBoolean("core", null, "logAllRefUpdates", false);
                config.save();
                FetchResult result = fetch(git, remote, credentials, progress);
                pointHeadAtDefaultBranch(repo, result);
            }
            Files.createDirectories(target.getParent());
            moveIntoPlace(tmp, target);
            moved = true;
            log.info("cloned mirror of {} in {} ms", remote.url(), (System.nanoTime() - start) / 1_000_000);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another process finished the same clone first (possible only where file locks do not work, as on
            // some network file systems); its mirror is as good as ours
            if (!FileKey.isGitRepository(target.toFile(), FS.DETECTED)) {
                throw new MirrorException(Reason.FAILED, "cannot store the mirror of " + remote.url() + ": "
                        + target + " is in the way", e);
            }
            log.debug("mirror of {} appeared while cloning", remote.url());
        } catch (IOException e) {
            throw new MirrorException(Reason.FAILED, "cannot store the mirror of " + remote.url() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            if (e instanceof MirrorException m) {
                throw m;
            }
            throw TransferFailures.classify(e, remote, credentials);
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // .incoming is inside the mirrors folder, so this only happens on exotic file systems
            throw new IOException("the file system cannot rename " + tmp + " atomically", e);
        }
    }

    private void fetch(Path gitDir, RemoteSource remote, @Nullable Credentials credentials, ProgressSink progress)
            throws MirrorException {
        try (Git git = Git.open(gitDir.toFile())) {
            long start = System.nanoTime();
            FetchResult result = fetch(git, remote, credentials, progress);
            log.debug("fetched {} ({} refs updated) in {} ms", remote.url(), result.getTrackingRefUpdates().size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (MirrorException e) {
            throw e;
        } catch (Exception e) {
            throw TransferFailures.classify(e, remote, credentials);
        }
    }

    private FetchResult fetch(Git git, RemoteSource remote, @Nullable Credentials credentials, ProgressSink progress)
            throws Exception {
        StoredConfig config = git.getRepository().getConfig();
        // the URL without credentials is stored, so the mirror can be inspected with git; it is refreshed on every
        // fetch in case the user changed http to https
        if (!remote.url().equals(config.getString("remote", REMOTE, "url"))) {
            config.setString("remote", REMOTE, "url", remote.url());
            config.setStringList("remote", REMOTE, "fetch", REF_SPECS.stream().map(RefSpec::toString).toList());
            config.setString("remote", REMOTE, "tagopt", "--no-tags");
            config.save();
        }
        HostBoundCredentials token = credentials == null ? null : new HostBoundCredentials(credentials, remote);
        FetchResult result;
        try {
            result = git.fetch()
                    .setRemote(REMOTE)
                    .setRefSpecs(REF_SPECS)
                    .setRemoveDeletedRefs(true)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setForceUpdate(true)
                    .setTimeout((int) Math.max(1, timeout.toSeconds()))
                    .setCredentialsProvider(token)
                    .setProgressMonitor(new TransferProgress(progress))
                    .setTransportConfigCallback(connections.installOn())
                    .call();
        } catch (Exception e) {
            String redirectedTo = token == null ? null : token.withheldFrom();
            if (redirectedTo != null) {
                throw new MirrorException(Reason.AUTHENTICATION_FAILED, "authentication failed for " + remote.url()
                        + ": it redirected to " + redirectedTo + ", and the token is only sent to "
                        + remote.authority(), e);
            }
            throw e;
        } finally {
            if (token != null) {
                token.clear();
            }
        }
        if (progress.cancelled()) {
            throw new MirrorException(Reason.CANCELLED, "cancelled while mirroring " + remote.url());
        }
        for (TrackingRefUpdate u : result.getTrackingRefUpdates()) {
            switch (u.getResult()) {
                case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH, REJECTED_MISSING_OBJECT, REJECTED_OTHER_REASON,
                        IO_FAILURE -> throw new MirrorException(Reason.FAILED, "cannot update " + u.getLocalName()
                                + " in the mirror of " + remote.url() + ": " + u.getResult());
                default -> { }
            }
        }
        return result;
    }

    /**
     * Checks what can be checked before anything is created or connected: an http(s) URL's scheme and literal address
     * against the outbound policy (the connected address is checked again on every connection), and that a
     * {@code git://} host is allow-listed, as that protocol has no TLS to check a connection in. {@code file://}
     * URLs pass: like local paths they are the admin's and the command line's own sources (the server never lets
     * other users register them).
     */
    private void refuseWhatThePolicyForbids(RemoteSource remote) throws MirrorException {
        switch (remote.scheme()) {
            case "http", "https" -> {
                try {
                    policy.checkUrl(new URI(remote.scheme(), null, remote.host(), remote.port(), null, null, null));
                } catch (OutboundPolicy.RefusedException e) {
                    throw new MirrorException(Reason.REFUSED, TransferFailures.refusedMessage(remote.url(), e.getMessage()));
                } catch (URISyntaxException e) {
                    throw new MirrorException(Reason.NOT_A_REPOSITORY, "not a valid git URL: " + remote.url());
                }
            }
            case "git" -> {
                int port = remote.port() > 0 ? remote.port() : GIT_DAEMON_PORT;
                if (!policy.allowListed(remote.host(), port)) {
                    throw new MirrorException(Reason.REFUSED, TransferFailures.refusedMessage(remote.url(),
                            "git:// is refused for " + remote.host()
                            + ": use https (an admin can allow it with COMMITSTATS_PROVIDERS_ALLOWED_HOSTS)"));
                }
            }
            default -> { }
        }
    }

    /** A bare mirror's HEAD names the default branch, as the remote's does, so readers can start from it. */
    private static void pointHeadAtDefaultBranch(Repository repo, FetchResult result) throws IOException {
        Ref head = result.getAdvertisedRef(Constants.HEAD);
        String branch = null;
        if (head != null && head.isSymbolic()) {
            branch = head.getTarget().getName();
        } else if (head != null && head.getObjectId() != null) {
            for (Ref r : result.getAdvertisedRefs()) {
                if (r.getName().startsWith(Constants.R_HEADS) && head.getObjectId().equals(r.getObjectId())) {
                    branch = r.getName();
                    break;
                }
            }
        }
        if (branch == null || repo.exactRef(branch) == null) {
            return;
        }
        RefUpdate u = repo.getRefDatabase().newUpdate(Constants.HEAD, false);
        u.disableRefLog();
        u.link(branch);
    }

    private static void removeStale(Path incoming) {
        Instant cutoff = Instant.now().minus(STALE_INCOMING);
        try (Stream<Path> entries = Files.list(incoming)) {
            entries.forEach(p -> {
                try {
                    FileTime modified = Files.getLastModifiedTime(p);
                    if (modified.toInstant().isBefore(cutoff)) {
                        deleteQuietly(p);
                    }
                } catch (IOException e) {
                    // another process removed it
                }
            });
        } catch (IOException e) {
            log.debug("cannot list {}: {}", incoming, e.toString());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", dir, e.toString());
        }
    }
}
