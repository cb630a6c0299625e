package dev.commitstats.core.mining;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import org.jspecify.annotations.Nullable;

/**
 * Mines one git repository (bare or not) into {@link CommitFact}s. One {@code mine} call at a time per instance; the
 * work inside a call is spread over at most {@link MiningOptions#threads()} tasks run by an executor, each with its
 * own object reader, walk and line counter (JGit's readers and walks are not thread-safe; the repository is). The
 * caller owns the instance and closes it, which it may do as soon as {@code mine} returns.
 */
public final class RepositoryMiner implements AutoCloseable {

    /** Marks the end of the work queue (compared by identity). */
    private static final ObjectId END = ObjectId.zeroId().copy();

    /** The Linguist classifier, loaded once and shared by every miner of the JVM; null until mining first starts. */
    private static final AtomicReference<@Nullable CompletableFuture<FileClassifier>> CLASSIFIER =
            new AtomicReference<>();

    private final Repository repository;
    private final Path displayPath;
    private final Detectors detectors;

    private RepositoryMiner(Repository repository, Path displayPath) {
        this.repository = repository;
        this.displayPath = displayPath;
        this.detectors = Detectors.standard();
    }

    /**
     * Starts loading the shared classifier on the calling worker unless some thread of the JVM already has: loading
     * the Linguist data costs several hundred milliseconds in a fresh JVM, which the first worker spends while the
     * calling thread is still walking the history and the other workers diff their first commits. It is loaded when
     * mining first starts, not when a repository is opened, so that a collection with nothing new never pays for it;
     * and by a worker rather than a thread of its own, so that mining creates no thread.
     */
    private static void loadClassifierIfFirst() {
        if (CLASSIFIER.get() != null) {
            return;
        }
        CompletableFuture<FileClassifier> f = new CompletableFuture<>();
        if (CLASSIFIER.compareAndSet(null, f)) {
            try {
                f.complete(FileClassifier.standard());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }
    }

    /** The shared classifier, waiting while another worker loads it (never a queued task: the loader is running). */
    private static FileClassifier classifier() {
        loadClassifierIfFirst();
        return Objects.requireNonNull(CLASSIFIER.get(), "set by loadClassifierIfFirst").join();
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
            throw new MiningException("revision '" + name + "' in " + displayPath + " points to a missing object "
                    + id.name(), e);
        } catch (IOException e) {
            throw new MiningException("cannot read revision '" + name + "' in " + displayPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every non-merge commit reachable from the options' tips, whoever wrote it and whether or not it is skipped (to
     * find commits a force-push removed).
     */
    public Set<String> reachableCommits(MiningOptions options) throws MiningException {
        Set<String> out = new HashSet<>();
        walkMatching(options.withPeriod(null, null).withSkips(SkipRules.NONE), tips(options), AuthorFilter.everyone(),
                c -> out.add(c.name()));
        return out;
    }

    /**
     * Whose commits the run keeps: the options' authors, and the authors that the repository's {@code .mailmap} maps
     * to them. The mailmap is read as git reads it in a bare repository ({@code mailmap.blob}'s default,
     * {@code HEAD:.mailmap}): from the tree of the commit HEAD names, or of the first tip when HEAD names none (an
     * unborn default branch), whichever revisions are walked. A work tree's uncommitted {@code .mailmap} and the
     * repository's {@code mailmap.file} and {@code mailmap.blob} settings are not read: what is mined depends on the
     * repository's commits alone.
     */
    private AuthorFilter authors(MiningOptions options, List<ObjectId> tips) throws MiningException {
        if (options.authorEmails().isEmpty()) {
            return AuthorFilter.everyone(); // nothing to map to
        }
        try (RevWalk rw = new RevWalk(repository)) {
            RevCommit at = null;
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head != null) {
                try {
                    at = rw.parseCommit(head);
                } catch (IncorrectObjectTypeException e) {
                    // a HEAD that names a tree or a blob: take the mailmap of the history that is walked
                }
            }
            if (at == null && !tips.isEmpty()) {
                at = rw.parseCommit(tips.get(0));
            }
            return AuthorFilter.of(options, at == null ? Mailmap.EMPTY : Mailmap.read(rw.getObjectReader(), at.getTree()));
        } catch (IOException | RevisionSyntaxException e) {
            throw new MiningException("cannot read the .mailmap of " + displayPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Mines as {@link #mine(MiningOptions, Predicate, Consumer, MiningListener, Executor)} does, on a pool of
     * {@link MiningOptions#threads()} threads made for this call ({@link MiningWorkers#pool(int)}) and shut down at
     * its end. For a process that mines once, such as the stats command; a server passes its own shared pool.
     */
    public MiningResult mine(MiningOptions options, Predicate<String> alreadyMined, Consumer<CommitFact> sink,
            MiningListener listener) throws MiningException {
        ExecutorService pool = MiningWorkers.pool(options.threads());
        try {
            return mine(options, alreadyMined, sink, listener, pool);
        } finally {
            pool.shutdown(); // every task has finished or returns at once: the threads end
        }
    }

    /**
     * Mines every non-merge commit reachable from the options' tips that matches their authors and period, except
     * those {@code alreadyMined} accepts, and hands each fact to {@code sink} on the calling thread (in no particular
     * order). An exception thrown by the sink stops the run and is rethrown. A commit matches the authors when its
     * author email is one of theirs or the repository's {@code .mailmap} (at HEAD) maps its author to one of theirs;
     * its fact then records the email it matched by ({@link CommitFact#authorEmail()}). In honest mode the options'
     * {@link SkipRules} leave out skipped commits (no fact) and skipped paths (as if not in the commit).
     *
     * <p>The calling thread walks the history and delivers the facts; the commits are mined by at most
     * {@link MiningOptions#threads()} tasks submitted to {@code workers}, and this method creates no thread. The
     * tasks are submitted on the first commits the walk yields: in a fresh JVM the walk alone takes up to a second,
     * which would otherwise leave the other cores idle. The listener hears {@code started} once the walk is done.
     *
     * <p>{@code workers} may be shared by any number of calls, as a server bounds its mining threads with one
     * {@link MiningWorkers#pool(int)}: while its threads are busy with other calls, this call's tasks wait in its
     * queue and the call goes on when a thread frees. The call therefore must not run on a thread of {@code workers}
     * (with all of them calling, none would be left to mine). When it returns or throws, every task it submitted has
     * either finished or will return at once, without touching the repository, when the executor gets to it: the
     * repository may be closed right away.
     *
     * @throws MiningException when the history cannot be read, a commit cannot be mined, the calling thread is
     *         interrupted, {@code workers} rejects a task or runs it on the calling thread, or the tasks end before
     *         every commit is mined (an executor shut down with {@code shutdownNow}, an {@link Error} in a task)
     */
    public MiningResult mine(MiningOptions options, Predicate<String> alreadyMined, Consumer<CommitFact> sink,
            MiningListener listener, Executor workers) throws MiningException {
        List<ObjectId> tips = tips(options);
        List<String> tipNames = new ArrayList<>(tips.size());
        tips.forEach(id -> tipNames.add(id.name()));
        AuthorFilter authors = authors(options, tips);
        WorkerTasks tasks = new WorkerTasks();
        int threads = Math.max(1, options.threads());
        int[] counts = new int[3]; // queued, skipped, done
        try {
            int walked = walkMatching(options, tips, authors, c -> {
                if (alreadyMined.test(c.name())) {
                    counts[1]++;
                    return;
                }
                tasks.work.add(c.copy());
                if (counts[0]++ < threads) {
                    submitWorker(options, authors, tasks, workers);
                }
                Object r;
                while ((r = tasks.results.poll()) != null) { // keep the workers' output flowing during the walk
                    counts[2]++;
                    accept(r, sink);
                }
            });
            tasks.work.add(END);
            int total = counts[0];
            listener.started(total);
            int done = counts[2];
            if (done > 0) {
                listener.progress(done, total);
            }
            while (done < total) {
                Object r = tasks.results.poll(1, TimeUnit.SECONDS);
                if (r == null) {
                    // a task still waiting in the executor's queue is not over; one the executor dropped is
                    if (tasks.allOver(workers) && tasks.results.isEmpty()) {
                        throw new MiningException("mining stopped unexpectedly after " + done + " of " + total
                                + " commits (its worker tasks ended, or their executor was shut down)");
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
            tasks.stopAndAwaitRunning();
        }
    }

    /**
     * The worker tasks of one {@code mine} call and what they share: the work queue, the results queue and the stop
     * flag. A task checks the flag under this object's lock before it touches anything, so that once
     * {@link #stopAndAwaitRunning()} has returned, no task of the call runs or will run against the repository.
     */
    private static final class WorkerTasks {
        final BlockingQueue<ObjectId> work = new LinkedBlockingQueue<>();
        final BlockingQueue<Object> results = new ArrayBlockingQueue<>(1024);
        /** Read without the lock between commits; set under it. */
        final AtomicBoolean stop = new AtomicBoolean();
        private final Thread caller = Thread.currentThread();
        private int submitted; // accepted by the executor
        private int running;   // started and not yet returned
        private int over;      // returned, after mining or at once
        private boolean ranOnCaller;

        synchronized void submitting() {
            submitted++;
        }

        synchronized void rejected() {
            submitted--;
        }

        /** Whether the executor ran a task on the calling thread (a direct executor, or a caller-runs policy). */
        synchronized boolean ranOnCaller() {
            return ranOnCaller;
        }

        /** Called first by every task: false when it must return at once, touching nothing. */
        synchronized boolean enter() {
            if (Thread.currentThread() == caller) {
                // the task would wait for work that only this very thread can queue
                ranOnCaller = true;
                over++;
                return false;
            }
            if (stop.get()) {
                over++;
                return false;
            }
            running++;
            return true;
        }

        synchronized void exit() {
            running--;
            over++;
            notifyAll();
        }

        /**
         * Whether no task is left to deliver results: all have returned, or the executor has terminated (so the
         * tasks it never started, which {@code shutdownNow} drops, never will). Read before the results queue is
         * checked: a task delivers its last result before it returns.
         */
        synchronized boolean allOver(Executor workers) {
            return over == submitted || (workers instanceof ExecutorService es && es.isTerminated());
        }

        /**
         * Stops the tasks and waits until none is running: a task between two commits returns, one in a commit
         * finishes it first (bounded: mining a commit never waits for anything), one not started yet will return
         * at once. Waits through interrupts, which it then restores, because the caller may close the repository
         * next.
         */
        void stopAndAwaitRunning() {
            boolean interrupted = false;
            synchronized (this) {
                stop.set(true);
                work.add(END); // wakes the tasks waiting for work
                results.clear(); // and those waiting for room to deliver
                while (running > 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
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

    /** Walks from {@code tips} with headers parsed, keeping commits whose author and time match. */
    private int walkMatching(MiningOptions options, List<ObjectId> tips, AuthorFilter authors,
            Consumer<RevCommit> visitor) throws MiningException {
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
                if (author == null || authors.keptEmail(author.getName(), author.getEmailAddress()) == null) {
                    continue;
                }
                if (!options.keepsCommit(c)) {
                    continue; // the owner set it aside: as if it were not the author's
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

    /** Hands one more worker task to the executor; throws {@link WalkAbort} when it cannot run there. */
    private void submitWorker(MiningOptions options, AuthorFilter authors, WorkerTasks tasks, Executor workers) {
        tasks.submitting();
        try {
            workers.execute(() -> work(options, authors, tasks));
        } catch (RejectedExecutionException e) {
            tasks.rejected();
            throw new WalkAbort(new MiningException("cannot mine " + displayPath
                    + ": the mining executor rejected a worker task (it is shut down, or its queue is full)", e));
        }
        if (tasks.ranOnCaller()) {
            throw new WalkAbort(new MiningException("cannot mine " + displayPath + ": the mining executor ran a worker"
                    + " task on the calling thread; mining needs an executor with threads of its own"));
        }
    }

    /** One worker task: mines queued commits until the end of the queue, a failure or the stop flag. */
    private void work(MiningOptions options, AuthorFilter authors, WorkerTasks tasks) {
        if (!tasks.enter()) {
            return; // the call is over (or this is its own thread): the repository may be closed already
        }
        try {
            loadClassifierIfFirst();
            try (CommitMiner miner = new CommitMiner(repository, RepositoryMiner::classifier, detectors, options,
                    authors)) {
                while (!tasks.stop.get()) {
                    ObjectId id = tasks.work.take();
                    if (id == END) {
                        tasks.work.add(END); // for the other workers
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
                    putUninterruptibly(tasks.results, result, tasks.stop);
                    if (result instanceof MiningException) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            tasks.exit();
        }
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
