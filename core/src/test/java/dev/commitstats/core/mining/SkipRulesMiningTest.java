package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Skipped paths and commits against {@code git} itself: skipping paths equals {@code git log --numstat} with the same
 * paths excluded ({@code ':(exclude,glob)...'}), skipping commits equals git without those commits, and raw mode,
 * which must equal git, ignores skips.
 */
class SkipRulesMiningTest {

    /** Our patterns, and the git pathspec globs that exclude the same files. */
    private static final List<String> SKIPPED = List.of("assets/", "*.sql", "/win/**", "src/**/Main*.java");
    private static final List<String> GIT_GLOBS = List.of("**/assets/**", "**/*.sql", "win/**", "src/**/Main*.java");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void skippedPathsCountAsGitLogExcludingThem(long seed) throws Exception {
        Path dir = tmp.resolve("repo-" + seed);
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(seed, repo).write(120);
        }
        Map<String, GitOracle.Numstat> all = GitOracle.numstat(dir, "HEAD");
        Map<String, GitOracle.Numstat> git = GitOracle.numstatExcluding(dir, GIT_GLOBS, "HEAD");
        SkipRules skips = SkipRules.of(SKIPPED, List.of());

        Map<String, CommitFact> honest = MiningOracleTest.mine(dir, MiningOptions.defaults().withThreads(2).withSkips(skips));
        assertThat(honest.keySet()).as("a skipped path leaves its commit counted").isEqualTo(all.keySet());
        long skippedLines = 0;
        for (CommitFact f : honest.values()) {
            GitOracle.Numstat n = git.get(f.sha());
            long[] want = n == null ? new long[] {0, 0} : new long[] {n.additions(), n.deletions()};
            assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("languages + buckets of %s", f.sha())
                    .containsExactly(want);
            long binary = f.excluded().getOrDefault(ExclusionBucket.BINARY, LineCount.ZERO).files();
            assertThat(binary).as("binary files of %s", f.sha()).isEqualTo(n == null ? 0 : n.binaryFiles());
            skippedLines += all.get(f.sha()).additions() - want[0];
        }
        assertThat(skippedLines).as("the patterns skip something").isPositive();
        assertThat(honest.values()).flatExtracting(f -> f.outliers()).as("dumps are *.sql: skipped, not outliers")
                .isEmpty();

        Map<String, CommitFact> raw = MiningOracleTest.mine(dir, MiningOptions.defaults().withRaw(true).withSkips(skips));
        for (GitOracle.Numstat n : all.values()) {
            assertThat(new long[] {raw.get(n.sha()).rawAdditions(), raw.get(n.sha()).rawDeletions()})
                    .as("raw mode ignores skips: %s", n.sha()).containsExactly(n.additions(), n.deletions());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void skippedCommitsAreGitWithoutThem(long seed) throws Exception {
        Path dir = tmp.resolve("repo-" + seed);
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(seed, repo).write(100);
        }
        Map<String, GitOracle.Numstat> git = GitOracle.numstat(dir, "HEAD");
        List<String> skipped = new ArrayList<>();
        int i = 0;
        for (String sha : git.keySet()) {
            if (i++ % 7 == 3) {
                skipped.add(sha);
            }
        }
        MiningOptions options = MiningOptions.defaults().withThreads(2).withSkips(SkipRules.of(List.of(), skipped));
        Map<String, CommitFact> honest = MiningOracleTest.mine(dir, options);
        Set<String> want = new java.util.HashSet<>(git.keySet());
        skipped.forEach(want::remove);
        assertThat(honest.keySet()).isEqualTo(want);
        for (CommitFact f : honest.values()) {
            assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("counts of %s", f.sha())
                    .containsExactly(git.get(f.sha()).additions(), git.get(f.sha()).deletions());
        }
        assertThat(MiningOracleTest.mine(dir, options.withRaw(true)).keySet()).as("raw mode ignores skips")
                .isEqualTo(git.keySet());
    }

    @Test
    void aSkippedFileHasNoLanguageNoBucketNoDetectionAndNoRenamePartner() throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            repo.write("third/lib.js", "var a = 1;\nvar b = 2;\nvar c = 3;\n").write("README.md", "# hi\n")
                    .commit("chore: start");
            String sha = repo.write("package.json", "{\"dependencies\": {\"left-pad\": \"1.0.0\"}}\n")
                    .write("vendor/jquery.js", "x\n".repeat(40))
                    .write("src/App.java", "class App {}\n")
                    .rename("third/lib.js", "src/lib.js")
                    .commit("feat: app");
            SkipRules skips = SkipRules.of(List.of("package.json", "vendor/", "/third/"), List.of());
            CommitFact plain = mineOne(dir, MiningOptions.defaults(), sha);
            assertThat(plain.excluded()).containsKeys(ExclusionBucket.VENDORED, ExclusionBucket.MOVED);
            assertThat(plain.detections()).isNotEmpty();

            CommitFact f = mineOne(dir, MiningOptions.defaults().withSkips(skips), sha);
            assertThat(f.detections()).isEmpty();
            assertThat(f.excluded()).as("no vendored lines, and no rename: its source is skipped").isEmpty();
            assertThat(f.languages()).containsOnlyKeys("Java", "JavaScript");
            assertThat(f.languages().get("JavaScript")).as("the renamed file is new: its lines are written")
                    .isEqualTo(new LineCount(3, 0, 1));
        }
    }

    @Test
    void withoutSkipsTheMinerKeepsGitsOwnTreeFilter() {
        org.eclipse.jgit.treewalk.filter.TreeFilter any = org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF;
        assertThat(SkipRules.NONE.filter(any)).isSameAs(any);
        assertThat(SkipRules.of(List.of(), List.of("0123456789abcdef0123456789abcdef01234567")).filter(any))
                .isSameAs(any);
    }

    private static CommitFact mineOne(Path dir, MiningOptions options, String sha) throws MiningException {
        Map<String, CommitFact> facts = new HashMap<>(MiningOracleTest.mine(dir, options));
        return facts.get(sha);
    }
}
