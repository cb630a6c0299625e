package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository's {@code .mailmap} decides, with the user's emails, which commits are theirs: one behaviour per test,
 * with {@code git log --use-mailmap --author=...} as the judge wherever git and the engine agree by design.
 */
class MailmapMiningTest {

    private static final String USER = "ada@new.example";
    private static final String OLD = "ada@old.example";

    @TempDir
    Path tmp;

    /**
     * A history by the user under their old and new addresses and by someone else, with {@code mailmap} committed
     * last (none when null). Returns the commits under the old address.
     */
    private static Set<String> history(GitRepoBuilder repo, String mailmap) throws Exception {
        Set<String> old = new java.util.HashSet<>();
        repo.author("Ada", OLD).at("2022-03-01T10:00:00+01:00");
        old.add(repo.write("a.py", "a = 1\n").commit("feat: a"));
        old.add(repo.write("a.py", "a = 1\nb = 2\n").commit("feat: b"));
        repo.author("Bob", "bob@example.com");
        repo.write("b.py", "x = 1\ny = 2\n").commit("feat: bob's");
        repo.author("Ada", USER);
        repo.write("a.py", "a = 1\nb = 2\nc = 3\n").commit("feat: c");
        if (mailmap != null) {
            repo.author("Bob", "bob@example.com").write(".mailmap", mailmap).commit("chore: mailmap");
        }
        return old;
    }

    private static Map<String, CommitFact> mineForUser(Path dir) throws MiningException {
        return MiningOracleTest.mine(dir, MiningOptions.defaults().withAuthors(Set.of(USER)).withThreads(2));
    }

    @Test
    void anOldAddressThatTheMailmapMapsToTheUsersCountsAsTheirs() throws Exception {
        Set<String> old;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            old = history(repo, "Ada Lovelace <" + USER + "> <" + OLD + ">\n");
        }
        Map<String, CommitFact> facts = mineForUser(tmp);
        assertThat(facts.keySet()).containsAll(old)
                .isEqualTo(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD").keySet());
    }

    @Test
    void withoutTheMappingTheOldAddressDoesNotCount() throws Exception {
        Set<String> old;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            old = history(repo, null);
        }
        Map<String, CommitFact> facts = mineForUser(tmp);
        assertThat(facts).hasSize(1);
        assertThat(facts.keySet()).doesNotContainAnyElementsOf(old)
                .isEqualTo(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD").keySet());
    }

    @Test
    void aMappedCommitRecordsTheUsersEmailAsTheMailmapWritesIt() throws Exception {
        Set<String> old;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            old = history(repo, "<Ada@New.Example> <ADA@old.example>\n");
        }
        Map<String, CommitFact> facts = mineForUser(tmp);
        Map<String, String> emails = facts.values().stream()
                .collect(Collectors.toMap(CommitFact::sha, CommitFact::authorEmail));
        for (String sha : old) {
            assertThat(emails.get(sha)).isEqualTo("Ada@New.Example");
        }
        // and the commits the user made under that address itself keep it as written
        assertThat(emails.values()).contains(USER);
    }

    @Test
    void aMappingForAnotherNameLeavesTheUsersCommitsUnderThatAddressAlone() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            history(repo, "Ada <" + USER + "> Augusta King <" + OLD + ">\n");
        }
        Map<String, CommitFact> facts = mineForUser(tmp);
        assertThat(facts).hasSize(1); // the old commits are by "Ada", not "Augusta King"
        assertThat(facts.keySet()).isEqualTo(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD").keySet());
    }

    @Test
    void aMappingForTheUsersNameAndOldAddressCountsCaseInsensitively() throws Exception {
        Set<String> old;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            old = history(repo, "Ada <" + USER + "> ADA <Ada@Old.Example>\n");
        }
        Map<String, CommitFact> facts = mineForUser(tmp);
        assertThat(facts.keySet()).containsAll(old)
                .isEqualTo(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD").keySet());
    }

    @Test
    void theMailmapAtHeadDecidesNotOneInAnOlderCommit() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            history(repo, "Ada <" + USER + "> <" + OLD + ">\n");
            repo.delete(".mailmap").commit("chore: no more mailmap");
        }
        assertThat(mineForUser(tmp)).hasSize(1);
        assertThat(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD")).hasSize(1);
    }

    @Test
    void theMailmapAtHeadAppliesToAnotherBranchWalked() throws Exception {
        String sideCommit;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            history(repo, "Ada <" + USER + "> <" + OLD + ">\n");
            repo.branch("side").delete(".mailmap");
            sideCommit = repo.author("Ada", OLD).write("side.py", "s = 1\n").commit("feat: side");
            repo.checkout("main");
        }
        Map<String, CommitFact> facts = MiningOracleTest.mine(tmp,
                MiningOptions.defaults().withRevisions(java.util.List.of("side")).withAuthors(Set.of(USER)));
        assertThat(facts).containsKey(sideCommit)
                .hasSameSizeAs(GitOracle.numstatByMailmappedAuthor(tmp, USER, "side"));
    }

    @Test
    void aWorkTreeRepositoryReadsTheMailmapOfHead() throws Exception {
        Set<String> old;
        try (GitRepoBuilder repo = GitRepoBuilder.init(tmp)) {
            old = history(repo, "Ada <" + USER + "> <" + OLD + ">\n");
        }
        assertThat(mineForUser(tmp).keySet()).containsAll(old)
                .isEqualTo(GitOracle.numstatByMailmappedAuthor(tmp.resolve(".git"), USER, "HEAD").keySet());
    }

    @Test
    void theUsersOwnAddressStaysTheirsWhenTheMailmapMapsItElsewhere() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            history(repo, "Ada <ada@corp.example> <" + USER + ">\n");
        }
        Map<String, CommitFact> facts = mineForUser(tmp);
        // git log --use-mailmap --author would see ada@corp.example only; the user's verified address still counts
        assertThat(facts).hasSize(1);
        assertThat(facts.values()).extracting(CommitFact::authorEmail).containsExactly(USER);
        assertThat(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD")).isEmpty();
    }

    @Test
    void aMailmapThatIsNotAFileMapsNothing() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            history(repo, null);
            repo.author("Bob", "bob@example.com").write(".mailmap/entries", "Ada <" + USER + "> <" + OLD + ">\n")
                    .commit("chore: a folder");
        }
        assertThat(mineForUser(tmp)).hasSize(1);
        assertThat(GitOracle.numstatByMailmappedAuthor(tmp, USER, "HEAD")).hasSize(1); // "mailmap is not a blob"
    }

    @Test
    void everyoneIsMinedUnderTheEmailAsWrittenWhenNoAuthorIsGiven() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            history(repo, "Ada <" + USER + "> <" + OLD + ">\n");
        }
        Map<String, CommitFact> facts = MiningOracleTest.mine(tmp, MiningOptions.defaults());
        assertThat(facts.values()).extracting(CommitFact::authorEmail)
                .containsExactlyInAnyOrder(OLD, OLD, "bob@example.com", USER, "bob@example.com");
    }
}
