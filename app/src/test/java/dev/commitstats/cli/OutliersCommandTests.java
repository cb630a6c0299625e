package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code commitstats outliers} after {@code collect}: the owner's bulk files are listed, a decision is kept and the
 * totals of {@code export} follow it; a bad ID changes nothing; another user's files stay out of reach.
 */
class OutliersCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private String seedSha;
    private String bigSha;
    private String bobSha;

    /**
     * Ada (a@x) changes db/seed.sql by 2,500 lines and src/Big.java by 2,100, both over the bulk threshold of 2,000,
     * besides small changes; Bob (b@x) adds a 3,000-line gen/bob.py.
     */
    private Path repository() throws IOException {
        Path repo = tmp.resolve("repo");
        try (GitRepoBuilder b = GitRepoBuilder.init(repo)) {
            b.author("Ada", "a@x").at("2024-03-01T10:00:00+01:00")
                    .write("src/Main.java", "class Main {\n}\n").commit("feat: start");
            seedSha = b.author("Ada", "a@x").at("2024-03-05T10:00:00+01:00")
                    .write("db/seed.sql", lines("INSERT INTO t VALUES (%d);", 2500)).write("app.py", "print(1)\nprint(2)\n")
                    .commit("chore: seed data");
            bigSha = b.author("Ada", "a@x").at("2024-03-08T10:00:00+01:00")
                    .write("src/Big.java", lines("  int v%d;", 2100)).commit("feat: big");
            bobSha = b.author("Bob", "b@x").at("2024-03-10T10:00:00-05:00")
                    .write("gen/bob.py", lines("x%d = 1", 3000)).commit("chore: bob's data");
        }
        return repo;
    }

    private static String lines(String format, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format(format, i)).append('\n');
        }
        return s.toString();
    }

    private static CommandLineTests.Run run(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of(db.cliOptions()));
        return CommandLineTests.run(all.toArray(String[]::new));
    }

    private static CommandLineTests.Run ok(TestDatabase db, String... args) {
        CommandLineTests.Run r = run(db, args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private Path collected(TestDatabase db, String login, String email) throws IOException {
        Path repo = tmp.resolve("repo").toFile().exists() ? tmp.resolve("repo") : repository();
        ok(db, "collect", "--user", login, "--email", email, repo.toString());
        return repo;
    }

    private static JsonNode export(TestDatabase db, String login) {
        return JSON.readTree(ok(db, "export", "--user", login, "--format", "json").out());
    }

    private static JsonNode listed(TestDatabase db, String login) {
        JsonNode list = JSON.readTree(ok(db, "outliers", "--user", login, "--format", "json").out());
        assertThat(list.isArray()).isTrue();
        return list;
    }

    @DatabaseTest
    void listsTheOwnersFilesAndTheTotalsFollowEachDecision(TestDatabase db) throws IOException {
        collected(db, "u", "a@x");
        JsonNode before = export(db, "u");
        assertThat(before.get("languages").has("SQL")).isFalse();
        assertThat(before.get("excluded").get("bulk").get("additions").asLong()).isEqualTo(4600);

        JsonNode list = listed(db, "u");
        assertThat(list.size()).isEqualTo(2);
        JsonNode seed = list.get(0); // largest first
        assertThat(seed.get("path").asString()).isEqualTo("db/seed.sql");
        assertThat(seed.get("commit").asString()).isEqualTo(seedSha);
        assertThat(seed.get("short_commit").asString()).isEqualTo(seedSha.substring(0, 7));
        assertThat(seed.get("id").asString()).isEqualTo(seedSha.substring(0, 7) + ":db/seed.sql");
        assertThat(seed.get("repository").asString()).isEqualTo("repo");
        assertThat(seed.get("language").asString()).isEqualTo("SQL");
        assertThat(seed.get("additions").asLong()).isEqualTo(2500);
        assertThat(seed.get("deletions").asLong()).isZero();
        assertThat(seed.get("included").asBoolean()).isFalse();
        assertThat(list.get(1).get("id").asString()).isEqualTo(bigSha.substring(0, 7) + ":src/Big.java");
        assertThat(list.get(1).get("language").asString()).isEqualTo("Java");
        String seedId = seed.get("id").asString();

        String table = ok(db, "outliers", "--user", "u").out();
        assertThat(table).contains("ID (COMMIT:PATH)").contains(seedId).contains("+2,500").contains("+2,100")
                .contains("SQL").contains("repo").contains("0 included").contains("2 excluded");
        assertThat(table.indexOf(seedId)).isLessThan(table.indexOf(":src/Big.java"));
        assertThat(table.lines().filter(l -> l.startsWith("excluded")).count()).isEqualTo(2);

        // include: the file's lines leave the bulk bucket for SQL, in the totals and in every period
        CommandLineTests.Run include = ok(db, "outliers", "--user", "u", "--include", seedId);
        assertThat(include.out()).contains("now included  " + seedId)
                .containsPattern("Lines of u\\s+\\+" + String.format("%,d", before.get("additions").asLong()) + " -")
                .contains("->  +" + String.format("%,d", before.get("additions").asLong() + 2500))
                .containsPattern("Set apart as bulk\\s+\\+4,600 -0  ->  \\+2,100 -0");
        JsonNode after = export(db, "u");
        assertThat(after.get("additions").asLong()).isEqualTo(before.get("additions").asLong() + 2500);
        assertThat(after.get("deletions").asLong()).isEqualTo(before.get("deletions").asLong());
        assertThat(after.get("languages").get("SQL").get("additions").asLong()).isEqualTo(2500);
        assertThat(after.get("languages").get("SQL").get("files").asLong()).isEqualTo(1);
        assertThat(after.get("excluded").get("bulk").get("additions").asLong()).isEqualTo(2100);
        assertThat(after.get("excluded").get("bulk").get("files").asLong()).isEqualTo(1);
        assertThat(after.get("repositories").get(0).get("additions").asLong()).isEqualTo(after.get("additions").asLong());
        assertThat(csvSum(ok(db, "export", "--user", "u", "--format", "csv", "--period", "month").out(), "additions"))
                .isEqualTo(after.get("additions").asLong());
        assertThat(csvSum(ok(db, "export", "--user", "u", "--format", "csv").out(), "additions_SQL")).isEqualTo(2500);
        assertThat(listed(db, "u").get(0).get("included").asBoolean()).isTrue();
        assertThat(ok(db, "outliers", "--user", "u").out()).contains("1 included").contains("1 excluded");

        // including again changes nothing and says so
        assertThat(ok(db, "outliers", "--user", "u", "--include", seedId).out()).contains("already included  " + seedId);
        assertThat(export(db, "u").get("additions")).isEqualTo(after.get("additions"));

        // exclude, by the whole sha this time: back to the first totals
        JsonNode exclude = JSON.readTree(ok(db, "outliers", "--user", "u", "--exclude", seedSha + ":db/seed.sql",
                "--format", "json").out());
        assertThat(exclude.get("user").asString()).isEqualTo("u");
        assertThat(exclude.get("changed").size()).isEqualTo(1);
        assertThat(exclude.get("changed").get(0).get("id").asString()).isEqualTo(seedId);
        assertThat(exclude.get("changed").get(0).get("included").asBoolean()).isFalse();
        assertThat(exclude.get("unchanged").size()).isZero();
        assertThat(exclude.get("before").get("additions")).isEqualTo(after.get("additions"));
        assertThat(exclude.get("after").get("additions")).isEqualTo(before.get("additions"));
        assertThat(exclude.get("after").get("bulk").get("additions").asLong()).isEqualTo(4600);
        JsonNode back = export(db, "u");
        for (String field : List.of("commits", "additions", "deletions", "languages", "excluded", "repositories", "series")) {
            assertThat(back.get(field)).as(field).isEqualTo(before.get(field));
        }

        // both files at once, in one run
        JsonNode both = JSON.readTree(ok(db, "outliers", "--user", "u", "--include", seedId,
                "--include", list.get(1).get("id").asString(), "--format", "json").out());
        assertThat(both.get("changed").size()).isEqualTo(2);
        assertThat(both.get("after").get("bulk").get("additions").asLong()).isZero();
        assertThat(export(db, "u").get("additions").asLong()).isEqualTo(before.get("additions").asLong() + 4600);
    }

    @DatabaseTest
    void aBadIdChangesNothingAndIsOneLine(TestDatabase db) throws IOException {
        collected(db, "u", "a@x");
        JsonNode before = export(db, "u");
        String seedId = seedSha.substring(0, 7) + ":db/seed.sql";
        String bigId = bigSha.substring(0, 7) + ":src/Big.java";

        // the unknown ID comes last: the valid ones before it are not applied either
        CommandLineTests.Run unknown = run(db, "outliers", "--user", "u", "--include", seedId, "--exclude", bigId,
                "--include", seedSha.substring(0, 7) + ":db/nope.sql");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().strip()).isEqualTo("commitstats: user 'u' has no outlier file " + seedSha.substring(0, 7)
                + ":db/nope.sql (list them with `commitstats outliers --user u`); nothing changed");

        CommandLineTests.Run malformed = run(db, "outliers", "--user", "u", "--include", seedId, "--include", "db/seed.sql");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err().strip()).startsWith("commitstats: not an outlier ID: 'db/seed.sql'").doesNotContain("\n");

        // the same file under two spellings
        CommandLineTests.Run contradiction = run(db, "outliers", "--user", "u", "--include", seedId,
                "--exclude", seedSha + ":db/seed.sql");
        assertThat(contradiction.exitCode()).isEqualTo(1);
        assertThat(contradiction.err().strip())
                .isEqualTo("commitstats: outlier file " + seedId + " is both to include and to exclude; nothing changed");

        assertThat(listed(db, "u")).allSatisfy(o -> assertThat(o.get("included").asBoolean()).isFalse());
        assertThat(export(db, "u").get("excluded")).isEqualTo(before.get("excluded"));

        CommandLineTests.Run nobody = run(db, "outliers", "--user", "nobody", "--include", seedId);
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err().strip()).isEqualTo("commitstats: no user 'nobody' in this database: collect their commits first");
        assertThat(run(db, "outliers", "--user", "nobody").exitCode()).isEqualTo(1);

        // bad usage is picocli's exit code 2
        assertThat(run(db, "outliers", "--user", "u", "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(run(db, "outliers", "--user", "").exitCode()).isEqualTo(2);
        assertThat(run(db, "outliers").exitCode()).isEqualTo(2);
        assertThat(run(db, "outliers", "--user", "u", "--include").exitCode()).isEqualTo(2);
    }

    @DatabaseTest
    void anotherUsersOutliersAreNeitherListedNorChanged(TestDatabase db) throws IOException {
        collected(db, "u", "a@x");
        collected(db, "bob", "b@x");
        JsonNode uBefore = export(db, "u");

        assertThat(listed(db, "u")).extracting(o -> o.get("path").asString()).containsExactly("db/seed.sql", "src/Big.java");
        JsonNode bobs = listed(db, "bob");
        assertThat(bobs).extracting(o -> o.get("path").asString()).containsExactly("gen/bob.py");
        assertThat(ok(db, "outliers", "--user", "u").out()).doesNotContain("bob.py");
        String bobId = bobs.get(0).get("id").asString();
        assertThat(bobId).isEqualTo(bobSha.substring(0, 7) + ":gen/bob.py");

        CommandLineTests.Run r = run(db, "outliers", "--user", "u", "--include", bobId);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("user 'u' has no outlier file " + bobId);
        assertThat(listed(db, "bob").get(0).get("included").asBoolean()).isFalse();

        // bob's own decision moves bob's totals only
        ok(db, "outliers", "--user", "bob", "--include", bobId);
        assertThat(export(db, "bob").get("languages").get("Python").get("additions").asLong()).isEqualTo(3000);
        JsonNode uAfter = export(db, "u");
        for (String field : List.of("additions", "deletions", "languages", "excluded")) {
            assertThat(uAfter.get(field)).as(field).isEqualTo(uBefore.get(field));
        }
    }

    @DatabaseTest
    void aUserWithoutOutliersIsToldSo(TestDatabase db) throws IOException {
        Path repo = tmp.resolve("small");
        try (GitRepoBuilder b = GitRepoBuilder.init(repo)) {
            b.author("Ada", "a@x").at("2024-03-01T10:00:00Z").write("a.txt", "a\n").commit("feat: a");
        }
        ok(db, "collect", "--user", "u", "--email", "a@x", repo.toString());
        assertThat(ok(db, "outliers", "--user", "u").out().strip())
                .isEqualTo("User 'u' has no outlier files: none of their file changes is over 2,000 lines.");
        assertThat(ok(db, "outliers", "--user", "u", "--format", "json").out().strip()).isEqualTo("[ ]");
    }

    /** The sum of one column of a CSV export (no quoting in these files). */
    private static long csvSum(String csv, String column) {
        List<String> rows = csv.lines().toList();
        int c = List.of(rows.get(0).split(",")).indexOf(column);
        assertThat(c).as(column).isPositive();
        return rows.subList(1, rows.size()).stream().mapToLong(r -> Long.parseLong(r.split(",", -1)[c])).sum();
    }
}
