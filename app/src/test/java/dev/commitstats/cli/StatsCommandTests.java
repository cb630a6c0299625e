package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code commitstats stats} as a user runs it: output contract, exit codes, errors. */
class StatsCommandTests {

    @TempDir
    Path tmp;

    Path repo;

    @BeforeEach
    void repository() throws Exception {
        repo = tmp.resolve("repo");
        try (GitRepoBuilder b = GitRepoBuilder.init(repo)) {
            b.author("Ada", "ada@example.com").at("2024-03-01T09:00:00+01:00")
                    .write("src/Main.java", "class Main {\n}\n").write("README.md", "# hi\n").commit("feat: start");
            b.author("Bob", "bob@example.com").at("2024-03-02T22:00:00-05:00")
                    .write("src/Main.java", "class Main {\n  int x;\n}\n").write("vendor/lib.js", "var a;\nvar b;\n")
                    .write("Dockerfile", "FROM scratch\n").commit("fix(core): x");
            b.author("Ada", "ADA@example.com").at("2024-03-05T10:00:00+01:00")
                    .rename("src/Main.java", "src/App.java").commit("refactor: rename");
        }
    }

    @Test
    void jsonIsOneObjectWithTheDocumentedShape() throws Exception {
        CommandLineTests.Run r = CommandLineTests.run("stats", repo.toString(), "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertThat(doc.get("commits").asLong()).isEqualTo(3);
        assertThat(doc.get("revision").asString()).hasSize(40);
        assertThat(doc.get("languages").get("Java").get("additions").asLong()).isEqualTo(3);
        assertThat(doc.get("languages").get("Documentation").get("additions").asLong()).isEqualTo(1);
        assertThat(doc.get("excluded").get("vendored").get("additions").asLong()).isEqualTo(2);
        assertThat(doc.get("excluded").get("moved").get("additions").asLong()).isEqualTo(3);
        assertThat(doc.get("excluded").get("binary").get("files").asLong()).isZero();
        assertThat(doc.get("types").get("feat").asLong()).isEqualTo(1);
        assertThat(doc.get("types").get("refactor").asLong()).isEqualTo(1);
        assertThat(doc.get("types_inferred").isEmpty()).as("every type is declared").isTrue();
        assertThat(doc.get("detected").get("dockerfile").asLong()).isEqualTo(1);
        assertThat(doc.get("first_commit").asString()).isEqualTo("2024-03-01T09:00:00+01:00");
        assertThat(doc.get("active_days").asLong()).isEqualTo(3);
        assertThat(doc.get("additions").asLong())
                .isEqualTo(doc.get("languages").properties().stream().mapToLong(e -> e.getValue().get("additions").asLong()).sum());
    }

    @Test
    void rawModeWithAnAuthorEqualsGit() throws Exception {
        CommandLineTests.Run r = CommandLineTests.run("stats", repo.toString(), "--raw", "--format", "json", "--author", "ADA@example.com");
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        long[] git = GitOracle.totals(GitOracle.numstat(repo.resolve(".git"), "HEAD"), "ada@example.com");
        assertThat(new long[] {doc.get("commits").asLong(), doc.get("additions").asLong(), doc.get("deletions").asLong()})
                .containsExactly(git);
        assertThat(doc.get("excluded").isEmpty()).isTrue();
        assertThat(doc.get("authors").get(0).asString()).isEqualTo("ada@example.com");
    }

    @Test
    void tableShowsLanguagesAndBuckets() {
        CommandLineTests.Run r = CommandLineTests.run("stats", repo.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Commits     3").contains("Java").contains("vendored").contains("moved")
                .contains("dockerfile 1");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void typesReadFromTheWordingAreMarkedInferred() throws Exception {
        Path other = tmp.resolve("other");
        try (GitRepoBuilder b = GitRepoBuilder.init(other)) {
            b.author("Ada", "ada@example.com").at("2024-03-01T09:00:00+01:00");
            b.write("a.txt", "1\n").commit("feat: declared");
            b.write("a.txt", "2\n").commit("Add an export");
            b.write("a.txt", "3\n").commit("LANG-12: Fix NPE in the parser");
            b.write("a.txt", "4\n").commit("Update");
        }
        CommandLineTests.Run r = CommandLineTests.run("stats", other.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertThat(doc.get("types").get("feat").asLong()).isEqualTo(2);
        assertThat(doc.get("types").get("fix").asLong()).isEqualTo(1);
        assertThat(doc.get("types").get("other").asLong()).isEqualTo(1);
        assertThat(names(doc.get("types_inferred"))).containsExactly("feat", "fix");
        assertThat(doc.get("types_inferred").get("feat").asLong()).isEqualTo(1);
        assertThat(doc.get("types_inferred").get("fix").asLong()).isEqualTo(1);
        assertThat(names(doc)).containsSubsequence("types", "types_inferred", "breaking_changes");

        CommandLineTests.Run table = CommandLineTests.run("stats", other.toString());
        assertThat(table.out()).contains("Commit types  feat 2 (1 inferred)  fix 1 (1 inferred)  other 1");
    }

    private static java.util.List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void notARepositoryIsOneLineAndExit1() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        CommandLineTests.Run r = CommandLineTests.run("stats", plain.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("commitstats: not a git repository: " + plain);
    }

    @Test
    void unknownRevisionIsOneLineAndExit1() {
        CommandLineTests.Run r = CommandLineTests.run("stats", repo.toString(), "--rev", "nope");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("commitstats: unknown revision 'nope'").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void conflictingOptionsAreAUsageError() {
        assertThat(CommandLineTests.run("stats", repo.toString(), "--rev", "HEAD", "--all").exitCode()).isEqualTo(2);
        assertThat(CommandLineTests.run("stats", repo.toString(), "--since", "yesterday").exitCode()).isEqualTo(2);
        assertThat(CommandLineTests.run("stats", repo.toString(), "--threads", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void sinceAndUntilBoundTheAuthorDate() throws Exception {
        CommandLineTests.Run r = CommandLineTests.run("stats", repo.toString(), "--format", "json", "--since", "2024-03-02", "--until", "2024-03-04");
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertThat(doc.get("commits").asLong()).isEqualTo(1);
        Map<String, GitOracle.Numstat> all = GitOracle.numstat(repo.resolve(".git"), "HEAD");
        assertThat(all).hasSize(3);
    }
}
