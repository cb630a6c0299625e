package dev.commitstats.core.mining;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.commitstats.core.classify.FileClassifier;
import dev.commitstats.core.detect.Detectors;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Mines one git repository (bare or not) into {@link CommitFact}s. One {@code mine} call at a time per instance; the
 * work inside a call is spread over {@link MiningOptions#threads()} threads, each with its own object reader, walk
 * and line counter (JGit's readers and walks are not thread-safe; the repository is).
 */
public final class RepositoryMiner implements AutoCloseable {

    /** Marks the end of the work queue (compared by identity). */
    private static final ObjectId END = ObjectId.zeroId().copy();

    /** The Linguist classifier being loaded, shared by every miner of the JVM; null until mining first starts. */
    private static final AtomicReference<CompletableFuture<FileClassifier>> CLASSIFIER = new AtomicReference<>();

    private final Repository repository;
    private final Path displayPath;
    private final Detectors detectors;

    private RepositoryMiner(Repository repository, Path displayPath) {
        this.repository = repository;
        this.displayPath = displayPath;
        this.detectors = Detectors.standard();
    }

    /**
     * The shared classifier, loaded on a thread of its own: loading the Linguist data costs several hundred
     * milliseconds in a fresh JVM, which then overlaps with walking the history. It starts when mining starts, not
     * when a repository is opened, so that a collection with nothing new never pays for it.
     */
    private static CompletableFuture<FileClassifier> classifierLoading() {
        CompletableFuture<FileClassifier> loading = CLASSIFIER.get();
        if (loading != null) {
            return loading;
        }
        CompletableFuture<FileClassifier> f = new CompletableFuture<>();
        if (!CLASSIFIER.compareAndSet(null, f)) {
            return CLASSIFIER.get();
        }
        Thread t = new Thread(() -> {
            try {
                f.complete(FileClassifier.standard());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "commitstats-classifier-load");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private FileClassifier classifier() {
        return classifierLoading().join();
    }

    /**
     * Opens the repository at {@code path}: a bare repository, a work tree, or its {@code .git} folder. JGit's caches
     * are left as they are: {@link GitCaches#install()} sizes them once for the whole process.
     *
     * @throws MiningException when {@code path} is not a git repository
     */
    public static RepositoryMiner open(Path path) throws MiningException {
        if (!Files.isDirectory(path)) {
            throw new MiningException("not a git repository: " + path + " (no such folder)");
        }
        File dir = path.toFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (new File(dir, Constants.DOT_GIT).exists()) {
            builder.setWorkTree(dir); // the builder follows a ".git" file (worktrees, submodules) too
        } else {
            builder.setGitDir(dir);
        }
        try {
            Repository repo = builder.build();
            if (!repo.getObjectDatabase().exists()) {
                repo.close();
                throw new MiningException("not a git repository: " + path);
            }
            return new RepositoryMiner(repo, path);
        } catch (IOException | IllegalArgumentException e) {
            throw new MiningException("not a git repository: " + path, e);
        }
    }

    /** The commit ids that the options' revisions (or branches) point to, in order, without duplicates. */
    public List<String> resolveTips(MiningOptions options) throws MiningException {
        List<ObjectId> ids = tips(options);
        List<String> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(id.name()));
        return out;
    }

    private List<ObjectId> tips(MiningOptions options) throws MiningException {
        Set<ObjectId> out = new LinkedHashSet<>();
        try {
            if (options.allBranches()) {
                for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                    if (ref.getObjectId() != null) {
                        out.add(peelToCommit(ref.getObjectId(), ref.getName()));
                    }
                }
                if (out.isEmpty() && repository.resolve(Constants.HEAD) != null) {
                    out.add(peelToCommit(repository.resolve(Constants.HEAD), Constants.HEAD));
                }
                return new ArrayList<>(out);
            }
            for (String rev : options.revisions()) {
                ObjectId id;
                try {
                    id = repository.resolve(rev);
                } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
                    id = null;
                }
                if (id == null) {
                    if (Constants.HEAD.equals(rev) && repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).isEmpty()) {
                        continue; // an empty repository has no history, which is not an error
                    }
                    throw new MiningException("unknown revision '" + rev + "' in " + displayPath);
                }
                out.add(peelToCommit(id, rev));
            }
            return new ArrayList<>(out);
        } catch (IOException e) {
            throw new MiningException("cannot read the references of " + displayPath + ": " + e.getMessage(), e);
        }
    }

    private ObjectId peelToCommit(ObjectId id, String name) throws MiningException {
        try (RevWalk rw = new RevWalk(repository)) {
            return rw.parseCommit(id).copy();
        } catch (IncorrectObjectTypeException e) {
            throw new MiningException("revision '" + name + "' in " + displayPath + " is not a commit");
        } catch (MissingObjectException e) {
            throw new MiningException("revision '" + name + "' in " + displayPath + " points to a missing object " + id.name());
        } catch (IOException e) {
            throw new MiningException("cannot read revision '" + name + "' in " + displayPath + ": " + e.getMessage(), e);
        }
    }

    /** Every non-merge commit reachable from the options' tips, whoever wrote it (to find commits a force-push removed). */
    public Set<String> reachableCommits(MiningOptions options) throws MiningException {
        Set<String> out = new HashSet<>();
        walkMatching(options.withAuthors(Set.of()).withPeriod(null, null), c -> out.add(c.name()));
        return out;
    }

    /**
     * Mines every non-merge commit reachable from the options' tips that matches their authors and period, except
     * those {@code alreadyMined} accepts, and hands each fact to {@code sink} on the calling thread (in no particular
     * order). An exception thrown by the sink stops the run and is rethrown.
     *
     * <p>The workers start on the first commit the walk yields: in a fresh JVM the walk alone takes up to a second,
     * which would otherwise leave the other cores idle. The listener hears {@code started} once the walk is done.
     */
    public MiningResult mine(MiningOptions options, Predicate<String> alreadyMined, Consumer<CommitFact> sink,
            MiningListener listener) throws MiningException {
        classifierLoading();
        List<String> tipNames = resolveTips(options);
        BlockingQueue<ObjectId> work = new LinkedBlockingQueue<>();
        BlockingQueue<Object> results = new ArrayBlockingQueue<>(1024);
        AtomicBoolean stop = new AtomicBoolean();
        int threads = Math.max(1, options.threads());
        List<Thread> workers = new ArrayList<>(threads);
        int[] counts = new int[3]; // queued, skipped, done
        try {
            int walked = walkMatching(options, c -> {
                if (alreadyMined.test(c.name())) {
                    counts[1]++;
                    return;
                }
                work.add(c.copy());
                if (counts[0]++ < threads && workers.size() < threads) {
                    startWorker(options, work, results, stop, workers);
                }
                Object r;
                while ((r = results.poll()) != null) { // keep the workers' output flowing during the walk
                    counts[2]++;
                    accept(r, sink);
                }
            });
            work.add(END);
            int total = counts[0];
            listener.started(total);
            int done = counts[2];
            if (done > 0) {
                listener.progress(done, total);
            }
            while (done < total) {
                Object r = results.poll(1, TimeUnit.SECONDS);
                if (r == null) {
                    if (workers.stream().noneMatch(Thread::isAlive) && results.isEmpty()) {
                        throw new MiningException("mining stopped unexpectedly after " + done + " of " + total + " commits");
                    }
                    continue;
                }
                accept(r, sink);
                done++;
                listener.progress(done, total);
            }
            return new MiningResult(tipNames, total, counts[1], walked);
        } catch (WalkAbort e) {
            throw e.cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiningException("mining was interrupted", e);
        } finally {
            stop.set(true);
            work.add(END);
            results.clear();
            for (Thread w : workers) {
                try {
                    w.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Carries a worker's failure out of the walk's visitor. */
    private static final class WalkAbort extends RuntimeException {
        final MiningException cause;

        WalkAbort(MiningException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    private static void accept(Object r, Consumer<CommitFact> sink) {
        if (r instanceof MiningException me) {
            throw new WalkAbort(me);
        }
        sink.accept((CommitFact) r);
    }

    /** Walks with headers parsed, keeping commits whose author and time match. */
    private int walkMatching(MiningOptions options, Consumer<RevCommit> visitor) throws MiningException {
        List<ObjectId> tips = tips(options);
        int walked = 0;
        try (RevWalk rw = new RevWalk(repository)) {
            rw.setRetainBody(true);
            for (ObjectId tip : tips) {
                rw.markStart(rw.parseCommit(tip));
            }
            for (RevCommit c = rw.next(); c != null; c = rw.next()) {
                if (c.getParentCount() > 1) {
                    continue;
                }
                walked++;
                var author = c.getAuthorIdent();
                if (author == null || !options.keepsAuthor(author.getEmailAddress())) {
                    continue;
                }
                var when = author.getWhenAsInstant();
                if ((options.since() != null && when.isBefore(options.since()))
                        || (options.until() != null && when.isAfter(options.until()))) {
                    continue;
                }
                visitor.accept(c);
                c.disposeBody();
            }
            return walked;
        } catch (MissingObjectException e) {
            throw new MiningException("the history of " + displayPath + " is incomplete: missing object "
                    + e.getObjectId().name() + " (a shallow or partial clone, or a corrupt repository)", e);
        } catch (CorruptObjectException e) {
            throw new MiningException("corrupt object in " + displayPath + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MiningException("cannot walk the history of " + displayPath + ": " + e.getMessage(), e);
        }
    }

    private void startWorker(MiningOptions options, BlockingQueue<ObjectId> work, BlockingQueue<Object> results,
            AtomicBoolean stop, List<Thread> workers) {
        Thread worker = new Thread(() -> {
            try (CommitMiner miner = new CommitMiner(repository, this::classifier, detectors, options)) {
                while (!stop.get()) {
                    ObjectId id = work.take();
                    if (id == END) {
                        work.add(END); // for the other workers
                        return;
                    }
                    Object result;
                    try {
                        result = miner.mine(id);
                    } catch (MissingObjectException e) {
                        result = new MiningException("missing object " + e.getObjectId().name() + " in "
                                + displayPath + " while reading commit " + id.name()
                                + " (a partial clone, or a corrupt repository)", e);
                    } catch (IOException | RuntimeException e) {
                        result = new MiningException("cannot read commit " + id.name() + " in " + displayPath
                                + ": " + e.getMessage(), e);
                    }
                    putUninterruptibly(results, result, stop);
                    if (result instanceof MiningException) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "commitstats-miner-" + workers.size());
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
    }

    private static void putUninterruptibly(BlockingQueue<Object> q, Object o, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                if (q.offer(o, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
