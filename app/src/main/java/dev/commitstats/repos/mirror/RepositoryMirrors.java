package dev.commitstats.repos.mirror;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.commitstats.repos.mirror.MirrorException.Reason;

/**
 * Makes a repository readable on this machine. A local folder is used where it is; a URL is cloned once as a bare
 * mirror into {@code <dataDir>/mirrors/<host>/<path>.git} and fetched incrementally afterwards: all branches and tags,
 * pruned, so force-pushed and deleted branches are reflected. A fetch with nothing new costs one ref advertisement.
 *
 * <p>A clone is made in {@code mirrors/.incoming} and moved into place in one rename, so a killed clone never leaves a
 * folder that looks like a complete mirror. Credentials are passed to git per call and never stored or logged.
 *
 * <p>Thread-safe: calls for the same mirror are serialised, different mirrors proceed in parallel. Two processes
 * sharing a data directory are kept apart by the server lock, not here.
 */
public final class RepositoryMirrors {

    private static final Logger log = LoggerFactory.getLogger(RepositoryMirrors.class);

    static final String MIRRORS = "mirrors";
    static final String INCOMING = ".incoming";
    private static final String REMOTE = "origin";
    // heads and tags only: hosts also advertise refs/pull/* or refs/merge-requests/*, which are not the user's history
    private static final List<RefSpec> REF_SPECS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));
    private static final Duration STALE_INCOMING = Duration.ofDays(1);

    private final Path mirrorsRoot;
    private final Duration timeout;
    private final ConcurrentHashMap<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Mirrors under {@code dataDir/mirrors}, giving up on a silent server after two minutes. */
    public RepositoryMirrors(Path dataDir) {
        this(dataDir, Duration.ofMinutes(2));
    }

    /** @param timeout how long a connection may stay silent before the transfer fails (whole seconds, at least one) */
    public RepositoryMirrors(Path dataDir, Duration timeout) {
        this.mirrorsRoot = dataDir.toAbsolutePath().normalize().resolve(MIRRORS);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The git directory to read {@code source} from, cloning or fetching first when it is a URL.
     *
     * @param source a local folder (a repository with a work tree, or bare) or a git URL ({@code https://},
     *     {@code http://}, {@code git://}, {@code file://}); SSH addresses ({@code ssh://},
     *     {@code git@host:owner/repo.git}) are refused with {@link Reason#UNSUPPORTED}, naming the https:// URL to use
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
        Credentials credentials = orNull != null ? orNull : remote.userInfo();
        Path target = remote.mirrorFolder(mirrorsRoot);
        ReentrantLock lock = locks.computeIfAbsent(target, t -> new ReentrantLock());
        lock.lock();
        try {
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
            // another process finished the same clone first; its mirror is as good as ours
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
            throw TransferFailures.classify(e, remote.url(), credentials);
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
            throw TransferFailures.classify(e, remote.url(), credentials);
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
        FetchResult result = git.fetch()
                .setRemote(REMOTE)
                .setRefSpecs(REF_SPECS)
                .setRemoveDeletedRefs(true)
                .setTagOpt(TagOpt.NO_TAGS)
                .setForceUpdate(true)
                .setTimeout((int) Math.max(1, timeout.toSeconds()))
                .setCredentialsProvider(credentials == null ? null
                        : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token()))
                .setProgressMonitor(new TransferProgress(progress))
                .call();
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
