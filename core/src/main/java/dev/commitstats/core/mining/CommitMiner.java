package dev.commitstats.core.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.classify.FileClass;
import dev.commitstats.core.classify.FileClassifier;
import dev.commitstats.core.commit.ConventionalCommits;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.Detectors;
import dev.commitstats.core.diff.LineDiffCounter;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.diff.SimilarityIndex;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * Turns one commit into a {@link CommitFact}. One instance per worker thread: it owns its object reader, walks and
 * line counter, none of which are thread-safe.
 *
 * <p>Counting follows {@code git log --no-merges --no-renames --numstat}: every changed path is diffed against the
 * first parent (or the empty tree), binary files (a NUL in the first 8000 bytes of either side) count no lines, and a
 * submodule pointer is the one-line text {@code Subproject commit <sha>}. Honest mode then sorts each path's lines
 * into its language or one exclusion bucket, and pairs deleted and added files that git would call a rename (50%
 * similarity, git's default) so that the lines that only moved go to {@link ExclusionBucket#MOVED}.
 *
 * <p>Copies are found as git's {@code -C50%} finds them: an added file (not already a rename) is a copy when it is at
 * least 50% similar to the pre-image of a file modified or deleted in the same commit. Unchanged files are not
 * sources (that would be {@code --find-copies-harder}, which costs a look at the whole tree per commit). A copy's
 * lines that equal its source's go to {@link ExclusionBucket#MOVED} as additions, its other lines count in its
 * language, and it deletes nothing (git's numstat of an added file has no deletions); the source's own change is
 * counted as if there were no copy. Renames come first: a deleted file paired with an added one stays a rename even
 * when a modified file would be a closer source. JGit's {@link RenameDetector} does not do this (modified files are
 * never copy sources there, and its "break" mode turns a modified file into a rename of itself), so copies are found
 * here with JGit's {@link SimilarityIndex}, the measure its rename detection uses. When a commit has more than
 * {@link #COPY_LIMIT} candidate sources or added files, or would keep more than {@link #COPY_BYTES_BUDGET} of
 * them in memory, only copies with identical content are found.
 */
final class CommitMiner implements AutoCloseable {

    /** Git's default rename similarity ({@code -M50%}, also used for copies: {@code -C50%}); JGit's own is 60. */
    static final int RENAME_SCORE = 50;
    /**
     * Most copy sources (modified or deleted files) or destinations (added files) compared by content in one commit,
     * like the rename limit of JGit's rename detection (400 by default; git's is 1000): above it a commit's copies are
     * found by identical content only, so that a huge commit costs no source-by-destination matrix.
     */
    static final int COPY_LIMIT = 400;
    /**
     * Most bytes of copy sources and of added files waiting for them that one commit keeps in memory for comparison by
     * content; above it, as over the limit.
     */
    static final long COPY_BYTES_BUDGET = 64L * 1024 * 1024;
    /** Blobs larger than this are treated as binary, as git does above core.bigFileThreshold (512 MiB). */
    static final long MAX_TEXT_BLOB = 512L * 1024 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private final ObjectReader reader;
    private final RevWalk walk;
    private final TreeWalk treeWalk;
    private final LineDiffCounter counter = new LineDiffCounter();
    private final java.util.function.Supplier<FileClassifier> classifierSource;
    private @Nullable FileClassifier classifier;
    private final Detectors detectors;
    private final MiningOptions options;
    private final AuthorFilter authors;
    private final DiffConfig diffConfig;
    /** The copies found in the last commit mined (for tests against git's own copy detection). */
    private final List<Copy> copies = new ArrayList<>();

    /** A miner that records every commit under its author email as written (no mailmap). */
    CommitMiner(Repository repository, FileClassifier classifier, Detectors detectors, MiningOptions options) {
        this(repository, () -> classifier, detectors, options, AuthorFilter.of(options, Mailmap.EMPTY));
    }

    /**
     * {@code classifier} is asked once, on the first commit: it may still be loading when the miner is made.
     * {@code authors} gives the email a fact records (the one its commit was kept for).
     */
    CommitMiner(Repository repository, java.util.function.Supplier<FileClassifier> classifier, Detectors detectors,
            MiningOptions options, AuthorFilter authors) {
        this.reader = repository.newObjectReader();
        this.walk = new RevWalk(reader);
        this.treeWalk = new TreeWalk(reader); // no attributes: git log reads none from a bare repository either
        this.treeWalk.setRecursive(true);
        // skipped paths are left out of the diff itself: no lines, no class, no detection, no rename or copy partner
        this.treeWalk.setFilter(options.raw() ? TreeFilter.ANY_DIFF : options.skips().filter(TreeFilter.ANY_DIFF));
        this.classifierSource = classifier;
        this.detectors = detectors;
        this.options = options;
        this.authors = authors;
        this.diffConfig = repository.getConfig().get(DiffConfig.KEY);
    }

    /** Mines {@code id}; the caller has already decided that it is wanted (non-merge, author, period). */
    CommitFact mine(ObjectId id) throws IOException {
        RevCommit commit = walk.parseCommit(id);
        treeWalk.reset();
        if (commit.getParentCount() == 0) {
            treeWalk.addTree(new EmptyTreeIterator());
        } else {
            RevCommit parent = commit.getParent(0);
            walk.parseHeaders(parent);
            treeWalk.addTree(parent.getTree());
        }
        treeWalk.addTree(commit.getTree());
        List<DiffEntry> entries = DiffEntry.scan(treeWalk);
        if (classifier == null) {
            classifier = classifierSource.get();
        }

        Accounting acc = new Accounting(options.bulkThreshold());
        copies.clear();
        if (options.raw()) {
            for (DiffEntry e : entries) {
                FileChange fc = load(e, e.getChangeType());
                if (!fc.binary) {
                    // raw mode is git's numbers: languages by path for reading convenience, nothing excluded,
                    // no content sniffing and no detectors, so that it stays as cheap as git itself
                    acc.addRawLines(classifier.classify(fc.path).language(), fc.added, fc.deleted);
                }
            }
        } else {
            mineHonest(entries, acc);
        }

        PersonIdent author = commit.getAuthorIdent();
        String email = authors.keptEmail(author.getName(), author.getEmailAddress());
        if (email == null) {
            email = author.getEmailAddress(); // asked for a commit the walk would not have kept (tests do)
        }
        return new CommitFact(commit.name(), email, author.getWhenAsInstant(),
                author.getZoneOffset().getTotalSeconds() / 60, commit.getCommitterIdent().getWhenAsInstant(),
                commit.getParentCount(), ConventionalCommits.parse(commit.getFullMessage()), acc.languages,
                acc.excluded, acc.detections, acc.outliers);
    }

    private void mineHonest(List<DiffEntry> entries, Accounting acc) throws IOException {
        boolean hasAdd = false;
        boolean hasDelete = false;
        boolean hasModify = false;
        for (DiffEntry e : entries) {
            hasAdd |= e.getChangeType() == DiffEntry.ChangeType.ADD;
            hasDelete |= e.getChangeType() == DiffEntry.ChangeType.DELETE;
            hasModify |= e.getChangeType() == DiffEntry.ChangeType.MODIFY;
        }
        Map<String, String> renamedTo = Map.of(); // old path -> new path
        Map<String, String> renamedFrom = Map.of(); // new path -> old path
        // JGit's RenameDetector rewrites the change type of the entries it is given: keep the originals
        DiffEntry.ChangeType[] types = new DiffEntry.ChangeType[entries.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = entries.get(i).getChangeType();
        }
        if (hasAdd && hasDelete) {
            RenameDetector rd = new RenameDetector(reader, diffConfig);
            rd.setRenameScore(RENAME_SCORE);
            rd.addAll(entries);
            renamedTo = new HashMap<>();
            renamedFrom = new HashMap<>();
            List<DiffEntry> detected;
            try {
                detected = rd.compute(reader, NullProgressMonitor.INSTANCE);
            } catch (org.eclipse.jgit.api.errors.CanceledException e) {
                throw new IOException("rename detection was cancelled", e);
            }
            for (DiffEntry r : detected) {
                // JGit's COPY results (a deleted file matched by a second added file) are left to CopyFinder,
                // which finds the same ones and those from modified files
                if (r.getChangeType() == DiffEntry.ChangeType.RENAME) {
                    renamedTo.put(r.getOldPath(), r.getNewPath());
                    renamedFrom.put(r.getNewPath(), r.getOldPath());
                }
            }
        }
        CopyFinder copyFinder = hasAdd && (hasDelete || hasModify) ? CopyFinder.of(this, entries, types, renamedFrom) : null;
        Map<String, FileChange> pendingDeletes = new HashMap<>();
        Map<String, FileChange> pendingAdds = new HashMap<>();
        for (int i = 0; i < types.length; i++) {
            DiffEntry e = entries.get(i);
            DiffEntry.ChangeType type = types[i];
            FileChange fc = load(e, type);
            detect(acc, fc);
            if (copyFinder != null) {
                copyFinder.offerSource(i, fc, acc);
                if (copyFinder.offerDestination(i, e, fc, acc)) {
                    continue; // counted now or when every source has been seen
                }
            }
            String partner = type == DiffEntry.ChangeType.DELETE ? renamedTo.get(e.getOldPath())
                    : type == DiffEntry.ChangeType.ADD ? renamedFrom.get(e.getNewPath()) : null;
            if (partner == null) {
                acc.addHonest(fc, classify(fc));
                continue;
            }
            // a rename: wait for both halves, then count only what changed between them
            if (type == DiffEntry.ChangeType.DELETE) {
                FileChange added = pendingAdds.remove(partner);
                if (added == null) {
                    pendingDeletes.put(e.getOldPath(), fc);
                } else {
                    pair(acc, fc, added);
                }
            } else {
                FileChange deleted = pendingDeletes.remove(partner);
                if (deleted == null) {
                    pendingAdds.put(e.getNewPath(), fc);
                } else {
                    pair(acc, deleted, fc);
                }
            }
        }
        // halves whose partner never came (cannot happen with a consistent rename list, but never lose lines)
        for (FileChange fc : pendingDeletes.values()) {
            acc.addHonest(fc, classify(fc));
        }
        for (FileChange fc : pendingAdds.values()) {
            acc.addHonest(fc, classify(fc));
        }
        if (copyFinder != null) {
            copyFinder.finish(acc);
        }
    }

    private void pair(Accounting acc, FileChange deleted, FileChange added) {
        FileClass oldClass = classify(deleted);
        FileClass newClass = classify(added);
        if (deleted.binary || added.binary || oldClass.exclusion() != dev.commitstats.core.classify.Exclusion.NONE
                || newClass.exclusion() != dev.commitstats.core.classify.Exclusion.NONE) {
            // excluded or binary files keep their own buckets: moving them is not writing code either way
            acc.addHonest(deleted, oldClass);
            acc.addHonest(added, newClass);
            return;
        }
        long packed = counter.count(deleted.oldData, deleted.oldData.length, added.newData, added.newData.length);
        int realAdded = LineDiffCounter.added(packed);
        int realDeleted = LineDiffCounter.deleted(packed);
        acc.addMoved(added.added - realAdded, deleted.deleted - realDeleted);
        if (realAdded + realDeleted > 0) {
            // a pure rename wrote nothing: it does not count as a file touched in its language either
            acc.addLines(added.path, newClass, realAdded, realDeleted);
        }
    }

    /**
     * Counts an added file that copies {@code source} (the pre-image of a modified or deleted file, {@code sourceClass}
     * its class): the lines it shares with the source only moved, the rest are written; a copy deletes nothing.
     */
    void copy(Accounting acc, String sourcePath, byte[] source, FileClass sourceClass, FileChange added,
            FileClass addedClass, int score) {
        if (added.binary || sourceClass.exclusion() != dev.commitstats.core.classify.Exclusion.NONE
                || addedClass.exclusion() != dev.commitstats.core.classify.Exclusion.NONE) {
            // an excluded or binary side: the added file counts as it would without copy detection
            acc.addHonest(added, addedClass);
            return;
        }
        int realAdded = LineDiffCounter.added(counter.count(source, source.length, added.newData, added.newData.length));
        int moved = added.added - realAdded;
        acc.addMoved(moved, 0);
        if (realAdded > 0) {
            // a pure copy wrote nothing: it does not count as a file touched in its language either
            acc.addLines(added.path, addedClass, realAdded, 0);
        }
        copies.add(new Copy(sourcePath, added.path, score, realAdded, moved));
    }

    /** The copies found in the last commit mined, in the order they were counted. */
    List<Copy> copies() {
        return List.copyOf(copies);
    }

    FileClass classify(FileChange fc) {
        byte[] head = fc.newData != null && fc.newData.length > 0 ? fc.newData : fc.oldData;
        return classify(fc.path, head);
    }

    /** The class of {@code path} whose content (or pre-image) is {@code head}. */
    FileClass classify(String path, byte[] head) {
        if (head != null && classifier.needsContent(path)) {
            return classifier.classify(path, head, Math.min(head.length, 8000));
        }
        return classifier.classify(path);
    }

    private void detect(Accounting acc, FileChange fc) {
        if (!fc.binary && detectors.interested(fc.path)) {
            byte[] oldData = fc.type == DiffEntry.ChangeType.ADD ? null : fc.oldData;
            byte[] newData = fc.type == DiffEntry.ChangeType.DELETE ? null : fc.newData;
            List<Detection> found = detectors.detect(fc.path, oldData, newData);
            acc.detections.addAll(found);
        }
    }

    /** Loads both sides of one changed path and counts its lines as git's numstat does. */
    private FileChange load(DiffEntry e, DiffEntry.ChangeType type) throws IOException {
        String path = type == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
        byte[] oldData = type == DiffEntry.ChangeType.ADD ? EMPTY : content(e.getOldMode(), e.getOldId());
        byte[] newData = type == DiffEntry.ChangeType.DELETE ? EMPTY : content(e.getNewMode(), e.getNewId());
        boolean binary = oldData == null || newData == null
                || LineDiffCounter.isBinary(oldData, oldData.length) || LineDiffCounter.isBinary(newData, newData.length);
        FileChange fc = new FileChange(path, type, oldData == null ? EMPTY : oldData, newData == null ? EMPTY : newData, binary);
        if (!binary) {
            if (type == DiffEntry.ChangeType.ADD) {
                fc.added = LineDiffCounter.countLines(newData, newData.length);
            } else if (type == DiffEntry.ChangeType.DELETE) {
                fc.deleted = LineDiffCounter.countLines(oldData, oldData.length);
            } else {
                long packed = counter.count(oldData, oldData.length, newData, newData.length);
                fc.added = LineDiffCounter.added(packed);
                fc.deleted = LineDiffCounter.deleted(packed);
            }
        }
        return fc;
    }

    /** The bytes git diffs for one side: blob content, or the text git shows for a submodule; null = too big. */
    private byte @Nullable [] content(FileMode mode, AbbreviatedObjectId id) throws IOException {
        ObjectId oid = id.toObjectId();
        if (mode == FileMode.GITLINK) {
            return ("Subproject commit " + oid.name() + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        if (ObjectId.zeroId().equals(oid)) {
            return EMPTY;
        }
        ObjectLoader loader = reader.open(oid, Constants.OBJ_BLOB);
        if (loader.getSize() > MAX_TEXT_BLOB) {
            return null;
        }
        return loader.getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_TEXT_BLOB));
    }

    @Override
    public void close() {
        treeWalk.close();
        walk.close();
        reader.close();
    }

    /**
     * An added file counted as a copy.
     *
     * @param source    the path whose pre-image it copies
     * @param path      the added file
     * @param score     the similarity, 0-100 (100 for identical content)
     * @param realAdded its lines counted as written (git's additions for {@code source => path} with {@code -C})
     * @param moved     its lines counted in {@link ExclusionBucket#MOVED}
     */
    record Copy(String source, String path, int score, int realAdded, int moved) {}

    /** One changed path with its contents and git's line counts. */
    static final class FileChange {
        final String path;
        final DiffEntry.ChangeType type;
        final byte[] oldData;
        final byte[] newData;
        final boolean binary;
        int added;
        int deleted;

        FileChange(String path, DiffEntry.ChangeType type, byte[] oldData, byte[] newData, boolean binary) {
            this.path = path;
            this.type = type;
            this.oldData = oldData;
            this.newData = newData;
            this.binary = binary;
        }
    }

    /** Per-commit accumulation of lines into languages and buckets. */
    static final class Accounting {
        final Map<String, LineCount> languages = new HashMap<>();
        final Map<ExclusionBucket, LineCount> excluded = new EnumMap<>(ExclusionBucket.class);
        final List<Detection> detections = new ArrayList<>();
        final List<OutlierFile> outliers = new ArrayList<>();
        private final int bulkThreshold;

        Accounting(int bulkThreshold) {
            this.bulkThreshold = bulkThreshold;
        }

        /** Raw mode: every text line in its language, nothing excluded (binary files have no lines). */
        void addRawLines(String language, long added, long deleted) {
            languages.merge(language, new LineCount(added, deleted, 1), LineCount::plus);
        }

        void addHonest(FileChange fc, FileClass cls) {
            if (fc.binary) {
                bucket(ExclusionBucket.BINARY, 0, 0);
                return;
            }
            addLines(fc.path, cls, fc.added, fc.deleted);
        }

        void addLines(String path, FileClass cls, long added, long deleted) {
            switch (cls.exclusion()) {
                case VENDORED -> bucket(ExclusionBucket.VENDORED, added, deleted);
                case GENERATED -> bucket(ExclusionBucket.GENERATED, added, deleted);
                default -> {
                    if (added + deleted > bulkThreshold) {
                        bucket(ExclusionBucket.BULK, added, deleted);
                        outliers.add(new OutlierFile(path, cls.language(), added, deleted));
                    } else {
                        languages.merge(cls.language(), new LineCount(added, deleted, 1), LineCount::plus);
                    }
                }
            }
        }

        void addMoved(long added, long deleted) {
            if (added > 0 || deleted > 0) {
                excluded.merge(ExclusionBucket.MOVED, new LineCount(added, deleted, 0), LineCount::plus);
            }
        }

        private void bucket(ExclusionBucket b, long added, long deleted) {
            excluded.merge(b, new LineCount(added, deleted, 1), LineCount::plus);
        }
    }
}
