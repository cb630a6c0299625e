package dev.commitstats.repos;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.PathGlob;
import dev.commitstats.core.mining.SkipRules;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the owner of a repository set aside in it, like the repository annotations of the original Commit Stats: path
 * patterns ({@link PathGlob}, {@code .gitignore} semantics) and single commits (full shas). A collection mines with
 * them ({@link #skipRules}): a skipped commit has no fact, a skipped path is left out of every commit, and every total
 * follows. Owns the {@code repository_skipped_paths} and {@code repository_skipped_commits} tables and the
 * {@code mined_path_skips} column of {@code repositories}. Thread-safe.
 *
 * <p>A change takes effect at the repository's next collection, which knows it from the state alone: the skipped paths
 * are compared with those the stored facts were mined with ({@link #minedPathSkips}), so that changing them recounts
 * the stored commits and changing them back before a collection recounts nothing; skipped commits are part of the
 * collection's fingerprint, and stored facts of skipped commits are deleted. Abbreviated shas are refused rather than
 * resolved: a skip must also hold for commits not fetched yet, and mirrors are a per-instance cache that may not exist.
 */
public final class RepositoryAnnotations {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RepositoryRegistry registry;
    private final Clock clock;

    public RepositoryAnnotations(DataSource dataSource, RepositoryRegistry registry, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What is skipped in one repository.
     *
     * @param repositoryId   the repository
     * @param skippedPaths   path patterns, sorted
     * @param skippedCommits full lower-case shas, sorted
     */
    public record Annotations(long repositoryId, List<String> skippedPaths, List<String> skippedCommits) {
        public Annotations {
            skippedPaths = List.copyOf(skippedPaths);
            skippedCommits = List.copyOf(skippedCommits);
        }
    }

    /**
     * A change the owner asks for; each set may be empty. Skipping what is skipped already changes nothing; unskipping
     * what is not skipped, or naming the same pattern or commit on both sides, is refused.
     */
    public record Change(Set<String> skipPaths, Set<String> unskipPaths, Set<String> skipCommits,
            Set<String> unskipCommits) {
        public Change {
            skipPaths = Set.copyOf(skipPaths);
            unskipPaths = Set.copyOf(unskipPaths);
            skipCommits = Set.copyOf(skipCommits);
            unskipCommits = Set.copyOf(unskipCommits);
        }

        boolean isEmpty() {
            return skipPaths.isEmpty() && unskipPaths.isEmpty() && skipCommits.isEmpty() && unskipCommits.isEmpty();
        }
    }

    /**
     * What {@link #annotate} did.
     *
     * @param annotations      what is skipped afterwards
     * @param skippedPaths     patterns skipped now that were not before, sorted
     * @param unskippedPaths   patterns no longer skipped, sorted
     * @param skippedCommits   commits skipped now that were not before, sorted
     * @param unskippedCommits commits no longer skipped, sorted
     * @param recountNeeded    whether the next collection mines the repository's stored commits again: the skipped
     *                         paths differ from those its stored facts were mined with
     * @param collectionNeeded whether anything changed that the numbers follow only after the next collection of the
     *                         repository (a skipped commit's fact is deleted then, an unskipped one is mined then)
     */
    public record Annotated(Annotations annotations, List<String> skippedPaths, List<String> unskippedPaths,
            List<String> skippedCommits, List<String> unskippedCommits, boolean recountNeeded,
            boolean collectionNeeded) {

        /** Whether the call changed anything. */
        public boolean changed() {
            return !(skippedPaths.isEmpty() && unskippedPaths.isEmpty() && skippedCommits.isEmpty()
                    && unskippedCommits.isEmpty());
        }
    }

    /**
     * What the user skips in their repository.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when it is not one of the user's repositories
     */
    public Annotations annotations(long userId, long repositoryId) {
        requireOwn(userId, repositoryId);
        return read(repositoryId);
    }

    /**
     * Skips and unskips paths and commits in the user's repository, all or nothing: every pattern and sha is checked
     * first, and the change is one transaction.
     *
     * @throws UseCaseException {@code NOT_FOUND} when it is not one of the user's repositories; {@code INVALID} for an
     *         invalid pattern or sha, one named on both sides, one unskipped that is not skipped, an empty change, or
     *         more than {@link SkipRules#MAX_PATHS} patterns or {@link SkipRules#MAX_COMMITS} commits afterwards
     */
    public Annotated annotate(long userId, long repositoryId, Change change) {
        requireOwn(userId, repositoryId);
        if (change.isEmpty()) {
            throw invalid("nothing to change: name paths or commits to skip or unskip");
        }
        Set<String> skipPaths = new TreeSet<>();
        for (String p : change.skipPaths()) {
            try {
                skipPaths.add(PathGlob.of(p).pattern());
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        Set<String> unskipPaths = new TreeSet<>(change.unskipPaths());
        Set<String> skipCommits = shas(change.skipCommits());
        Set<String> unskipCommits = shas(change.unskipCommits());
        bothSides(skipPaths, unskipPaths, "path pattern");
        bothSides(skipCommits, unskipCommits, "commit");
        return Objects.requireNonNull(transactions.execute(status -> {
            Annotations before = read(repositoryId);
            notSkipped(unskipPaths, before.skippedPaths(), "path pattern", repositoryId);
            notSkipped(unskipCommits, before.skippedCommits(), "commit", repositoryId);
            List<String> newPaths = skipPaths.stream().filter(p -> !before.skippedPaths().contains(p)).toList();
            List<String> newCommits = skipCommits.stream().filter(c -> !before.skippedCommits().contains(c)).toList();
            int paths = before.skippedPaths().size() + newPaths.size() - unskipPaths.size();
            int commits = before.skippedCommits().size() + newCommits.size() - unskipCommits.size();
            if (paths > SkipRules.MAX_PATHS) {
                throw invalid("repository " + repositoryId + " would skip " + paths + " path patterns: at most "
                        + SkipRules.MAX_PATHS);
            }
            if (commits > SkipRules.MAX_COMMITS) {
                throw invalid("repository " + repositoryId + " would skip " + commits + " commits: at most "
                        + SkipRules.MAX_COMMITS);
            }
            long now = clock.instant().getEpochSecond();
            for (String p : newPaths) {
                jdbc.sql("""
                                INSERT INTO repository_skipped_paths (repository_id, pattern, created_at)
                                VALUES (:r, :p, :now) ON CONFLICT (repository_id, pattern) DO NOTHING""")
                        .param("r", repositoryId).param("p", p).param("now", now).update();
            }
            for (String p : unskipPaths) {
                jdbc.sql("DELETE FROM repository_skipped_paths WHERE repository_id = :r AND pattern = :p")
                        .param("r", repositoryId).param("p", p).update();
            }
            for (String c : newCommits) {
                jdbc.sql("""
                                INSERT INTO repository_skipped_commits (repository_id, sha, created_at)
                                VALUES (:r, :c, :now) ON CONFLICT (repository_id, sha) DO NOTHING""")
                        .param("r", repositoryId).param("c", c).param("now", now).update();
            }
            for (String c : unskipCommits) {
                jdbc.sql("DELETE FROM repository_skipped_commits WHERE repository_id = :r AND sha = :c")
                        .param("r", repositoryId).param("c", c).update();
            }
            Annotations after = read(repositoryId);
            boolean recount = !Objects.equals(minedPathSkips(repositoryId).orElse(null), rules(after).pathsDigest());
            boolean changed = !newPaths.isEmpty() || !unskipPaths.isEmpty() || !newCommits.isEmpty()
                    || !unskipCommits.isEmpty();
            return new Annotated(after, newPaths, List.copyOf(unskipPaths), newCommits, List.copyOf(unskipCommits),
                    recount, changed);
        }));
    }

    /** The rules a collection of the repository mines with (no owner check: collection works for the owner). */
    public SkipRules skipRules(long repositoryId) {
        return rules(read(repositoryId));
    }

    /** The {@link SkipRules#pathsDigest()} the repository's stored facts were mined with; empty for none. */
    public Optional<String> minedPathSkips(long repositoryId) {
        return jdbc.sql("SELECT mined_path_skips FROM repositories WHERE id = :id").param("id", repositoryId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** Records that every stored fact of the repository was mined with these skipped paths (null: none). */
    public void saveMinedPathSkips(long repositoryId, @Nullable String pathsDigest) {
        int n = jdbc.sql("UPDATE repositories SET mined_path_skips = :d WHERE id = :id")
                .param("d", pathsDigest).param("id", repositoryId).update();
        if (n != 1) {
            throw new IllegalArgumentException("no repository " + repositoryId);
        }
    }

    private static SkipRules rules(Annotations a) {
        // stored patterns and shas were checked when they were added
        return SkipRules.of(a.skippedPaths(), a.skippedCommits());
    }

    private Annotations read(long repositoryId) {
        List<String> paths = jdbc.sql("SELECT pattern FROM repository_skipped_paths WHERE repository_id = :r")
                .param("r", repositoryId).query(String.class).list();
        List<String> commits = jdbc.sql("SELECT sha FROM repository_skipped_commits WHERE repository_id = :r")
                .param("r", repositoryId).query(String.class).list();
        // sorted here, not in SQL: the two databases collate text differently
        return new Annotations(repositoryId, new ArrayList<>(new TreeSet<>(paths)),
                new ArrayList<>(new TreeSet<>(commits)));
    }

    private void requireOwn(long userId, long repositoryId) {
        if (registry.repository(repositoryId).filter(r -> r.userId() == userId).isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.NOT_FOUND, "no repository " + repositoryId);
        }
    }

    private static Set<String> shas(Collection<String> given) {
        Set<String> out = new TreeSet<>();
        for (String sha : given) {
            try {
                out.add(SkipRules.normalizeSha(sha));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        return out;
    }

    private static void bothSides(Set<String> skip, Set<String> unskip, String what) {
        Set<String> both = new LinkedHashSet<>(skip);
        both.retainAll(unskip);
        if (!both.isEmpty()) {
            throw invalid(what + " '" + both.iterator().next() + "' is both skipped and unskipped");
        }
    }

    private static void notSkipped(Set<String> unskip, List<String> skipped, String what, long repositoryId) {
        for (String s : unskip) {
            if (!skipped.contains(s)) {
                throw invalid(what + " '" + s + "' is not skipped in repository " + repositoryId);
            }
        }
    }

    private static UseCaseException invalid(String message) {
        return new UseCaseException(UseCaseException.Kind.INVALID, message);
    }
}
