package dev.commitstats.core.mining;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Mines one git repository (bare or not) into {@link CommitFact}s. Thread-safe for one {@code mine} call at a time;
 * the work inside a call is spread over {@link MiningOptions#threads()} threads, each with its own object reader.
 */
public final class RepositoryMiner implements AutoCloseable {

    private RepositoryMiner() {
    }

    /**
     * Opens the repository at {@code path}: a bare repository, a work tree, or its {@code .git} folder.
     *
     * @throws MiningException when {@code path} is not a git repository
     */
    public static RepositoryMiner open(Path path) throws MiningException {
        throw new UnsupportedOperationException("being implemented");
    }

    /** The commit ids that the options' revisions (or branches) point to. */
    public List<String> resolveTips(MiningOptions options) throws MiningException {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Every non-merge commit reachable from the options' tips, whoever wrote it (to find commits a force-push removed). */
    public Set<String> reachableCommits(MiningOptions options) throws MiningException {
        throw new UnsupportedOperationException("being implemented");
    }

    /**
     * Mines every non-merge commit reachable from the options' tips that matches their authors and period, except
     * those {@code alreadyMined} accepts, and hands each fact to {@code sink} on the calling thread (in no particular
     * order). An exception thrown by the sink stops the run and is rethrown.
     */
    public MiningResult mine(MiningOptions options, Predicate<String> alreadyMined, Consumer<CommitFact> sink,
            MiningListener listener) throws MiningException {
        throw new UnsupportedOperationException("being implemented");
    }

    @Override
    public void close() {
    }
}
