package dev.commitstats.core.mining;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.classify.Exclusion;
import dev.commitstats.core.classify.FileClass;
import dev.commitstats.core.diff.LineDiffCounter;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.SimilarityIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.jspecify.annotations.Nullable;

/**
 * Finds, in one commit, the added files that copy a file modified or deleted in the same commit, as git's
 * {@code -C50%} does, and has {@link CommitMiner#copy} count them. One instance per commit, fed every changed path in
 * order by {@link CommitMiner}: sources are the pre-images of modified and deleted regular files (deleted files that
 * are already the source of a rename included, as in git); destinations are the added regular files that are not the
 * new half of a rename.
 *
 * <p>An added file whose blob is the pre-image of a source is a copy at once (identical content, found from the tree
 * entries alone). The others take, once every source is loaded (at once when they come after the last source in tree
 * order, else they wait for it), the most similar source by JGit's {@link SimilarityIndex} (the measure of its rename
 * detection, an estimate of git's), at {@link CommitMiner#RENAME_SCORE} or more; files whose sizes alone rule that out
 * are never hashed. The comparison by content is skipped, leaving identical copies only, when the commit has more
 * than {@link CommitMiner#COPY_LIMIT} sources or destinations, or when the sources and waiting added files it would
 * keep in memory exceed {@link CommitMiner#COPY_BYTES_BUDGET} bytes.
 */
final class CopyFinder {

    private static final byte SOURCE = 1;
    private static final byte DESTINATION = 2;

    private final CommitMiner miner;
    /** Per changed path (index in the commit's entries): {@link #SOURCE}, {@link #DESTINATION} or 0. */
    private final byte[] roles;
    /** Path of the first source per pre-image blob. */
    private final Map<ObjectId, String> sourceByBlob;
    /** Index of the last source: added files after it need not wait. */
    private final int lastSource;
    private boolean byContent;
    private long retainedBytes;
    private final List<Source> sources = new ArrayList<>();
    private final List<Destination> waiting = new ArrayList<>();

    private CopyFinder(CommitMiner miner, byte[] roles, Map<ObjectId, String> sourceByBlob, int lastSource,
            boolean byContent) {
        this.miner = miner;
        this.roles = roles;
        this.sourceByBlob = sourceByBlob;
        this.lastSource = lastSource;
        this.byContent = byContent;
    }

    /**
     * The copy finder for a commit's entries ({@code types} their change types before rename detection), or null when
     * the commit has no possible source or no possible destination.
     */
    static @Nullable CopyFinder of(CommitMiner miner, List<DiffEntry> entries, DiffEntry.ChangeType[] types,
            Map<String, String> renamedFrom) {
        byte[] roles = new byte[types.length];
        int sourceCount = 0;
        int destinationCount = 0;
        for (int i = 0; i < types.length; i++) {
            DiffEntry e = entries.get(i);
            if ((types[i] == DiffEntry.ChangeType.MODIFY || types[i] == DiffEntry.ChangeType.DELETE)
                    && isFile(e.getOldMode())) {
                roles[i] = SOURCE;
                sourceCount++;
            } else if (types[i] == DiffEntry.ChangeType.ADD && isFile(e.getNewMode())
                    && !renamedFrom.containsKey(e.getNewPath())) {
                roles[i] = DESTINATION;
                destinationCount++;
            }
        }
        if (sourceCount == 0 || destinationCount == 0) {
            return null;
        }
        Map<ObjectId, String> byBlob = new HashMap<>();
        int last = -1;
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] == SOURCE) {
                byBlob.putIfAbsent(entries.get(i).getOldId().toObjectId(), entries.get(i).getOldPath());
                last = i;
            }
        }
        return new CopyFinder(miner, roles, byBlob, last,
                Math.max(sourceCount, destinationCount) <= CommitMiner.COPY_LIMIT);
    }

    /** Regular and executable files; git pairs no symlink or submodule with a file either. */
    private static boolean isFile(FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    /**
     * Keeps the pre-image of entry {@code index} when it is a source worth comparing by content; after the last source,
     * pairs the added files that waited for it.
     */
    void offerSource(int index, CommitMiner.FileChange fc, CommitMiner.Accounting acc) throws IOException {
        if (roles[index] != SOURCE || !byContent) {
            return;
        }
        byte[] pre = fc.oldData;
        // git pairs no empty file, and a binary source cannot give a copy any line
        if (pre.length > 0 && !LineDiffCounter.isBinary(pre, pre.length) && retain(pre.length, acc)) {
            sources.add(new Source(fc.path, pre));
        }
        if (index == lastSource) {
            for (Destination d : waiting) {
                match(d, acc);
            }
            waiting.clear();
        }
    }

    /**
     * Counts {@code bytes} more kept in memory; over the budget, gives up comparing by content for this commit (what
     * waited for a source counts as written, identical copies are still found) and returns false.
     */
    private boolean retain(long bytes, CommitMiner.Accounting acc) {
        retainedBytes += bytes;
        if (retainedBytes <= CommitMiner.COPY_BYTES_BUDGET) {
            return true;
        }
        byContent = false;
        sources.clear();
        for (Destination d : waiting) {
            acc.addHonest(d.fc, d.cls);
        }
        waiting.clear();
        return false;
    }

    /**
     * Takes entry {@code index} when it is a possible copy: counts it now (identical to a source, nothing to find, or
     * every source already seen) or keeps it until the last source is offered. Returns false for any other entry,
     * which the caller counts.
     */
    boolean offerDestination(int index, DiffEntry e, CommitMiner.FileChange fc, CommitMiner.Accounting acc)
            throws IOException {
        if (roles[index] != DESTINATION) {
            return false;
        }
        FileClass cls = miner.classify(fc);
        if (fc.binary || fc.newData.length == 0 || cls.exclusion() != Exclusion.NONE) {
            acc.addHonest(fc, cls); // counted as without copy detection
            return true;
        }
        String exact = sourceByBlob.get(e.getNewId().toObjectId());
        if (exact != null) {
            miner.copy(acc, exact, fc.newData, miner.classify(exact, fc.newData), fc, cls, 100);
        } else if (byContent && index > lastSource) {
            match(new Destination(fc, cls), acc);
        } else if (byContent && retain(fc.newData.length, acc)) {
            waiting.add(new Destination(fc, cls));
        } else {
            acc.addHonest(fc, cls);
        }
        return true;
    }

    /** Counts what still waits (nothing, once the last source was offered) and lets go of the sources. */
    void finish(CommitMiner.Accounting acc) throws IOException {
        for (Destination d : waiting) {
            match(d, acc);
        }
        waiting.clear();
        sources.clear();
    }

    /** Counts {@code d} as a copy of its most similar source, or as written when none is similar enough. */
    private void match(Destination d, CommitMiner.Accounting acc) throws IOException {
        byte[] data = d.fc.newData;
        SimilarityIndex index = null;
        Source best = null;
        int bestScore = -1;
        for (Source s : sources) {
            long min = Math.min(s.data.length, data.length);
            long max = Math.max(s.data.length, data.length);
            if (min * 100 < max * CommitMiner.RENAME_SCORE) {
                continue; // the sizes alone rule it out, as in JGit's rename detection
            }
            if (index == null) {
                index = similarityIndex(data);
                if (index == null) {
                    break;
                }
            }
            SimilarityIndex si = s.index();
            if (si == null) {
                continue;
            }
            int score = si.score(index, 100);
            if (score > bestScore) { // ties: the source that comes first in the tree
                bestScore = score;
                best = s;
            }
        }
        if (best != null && bestScore >= CommitMiner.RENAME_SCORE) {
            miner.copy(acc, best.path, best.data, miner.classify(best.path, best.data), d.fc, d.cls, bestScore);
        } else {
            acc.addHonest(d.fc, d.cls);
        }
    }

    /** The similarity index of {@code data}, or null when it has too many distinct chunks for JGit's table. */
    static @Nullable SimilarityIndex similarityIndex(byte[] data) throws IOException {
        try {
            return SimilarityIndex.create(new ObjectLoader.SmallObject(Constants.OBJ_BLOB, data));
        } catch (SimilarityIndex.TableFullException e) {
            return null;
        }
    }

    /** A copy source: a pre-image, hashed on first comparison. */
    private static final class Source {
        final String path;
        final byte[] data;
        private SimilarityIndex index;
        private boolean unusable;

        Source(String path, byte[] data) {
            this.path = path;
            this.data = data;
        }

        SimilarityIndex index() throws IOException {
            if (index == null && !unusable) {
                index = similarityIndex(data);
                unusable = index == null;
            }
            return index;
        }
    }

    private record Destination(CommitMiner.FileChange fc, FileClass cls) {}
}
