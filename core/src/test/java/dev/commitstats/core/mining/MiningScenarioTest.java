package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One behaviour of honest mode per test, on small repositories built for it. */
class MiningScenarioTest {

    @TempDir
    Path tmp;

    private static String lines(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(prefix).append(' ').append(i).append(";\n");
        }
        return sb.toString();
    }

    private CommitFact last(GitRepoBuilder repo, String sha) throws MiningException {
        return MiningOracleTest.mine(repo.gitDir(), MiningOptions.defaults()).get(sha);
    }

    @Test
    void aPureRenameIsAllMovedLines() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            repo.write("src/A.java", lines("int a", 40)).commit("feat: a");
            String sha = repo.rename("src/A.java", "src/B.java").commit("refactor: rename");
            CommitFact f = last(repo, sha);
            assertThat(f.languages()).isEmpty();
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(40, 40, 0));
            assertThat(f.kind().type()).isEqualTo(CommitType.REFACTOR);
        }
    }

    @Test
    void aRenameWithAnEditCountsOnlyTheEdit() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            repo.write("src/A.java", lines("int a", 40)).commit("feat: a");
            String edited = lines("int a", 40).replace("int a 7;", "int changed;");
            String sha = repo.delete("src/A.java").write("src/B.java", edited).commit("refactor: rename and edit");
            CommitFact f = last(repo, sha);
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(1, 1, 1));
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(39, 39, 0));
            assertThat(f.rawAdditions()).isEqualTo(40);
            assertThat(f.rawDeletions()).isEqualTo(40);
        }
    }

    /** Languages plus buckets of {@code f} equal git's numstat of its commit (renames and copies off). */
    private static void assertAccountsForEveryLine(GitRepoBuilder repo, CommitFact f) throws Exception {
        GitOracle.Numstat n = GitOracle.numstat(repo.gitDir(), f.sha()).get(f.sha());
        assertThat(new long[] {f.rawAdditions(), f.rawDeletions()}).as("languages + buckets of %s", f.sha())
                .containsExactly(n.additions(), n.deletions());
    }

    @Test
    void aCopyOfAFileTheCommitModifiesIsMovedButForItsNewLines() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String a = lines("int a", 40);
            repo.write("src/A.java", a).commit("feat: a");
            String sha = repo.write("src/A.java", a.replace("int a 5;", "int five;"))
                    .write("src/B.java", a + lines("int extra", 3))
                    .commit("feat: b from a");
            CommitFact f = last(repo, sha);
            // A's own edit (1+, 1-) and B's three new lines are written; B's 40 copied lines only moved
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(40, 0, 0));
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(4, 1, 2));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void aCopyWithEditsCountsOnlyTheEditsAndDeletesNothing() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String a = lines("int a", 40);
            repo.write("src/Source.java", a).commit("feat: a");
            String copy = a.replace("int a 7;", "int seven;").replace("int a 8;\n", "").replace("int a 9;\n", "");
            // the copy comes before its source in the tree: it waits for it
            String sha = repo.write("src/Source.java", a + "int more;\n").write("src/Copy.java", copy).commit("feat: copy");
            CommitFact f = last(repo, sha);
            // Copy.java: 38 lines, of which 37 are A's; git -C reports it as 1 added, 3 deleted, but an added file
            // deletes nothing in the numstat that the accounting adds up to
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(37, 0, 0));
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(2, 0, 2));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void aCopyOfAFileTheCommitLeavesAloneIsWritten() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String z = lines("int z", 30);
            repo.write("src/Z.java", z).write("src/Other.java", lines("int o", 5)).commit("feat: z");
            // git -C (without --find-copies-harder) only looks at files the commit changes: Z is not a source
            String sha = repo.write("src/Y.java", z).write("src/Other.java", lines("int o", 6)).commit("feat: y");
            CommitFact f = last(repo, sha);
            assertThat(f.excluded()).doesNotContainKey(ExclusionBucket.MOVED);
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(31, 0, 2));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void aRenameAndACopyOfTheSameFileInOneCommit() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String a = lines("int a", 40);
            repo.write("src/A.java", a).commit("feat: a");
            String sha = repo.rename("src/A.java", "src/A2.java")
                    .write("src/A3.java", a.replace("int a 7;", "int x;"))
                    .commit("refactor: move a, and copy it");
            CommitFact f = last(repo, sha);
            // the rename moves 40+ 40-, the copy moves 39 lines and writes one
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(79, 40, 0));
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(1, 0, 1));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void pureCopiesWriteNothingAndTouchNoFile() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String a = lines("int a", 20);
            String b = lines("int b", 10);
            repo.write("src/A.java", a).write("src/B.java", b).commit("feat: a, b");
            // A is modified and copied as it was; B is deleted and copied twice (one copy is its rename)
            String sha = repo.write("src/A.java", a + "int a2;\n").write("src/ACopy.java", a)
                    .delete("src/B.java").write("src/B1.java", b).write("src/B2.java", b)
                    .commit("chore: copies");
            CommitFact f = last(repo, sha);
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(40, 10, 0));
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(1, 0, 1));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void copyingAVendoredFileOrIntoVendorIsNotAMove() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String a = lines("int a", 20);
            String v = lines("var v", 20);
            repo.write("src/A.java", a).write("vendor/lib/v.js", v).commit("feat: a");
            String sha = repo.write("src/A.java", a + "int a2;\n").write("vendor/copy/A.java", a)
                    .write("vendor/lib/v.js", v + "var w;\n").write("web/v.js", v)
                    .commit("chore: copies across vendor/");
            CommitFact f = last(repo, sha);
            assertThat(f.excluded()).doesNotContainKey(ExclusionBucket.MOVED);
            assertThat(f.excluded().get(ExclusionBucket.VENDORED)).isEqualTo(new LineCount(21, 0, 2));
            assertThat(f.languages().get("JavaScript")).isEqualTo(new LineCount(20, 0, 1));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void overTheCopyLimitOnlyIdenticalCopiesAreFound() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String a = lines("int a", 20);
            repo.write("src/A.java", a).commit("feat: a");
            repo.write("src/A.java", a + "int a2;\n").write("src/Same.java", a)
                    .write("src/Edited.java", a.replace("int a 3;", "int three;"));
            for (int i = 0; i < CommitMiner.COPY_LIMIT; i++) {
                repo.write("gen/F" + i + ".txt", "file " + i + "\n");
            }
            String sha = repo.commit("chore: a huge commit");
            CommitFact f = last(repo, sha);
            // 402 added files: Same.java (identical to A's pre-image) still moves, Edited.java is counted as written
            assertThat(f.excluded().get(ExclusionBucket.MOVED)).isEqualTo(new LineCount(20, 0, 0));
            assertThat(f.languages().get("Java")).isEqualTo(new LineCount(21, 0, 2));
            assertAccountsForEveryLine(repo, f);
        }
    }

    @Test
    void vendoredGeneratedBinaryAndDocumentationGoToTheirBuckets() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String sha = repo.write("vendor/lib/x.go", lines("var x", 10))
                    .write("package-lock.json", "{\n  \"lockfileVersion\": 3\n}\n")
                    .write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2})
                    .write("README.md", "# Title\n\ntext\n")
                    .write("main.py", "print('hi')\n")
                    .commit("docs: things");
            CommitFact f = last(repo, sha);
            assertThat(f.excluded().get(ExclusionBucket.VENDORED)).isEqualTo(new LineCount(10, 0, 1));
            assertThat(f.excluded().get(ExclusionBucket.GENERATED)).isEqualTo(new LineCount(3, 0, 1));
            assertThat(f.excluded().get(ExclusionBucket.BINARY)).isEqualTo(new LineCount(0, 0, 1));
            assertThat(f.languages()).containsOnlyKeys("Documentation", "Python");
            assertThat(f.languages().get("Documentation")).isEqualTo(new LineCount(3, 0, 1));
        }
    }

    @Test
    void aHugeSingleFileChangeIsBulkAndListedAsAnOutlier() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String sha = repo.write("data/seed.sql", lines("INSERT x", 2500)).write("App.java", "class App {}\n").commit("chore: seed");
            CommitFact f = last(repo, sha);
            assertThat(f.excluded().get(ExclusionBucket.BULK)).isEqualTo(new LineCount(2500, 0, 1));
            assertThat(f.outliers()).containsExactly(new OutlierFile("data/seed.sql", "SQL", 2500, 0));
            assertThat(f.languages()).containsOnlyKeys("Java");
        }
    }

    @Test
    void detectorsReportToolsAndPackagesIntroduced() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String sha = repo.write("Dockerfile", "FROM eclipse-temurin:17\n")
                    .write("package.json", "{\"dependencies\": {\"left-pad\": \"1.0.0\"}}\n")
                    .write(".gitlab-ci.yml", "test:\n  script: make\n")
                    .commit("build: container");
            CommitFact f = last(repo, sha);
            assertThat(f.detections()).extracting(Detection::kind)
                    .contains(DetectionKind.DOCKERFILE, DetectionKind.CI_PIPELINE, DetectionKind.PACKAGE);
            assertThat(f.detections()).contains(new Detection(DetectionKind.PACKAGE, "npm", "left-pad"));
        }
    }

    @Test
    void authorTimeKeepsItsOffsetAndTheTypeIsParsed() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String sha = repo.author("Ada", "Ada@Example.com").at("2024-05-06T23:30:00-07:00")
                    .write("a.c", "int main(){}\n").commit("feat(core)!: launch\n\nBREAKING CHANGE: all of it");
            CommitFact f = last(repo, sha);
            assertThat(f.authorOffsetMinutes()).isEqualTo(-420);
            assertThat(f.authorLocalTime().toString()).isEqualTo("2024-05-06T23:30-07:00");
            assertThat(f.kind().type()).isEqualTo(CommitType.FEAT);
            assertThat(f.kind().breaking()).isTrue();
            assertThat(f.parentCount()).isZero();
        }
    }

    @Test
    void alreadyMinedCommitsAreSkipped() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            String first = repo.write("a.txt", "a\n").commit("one");
            repo.write("a.txt", "a\nb\n").commit("two");
            try (RepositoryMiner miner = RepositoryMiner.open(tmp)) {
                List<String> seen = new java.util.ArrayList<>();
                MiningResult r = miner.mine(MiningOptions.defaults(), first::equals, f -> seen.add(f.sha()), MiningListener.NONE);
                assertThat(r.mined()).isEqualTo(1);
                assertThat(r.skipped()).isEqualTo(1);
                assertThat(seen).doesNotContain(first);
            }
        }
    }

    @Test
    void aFolderThatIsNotARepositoryIsAClearError() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> RepositoryMiner.open(plain)).isInstanceOf(MiningException.class)
                .hasMessage("not a git repository: " + plain);
        assertThatThrownBy(() -> RepositoryMiner.open(tmp.resolve("missing"))).hasMessageContaining("no such folder");
    }

    @Test
    void anUnknownRevisionIsAClearError() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            repo.write("a.txt", "a\n").commit("one");
        }
        try (RepositoryMiner miner = RepositoryMiner.open(tmp)) {
            assertThatThrownBy(() -> miner.mine(MiningOptions.defaults().withRevisions(List.of("no-such-branch")),
                    s -> false, f -> { }, MiningListener.NONE))
                    .isInstanceOf(MiningException.class)
                    .hasMessage("unknown revision 'no-such-branch' in " + tmp);
        }
    }

    @Test
    void aMissingBlobIsAClearErrorNamingTheObject() throws Exception {
        String blob;
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp)) {
            repo.write("a.txt", "a\n").commit("one");
            repo.write("b.txt", "only here\n").commit("two");
            blob = new org.eclipse.jgit.lib.ObjectInserter.Formatter().idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB,
                    "only here\n".getBytes()).name();
        }
        Files.delete(tmp.resolve("objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2)));
        try (RepositoryMiner miner = RepositoryMiner.open(tmp)) {
            assertThatThrownBy(() -> miner.mine(MiningOptions.defaults(), s -> false, f -> { }, MiningListener.NONE))
                    .isInstanceOf(MiningException.class)
                    .hasMessageContaining("missing object " + blob);
        }
    }

    @Test
    void anEmptyRepositoryHasNoCommits() throws Exception {
        try (GitRepoBuilder ignored = GitRepoBuilder.initBare(tmp)) {
            // nothing committed
        }
        Map<String, CommitFact> facts = MiningOracleTest.mine(tmp, MiningOptions.defaults());
        assertThat(facts).isEmpty();
    }
}
