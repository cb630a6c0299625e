package dev.commitstats.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Builds real git repositories for tests, commit by commit, with chosen authors, dates, files, branches and merges
 * (JGit's {@code TestRepository} plays this role in JGit). Objects are written straight into the object database,
 * so no work tree is checked out; the {@code git} command line reads the result like any other repository.
 *
 * <pre>{@code
 * try (GitRepoBuilder repo = GitRepoBuilder.init(dir)) {
 *     repo.author("Alice", "alice@example.com").at("2024-03-01T09:30:00+02:00")
 *         .write("src/Main.java", "class Main {}\n")
 *         .commit("feat: first");
 * }
 * }</pre>
 *
 * Not thread-safe. Paths are byte strings so that non-UTF-8 names can be written with {@link #write(byte[], byte[])}.
 */
public final class GitRepoBuilder implements AutoCloseable {

    private record Entry(FileMode mode, ObjectId id) {}

    private final Repository repository;
    private final ObjectInserter inserter;
    private final Map<String, ObjectId> branchHeads = new LinkedHashMap<>();
    private final Map<String, TreeMap<BytesKey, Entry>> branchFiles = new LinkedHashMap<>();
    private String currentBranch = "main";
    private TreeMap<BytesKey, Entry> staged = new TreeMap<>();
    private PersonIdent author = new PersonIdent("Test Author", "author@example.com", new Date(1_700_000_000_000L),
            TimeZone.getTimeZone("UTC"));
    private PersonIdent committer;
    private long tick = 0;

    private GitRepoBuilder(Repository repository) {
        this.repository = repository;
        this.inserter = repository.newObjectInserter();
    }

    /** A new non-bare repository at {@code dir} (its {@code .git} inside); the work tree stays empty. */
    public static GitRepoBuilder init(Path dir) throws IOException {
        Repository repo = FileRepositoryBuilder.create(dir.resolve(".git").toFile());
        repo.create(false);
        return prepare(repo);
    }

    /** A new bare repository at {@code dir}. */
    public static GitRepoBuilder initBare(Path dir) throws IOException {
        Repository repo = FileRepositoryBuilder.create(dir.toFile());
        repo.create(true);
        return prepare(repo);
    }

    /** Opens an existing bare repository (a clone, a fork) to add commits on the branch its HEAD names. */
    public static GitRepoBuilder openBare(Path dir) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        GitRepoBuilder b = new GitRepoBuilder(repo);
        b.currentBranch = repo.getBranch();
        ObjectId head = repo.resolve(Constants.HEAD);
        if (head != null) {
            b.resetHard(head.name());
        }
        return b;
    }

    private static GitRepoBuilder prepare(Repository repo) throws IOException {
        RefUpdate head = repo.getRefDatabase().newUpdate(Constants.HEAD, false);
        head.disableRefLog();
        head.link("refs/heads/main");
        return new GitRepoBuilder(repo);
    }

    public Repository repository() {
        return repository;
    }

    /** The git directory (for {@code git --git-dir}). */
    public Path gitDir() {
        return repository.getDirectory().toPath();
    }

    /** Sets the author (and committer, unless {@link #committer} is set) of the following commits. */
    public GitRepoBuilder author(String name, String email) {
        author = new PersonIdent(name, email, author.getWhenAsInstant(), author.getZoneId());
        return this;
    }

    /** Sets a distinct committer for the following commits. */
    public GitRepoBuilder committer(String name, String email) {
        committer = new PersonIdent(name, email, author.getWhenAsInstant(), author.getZoneId());
        return this;
    }

    /** Author (and committer) time for the next commits, ISO-8601 with offset, e.g. {@code 2024-03-01T09:30:00+02:00}. */
    public GitRepoBuilder at(String isoOffsetDateTime) {
        OffsetDateTime t = OffsetDateTime.parse(isoOffsetDateTime);
        return at(t);
    }

    public GitRepoBuilder at(OffsetDateTime t) {
        author = new PersonIdent(author.getName(), author.getEmailAddress(), t.toInstant(), t.getOffset());
        tick = 0;
        return this;
    }

    public GitRepoBuilder write(String path, String content) throws IOException {
        return write(path.getBytes(StandardCharsets.UTF_8), content.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR_FILE);
    }

    public GitRepoBuilder write(String path, byte[] content) throws IOException {
        return write(path.getBytes(StandardCharsets.UTF_8), content, FileMode.REGULAR_FILE);
    }

    public GitRepoBuilder write(byte[] rawPath, byte[] content) throws IOException {
        return write(rawPath, content, FileMode.REGULAR_FILE);
    }

    public GitRepoBuilder writeExecutable(String path, String content) throws IOException {
        return write(path.getBytes(StandardCharsets.UTF_8), content.getBytes(StandardCharsets.UTF_8), FileMode.EXECUTABLE_FILE);
    }

    public GitRepoBuilder symlink(String path, String target) throws IOException {
        return write(path.getBytes(StandardCharsets.UTF_8), target.getBytes(StandardCharsets.UTF_8), FileMode.SYMLINK);
    }

    /** A submodule pointer (gitlink) at {@code path} to the given commit id. */
    public GitRepoBuilder submodule(String path, String commitSha) {
        staged.put(key(path), new Entry(FileMode.GITLINK, ObjectId.fromString(commitSha)));
        return this;
    }

    private GitRepoBuilder write(byte[] rawPath, byte[] content, FileMode mode) throws IOException {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
        staged.put(new BytesKey(rawPath), new Entry(mode, blob));
        return this;
    }

    public GitRepoBuilder delete(String path) {
        if (staged.remove(key(path)) == null) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        return this;
    }

    /** Moves a file without changing its content (git sees a delete and an add, or a rename). */
    public GitRepoBuilder rename(String from, String to) {
        Entry e = staged.remove(key(from));
        if (e == null) {
            throw new IllegalArgumentException("no such file: " + from);
        }
        staged.put(key(to), e);
        return this;
    }

    /** The current content of a file in the staged tree. */
    public byte[] read(String path) throws IOException {
        Entry e = staged.get(key(path));
        if (e == null) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        return repository.open(e.id()).getBytes();
    }

    /** True for a regular or executable file (not a symlink, not a submodule pointer). */
    public boolean isRegularFile(String path) {
        Entry e = staged.get(key(path));
        return e != null && (e.mode() == FileMode.REGULAR_FILE || e.mode() == FileMode.EXECUTABLE_FILE);
    }

    public boolean exists(String path) {
        return staged.containsKey(key(path));
    }

    /** Paths in the staged tree that are valid UTF-8 (the others are reachable through their raw bytes only). */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (BytesKey k : staged.keySet()) {
            String p = new String(k.bytes, StandardCharsets.UTF_8);
            if (java.util.Arrays.equals(p.getBytes(StandardCharsets.UTF_8), k.bytes)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Commits the staged tree on the current branch; returns the new commit id. Empty commits are allowed. */
    public String commit(String message) throws IOException {
        ObjectId parent = branchHeads.get(currentBranch);
        return writeCommit(message, parent == null ? List.of() : List.of(parent));
    }

    /** Starts a new branch at the current commit and switches to it. */
    public GitRepoBuilder branch(String name) {
        branchHeads.put(name, branchHeads.get(currentBranch));
        branchFiles.put(currentBranch, new TreeMap<>(staged));
        branchFiles.put(name, new TreeMap<>(staged));
        currentBranch = name;
        return this;
    }

    /** Switches to an existing branch (its last committed tree becomes the staged tree). */
    public GitRepoBuilder checkout(String name) {
        if (!branchFiles.containsKey(name) && !branchHeads.containsKey(name)) {
            throw new IllegalArgumentException("no such branch: " + name);
        }
        branchFiles.put(currentBranch, new TreeMap<>(staged));
        currentBranch = name;
        staged = new TreeMap<>(branchFiles.getOrDefault(name, new TreeMap<>()));
        return this;
    }

    /**
     * Records a merge of {@code other} into the current branch. The merged tree is the current tree with the other
     * branch's files laid over it (files the other branch deleted stay), plus whatever was staged before the call.
     */
    public String merge(String other, String message) throws IOException {
        ObjectId theirs = branchHeads.get(other);
        if (theirs == null) {
            throw new IllegalArgumentException("no such branch: " + other);
        }
        TreeMap<BytesKey, Entry> theirFiles = currentBranch.equals(other) ? staged : branchFiles.get(other);
        if (theirFiles != null) {
            staged.putAll(theirFiles);
        }
        ObjectId ours = branchHeads.get(currentBranch);
        return writeCommit(message, ours == null ? List.of(theirs) : List.of(ours, theirs));
    }

    private String writeCommit(String message, List<ObjectId> parents) throws IOException {
        DirCache dc = DirCache.newInCore();
        DirCacheBuilder b = dc.builder();
        for (Map.Entry<BytesKey, Entry> e : staged.entrySet()) {
            DirCacheEntry dce = new DirCacheEntry(e.getKey().bytes);
            dce.setFileMode(e.getValue().mode());
            dce.setObjectId(e.getValue().id());
            b.add(dce);
        }
        b.finish();
        ObjectId tree = dc.writeTree(inserter);

        // successive commits at the same timestamp get one more second each so that order is stable
        PersonIdent a = new PersonIdent(author.getName(), author.getEmailAddress(),
                author.getWhenAsInstant().plusSeconds(tick++), author.getZoneId());
        PersonIdent c = committer == null ? a
                : new PersonIdent(committer.getName(), committer.getEmailAddress(), a.getWhenAsInstant(), a.getZoneId());
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(parents);
        cb.setAuthor(a);
        cb.setCommitter(c);
        cb.setMessage(message);
        ObjectId id = inserter.insert(cb);
        inserter.flush();

        RefUpdate ru = repository.updateRef("refs/heads/" + currentBranch);
        ru.setNewObjectId(id);
        ru.setForceUpdate(true);
        ru.disableRefLog();
        RefUpdate.Result r = ru.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("cannot update branch " + currentBranch + ": " + r);
        }
        branchHeads.put(currentBranch, id);
        branchFiles.put(currentBranch, new TreeMap<>(staged));
        return id.name();
    }

    /** Points the current branch back to {@code sha} (for force-push scenarios). */
    public GitRepoBuilder resetHard(String sha) throws IOException {
        ObjectId id = ObjectId.fromString(sha);
        RefUpdate ru = repository.updateRef("refs/heads/" + currentBranch);
        ru.setNewObjectId(id);
        ru.setForceUpdate(true);
        ru.disableRefLog();
        ru.update();
        branchHeads.put(currentBranch, id);
        // rebuild the staged tree from that commit
        staged = new TreeMap<>();
        try (org.eclipse.jgit.revwalk.RevWalk rw = new org.eclipse.jgit.revwalk.RevWalk(repository);
             org.eclipse.jgit.treewalk.TreeWalk tw = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
            tw.addTree(rw.parseCommit(id).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                staged.put(new BytesKey(tw.getRawPath()), new Entry(tw.getFileMode(0), tw.getObjectId(0)));
            }
        }
        branchFiles.put(currentBranch, new TreeMap<>(staged));
        return this;
    }

    @Override
    public void close() {
        inserter.close();
        repository.close();
    }

    private static BytesKey key(String path) {
        return new BytesKey(path.getBytes(StandardCharsets.UTF_8));
    }

    /** Paths ordered like git orders index entries (bytewise). */
    private record BytesKey(byte[] bytes) implements Comparable<BytesKey> {
        @Override
        public int compareTo(BytesKey o) {
            return java.util.Arrays.compareUnsigned(bytes, o.bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BytesKey k && java.util.Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
