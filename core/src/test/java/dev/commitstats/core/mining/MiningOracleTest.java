package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commitstats.core.classify.FileClassifier;
import dev.commitstats.core.detect.Detectors;
import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against the {@code git} command line on generated histories: raw mode equals git's numstat commit by
 * commit, and honest mode puts every one of git's lines into exactly one language or bucket; a copy that honest mode
 * and {@code git log -C50%} both find counts the additions git reports for it as written.
 */
class MiningOracleTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void rawModeEqualsGitNumstatAndHonestModeAccountsForEveryLine(long seed) throws Exception {
        Path dir = tmp.resolve("repo-" + seed);
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(seed, repo).write(120);
        }
        Map<String, GitOracle.Numstat> git = GitOracle.numstat(dir, "HEAD");

        Map<String, CommitFact> raw = mine(dir, MiningOptions.defaults().withRaw(true).withThreads(2));
        assertThat(raw.keySet()).isEqualTo(git.keySet());
        for (GitOracle.Numstat n : git.values()) {
            CommitFact f = raw.get(n.sha());
            assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("raw counts of %s", n.sha())
                    .containsExactly(n.additions(), n.deletions());
            assertThat(f.excluded()).as("raw mode excludes nothing").isEmpty();
        }

        Map<String, CommitFact> honest = mine(dir, MiningOptions.defaults().withThreads(2).withBulkThreshold(2000));
        assertThat(honest.keySet()).isEqualTo(git.keySet());
        for (GitOracle.Numstat n : git.values()) {
            CommitFact f = honest.get(n.sha());
            assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("languages + buckets of %s", n.sha())
                    .containsExactly(n.additions(), n.deletions());
            long binary = f.excluded().getOrDefault(ExclusionBucket.BINARY, LineCount.ZERO).files();
            assertThat(binary).as("binary files of %s", n.sha()).isEqualTo(n.binaryFiles());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void copiesThatGitAlsoFindsCountTheAdditionsGitReportsForThem(long seed) throws Exception {
        Path dir = tmp.resolve("repo-" + seed);
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(seed, repo).write(120);
        }
        Map<String, List<GitOracle.Pair>> git = GitOracle.renamesAndCopies(dir, "HEAD");
        int compared = 0;
        int ours = 0;
        int gitPairs = 0; // renames and copies
        try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
             CommitMiner miner = new CommitMiner(repository, FileClassifier.standard(), Detectors.standard(),
                     MiningOptions.defaults())) {
            for (Map.Entry<String, List<GitOracle.Pair>> commit : git.entrySet()) {
                miner.mine(ObjectId.fromString(commit.getKey()));
                Map<List<String>, CommitMiner.Copy> copies = new HashMap<>();
                for (CommitMiner.Copy c : miner.copies()) {
                    copies.put(List.of(c.source(), c.path()), c);
                }
                ours += copies.size();
                gitPairs += commit.getValue().size();
                for (GitOracle.Pair p : commit.getValue()) {
                    CommitMiner.Copy c = copies.get(List.of(p.from(), p.to()));
                    if (c != null) {
                        // git's additions for "from => to" are the lines of the copy that its source does not have
                        assertThat(c.realAdded()).as("%s: %s => %s", commit.getKey(), p.from(), p.to())
                                .isEqualTo(p.additions());
                        compared++;
                    }
                }
            }
        }
        // the others: a source that ties with git's choice, or a similarity a few points apart (JGit's estimate of
        // git's) for a small file near 50%
        assertThat(compared).as("copies (of %d) that git pairs the same way (of %d pairs)", ours, gitPairs)
                .isPositive().isGreaterThanOrEqualTo(ours * 3 / 4);
    }

    @ParameterizedTest(name = "author {0}")
    @ValueSource(strings = {"alice@example.com", "BOB@example.com", "nobody@example.com"})
    void authorFilterMatchesEmailsCaseInsensitively(String email) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.init(dir)) {
            new RandomHistory(42, repo).write(80);
        }
        long[] want = GitOracle.totals(GitOracle.numstat(dir.resolve(".git"), "HEAD"), email);
        Map<String, CommitFact> facts = mine(dir, MiningOptions.defaults().withRaw(true).withAuthors(Set.of(email)));
        long add = facts.values().stream().mapToLong(CommitFact::rawAdditions).sum();
        long del = facts.values().stream().mapToLong(CommitFact::rawDeletions).sum();
        assertThat(new long[] {facts.size(), add, del}).containsExactly(want);
    }

    /**
     * The user's commits with a {@code .mailmap} at HEAD equal what {@code git log --use-mailmap --author} selects:
     * mapped addresses count, a comment or a mapping for another name does not.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Alice <alice@example.com> <CAROL@example.org>",
        "<alice@example.com> Bob <bob@EXAMPLE.com>",
        "Alice <alice@example.com> Robert <bob@example.com>",
        "# Alice <alice@example.com> <carol@example.org>",
        "Carol <carol@example.org>"})
    void mailmappedAuthorsCountAsGitLogUseMailmapSelectsThem(String mailmap) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(11, repo).write(80);
            repo.checkout("main").author("Dave", "dave@example.net").write(".mailmap", mailmap + "\n").commit("chore: mailmap");
        }
        String user = RandomHistory.AUTHORS[0];
        Map<String, GitOracle.Numstat> git = GitOracle.numstatByMailmappedAuthor(dir, user, "HEAD");
        Map<String, CommitFact> raw = mine(dir, MiningOptions.defaults().withRaw(true).withAuthors(Set.of(user)));
        assertThat(raw.keySet()).isEqualTo(git.keySet());
        for (GitOracle.Numstat n : git.values()) {
            CommitFact f = raw.get(n.sha());
            assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("raw counts of %s", n.sha())
                    .containsExactly(n.additions(), n.deletions());
            assertThat(f.authorEmail()).as("email of %s", n.sha()).isEqualToIgnoringCase(n.authorEmail());
        }
        assertThat(git.size()).as("the user's own commits at least")
                .isGreaterThanOrEqualTo((int) GitOracle.totals(GitOracle.numstat(dir, "HEAD"), user)[0]);
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 3})
    void allBranchesWalksEveryCommitOnce(int threads) throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(dir)) {
            new RandomHistory(7, repo).write(60);
            repo.branch("side");
            repo.write("side.txt", "a\nb\n").commit("feat: side work");
        }
        Map<String, GitOracle.Numstat> git = GitOracle.numstat(dir, "--branches");
        List<String> seen = new ArrayList<>();
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            miner.mine(MiningOptions.defaults().withAllBranches().withRaw(true).withThreads(threads), sha -> false,
                    f -> seen.add(f.sha()), MiningListener.NONE);
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(git.keySet());
    }

    static Map<String, CommitFact> mine(Path dir, MiningOptions options) throws MiningException {
        Map<String, CommitFact> out = new HashMap<>();
        try (RepositoryMiner miner = RepositoryMiner.open(dir)) {
            miner.mine(options, sha -> false, f -> out.put(f.sha(), f), MiningListener.NONE);
        }
        return out;
    }
}
