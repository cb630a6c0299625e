package dev.commitstats.core.mining;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * What the owner of a repository set aside in it: paths ({@link PathGlob}s) and single commits (full shas). A skipped
 * commit is mined as if it were not the author's: no fact at all. A skipped path is as if the file were not in the
 * commit: no lines, no language, no exclusion bucket, no detection, and no rename or copy partner; the commit itself
 * still counts. Raw mode ({@link MiningOptions#raw()}) ignores both, since it exists to equal {@code git}.
 *
 * <p>Immutable and thread-safe; the patterns are compiled once, when the rules are made. {@link #NONE} costs the miner
 * nothing: it keeps git's plain tree filter and never looks at a path.
 */
public final class SkipRules {

    /** Most path patterns per repository. */
    public static final int MAX_PATHS = 200;
    /** Most skipped commits per repository. */
    public static final int MAX_COMMITS = 10_000;

    /** Nothing skipped. */
    public static final SkipRules NONE = new SkipRules(List.of(), Set.of());

    private final List<PathGlob> globs;
    private final List<String> paths;
    private final Set<String> commits;
    private final Set<ObjectId> commitIds;

    private SkipRules(List<PathGlob> globs, Set<String> commits) {
        this.globs = List.copyOf(globs);
        this.paths = globs.stream().map(PathGlob::pattern).toList();
        this.commits = Collections.unmodifiableSet(new TreeSet<>(commits));
        Set<ObjectId> ids = new HashSet<>();
        commits.forEach(c -> ids.add(ObjectId.fromString(c)));
        this.commitIds = Set.copyOf(ids);
    }

    /**
     * The rules for these path patterns and commit shas (duplicates are dropped).
     *
     * @throws IllegalArgumentException naming the first invalid pattern or sha (a sha must be the full 40 hexadecimal
     *         digits, in any case), or when there are more than {@link #MAX_PATHS} patterns or {@link #MAX_COMMITS}
     *         commits
     */
    public static SkipRules of(Collection<String> pathPatterns, Collection<String> commitShas) {
        TreeSet<String> sortedPaths = new TreeSet<>(pathPatterns);
        TreeSet<String> shas = new TreeSet<>();
        for (String sha : commitShas) {
            shas.add(normalizeSha(sha));
        }
        if (sortedPaths.size() > MAX_PATHS) {
            throw new IllegalArgumentException(sortedPaths.size() + " path patterns: at most " + MAX_PATHS
                    + " per repository");
        }
        if (shas.size() > MAX_COMMITS) {
            throw new IllegalArgumentException(shas.size() + " skipped commits: at most " + MAX_COMMITS
                    + " per repository");
        }
        if (sortedPaths.isEmpty() && shas.isEmpty()) {
            return NONE;
        }
        List<PathGlob> globs = new ArrayList<>(sortedPaths.size());
        sortedPaths.forEach(p -> globs.add(PathGlob.of(p)));
        return new SkipRules(globs, shas);
    }

    /**
     * {@code sha} in lower case.
     *
     * @throws IllegalArgumentException when it is not 40 hexadecimal digits (an abbreviated sha is refused: a skip must
     *         hold for commits not fetched yet, so it cannot be resolved once against what is known now)
     */
    public static String normalizeSha(String sha) {
        String s = sha.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("invalid commit '" + sha + "': give the full 40-character sha"
                    + (s.matches("[0-9a-f]{4,39}") ? " (git rev-parse " + s + " prints it)" : ""));
        }
        return s;
    }

    /** The path patterns, sorted. */
    public List<String> paths() {
        return paths;
    }

    /** The skipped commits, full lower-case shas, sorted. */
    public Set<String> commits() {
        return commits;
    }

    /**
     * A digest of the path patterns (SHA-256, hexadecimal), or null without any: facts mined under rules with equal
     * digests skipped the same paths. Commits are not in it: skipping one changes no other commit's numbers.
     */
    public @Nullable String pathsDigest() {
        if (paths.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", paths).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public boolean isEmpty() {
        return paths.isEmpty() && commits.isEmpty();
    }

    /** Whether the commit is skipped. */
    public boolean skipsCommit(AnyObjectId id) {
        return !commitIds.isEmpty() && commitIds.contains(id);
    }

    /** Whether a file at {@code path} (relative to the root) is skipped: a pattern matches it or a folder above it. */
    public boolean skipsPath(String path) {
        for (PathGlob g : globs) {
            if (g.skips(path)) {
                return true;
            }
        }
        return false;
    }

    /** The tree filter of a commit's diff: {@code changed} itself without path rules, else changed and not skipped. */
    TreeFilter filter(TreeFilter changed) {
        return globs.isEmpty() ? changed : AndTreeFilter.create(changed, new Filter(globs));
    }

    /**
     * Leaves out skipped files, and skipped folders without entering them. The walk asks for paths that differ only
     * ({@link TreeFilter#ANY_DIFF} comes first), and it recurses, so a file's folders were all checked before it.
     */
    private static final class Filter extends TreeFilter {
        private final List<PathGlob> globs;

        Filter(List<PathGlob> globs) {
            this.globs = globs;
        }

        @Override
        public boolean include(TreeWalk walker) {
            String path = walker.getPathString();
            boolean directory = walker.isSubtree();
            for (PathGlob g : globs) {
                if (g.matches(path, directory)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean shouldBeRecursive() {
            return false;
        }

        @Override
        public TreeFilter clone() {
            return this; // stateless
        }

        @Override
        public String toString() {
            return "SKIP(" + globs + ")";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkipRules s && s.paths.equals(paths) && s.commits.equals(commits);
    }

    @Override
    public int hashCode() {
        return paths.hashCode() * 31 + commits.hashCode();
    }

    @Override
    public String toString() {
        return "SkipRules[paths=" + paths + ", commits=" + commits.size() + "]";
    }
}
