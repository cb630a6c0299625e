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
