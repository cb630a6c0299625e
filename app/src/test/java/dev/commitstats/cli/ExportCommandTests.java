package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code commitstats export} after {@code collect}: the same numbers as {@code stats}, in every format. */
class ExportCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** Two authors, several languages, a vendored file, a rename, a bulk file, a Dockerfile, over two months. */
    private Path repository() throws IOException {
        Path repo = tmp.resolve("repo");
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            seed.append("INSERT INTO t VALUES (").append(i).append(");\n");
        }
        try (GitRepoBuilder b = GitRepoBuilder.init(repo)) {
            b.author("Ada", "a@x").at("2024-02-28T23:30:00+01:00")
                    .write("src/Main.java", "class Main {\n}\n").write("README.md", "# hi\n").commit("feat: start");
            b.author("Bob", "b@x").at("2024-03-02T22:00:00-05:00")
                    .write("src/Main.java", "class Main {\n  int x;\n}\n").write("vendor/lib.js", "var a;\nvar b;\n")
                    .commit("fix(core): x");
            b.author("Ada", "a@x").at("2024-03-04T10:00:00+01:00")
                    .write("app.py", "print(1)\nprint(2)\n").write("vendor/other.js", "var c;\n")
                    .write("Dockerfile", "FROM scratch\n").commit("feat!: python");
            b.author("Ada", "A@x").at("2024-03-05T10:00:00+01:00")
                    .rename("src/Main.java", "src/App.java").commit("refactor: rename");
            b.author("Ada", "a@x").at("2024-03-12T08:00:00-07:00")
                    .write("db/seed.sql", seed.toString()).write("app.py", "print(1)\n").commit("chore: seed data");
            b.author("Ada", "a@x").at("2024-04-01T12:00:00Z")
                    .write("src/App.java", "class App {\n  int y;\n}\n").commit("docs: nothing to see");
        }
        return repo;
    }

    private static String[] args(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of(db.cliOptions()));
        return all.toArray(String[]::new);
    }

    private Path collected(TestDatabase db) throws IOException {
        Path repo = repository();
        CommandLineTests.Run collect = CommandLineTests.run(args(db, "collect", "--user", "u", "--email", "a@x", repo.toString()));
        assertThat(collect.exitCode()).as(collect.err()).isZero();
        return repo;
    }

    @DatabaseTest
    void jsonTotalsEqualStatsAndTablesSumToThem(TestDatabase db) throws Exception {
        Path repo = collected(db);

        CommandLineTests.Run stats = CommandLineTests.run("stats", repo.toString(), "--all", "--author", "a@x", "--format", "json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode expected = JSON.readTree(stats.out());
        CommandLineTests.Run export = CommandLineTests.run(args(db, "export", "--user", "u", "--format", "json"));
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode doc = JSON.readTree(export.out());
        for (String field : List.of("commits", "additions", "deletions", "languages", "excluded", "types",
                "breaking_changes", "first_commit", "last_commit", "active_days", "detected")) {
            assertThat(doc.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(doc.get("commits").asLong()).isEqualTo(5);
        assertThat(doc.get("excluded").get("bulk").get("additions").asLong()).isEqualTo(2500);
        assertThat(doc.get("excluded").get("vendored").get("additions").asLong()).isEqualTo(1);
        assertThat(doc.get("excluded").get("moved").get("additions").asLong()).isEqualTo(3);
        assertThat(doc.get("user").get("login").asString()).isEqualTo("u");
        assertThat(doc.get("activity").get("active_days").asLong()).isEqualTo(5);
        assertThat(doc.get("series").get("week").size()).isEqualTo(4);
        assertThat(doc.get("repositories").get(0).get("commits").asLong()).isEqualTo(5);
        assertThat(doc.get("punch_card").size()).isEqualTo(7);
        assertThat(doc.get("punch_card").get(0).size()).isEqualTo(24);
        assertThat(doc.get("key_metrics").get(0).get("metric").asString()).isEqualTo("commits");

        Map<String, Long> totals = new HashMap<>();
        totals.put("commits", doc.get("commits").asLong());
        totals.put("additions", doc.get("additions").asLong());
        totals.put("deletions", doc.get("deletions").asLong());
        doc.get("languages").properties().forEach(e -> totals.put("additions_" + e.getKey(), e.getValue().get("additions").asLong()));
        doc.get("types").properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                totals.put("type_" + e.getKey(), e.getValue().asLong());
            }
        });
        doc.get("key_metrics").forEach(k -> {
            String metric = k.get("metric").asString();
            if (metric.startsWith("detector:") && k.get("total").asLong() != 0) {
                totals.put("detected_" + metric.substring("detector:".length()), k.get("total").asLong());
            }
        });
        assertThat(totals).containsEntry("detected_dockerfile", 1L).containsEntry("type_feat", 2L)
                .containsKeys("additions_Java", "additions_Python");

        for (String period : List.of("day", "week", "month")) {
            CommandLineTests.Run csv = CommandLineTests.run(args(db, "export", "--user", "u", "--format", "csv", "--period", period));
            assertThat(csv.exitCode()).as(csv.err()).isZero();
            assertThat(columnSums(parseCsv(csv.out()))).as(period).isEqualTo(totals);

            Path file = tmp.resolve(period + ".parquet");
            CommandLineTests.Run parquet = CommandLineTests.run(args(db, "export", "--user", "u", "--format", "parquet",
                    "--period", period, "--out", file.toString()));
            assertThat(parquet.exitCode()).as(parquet.err()).isZero();
            assertThat(parquet.out()).isEmpty();
            assertThat(columnSums(readParquet(file))).as(period).isEqualTo(totals);
        }
        List<List<String>> months = parseCsv(CommandLineTests.run(args(db, "export", "--user", "u", "--format", "csv", "--period", "month")).out());
        // 23:30 on 28 February in Berlin is Ada's February, though it is already March in UTC
        assertThat(months.subList(1, months.size())).extracting(r -> r.get(0)).containsExactly("2024_02", "2024_03", "2024_04");
    }

    @DatabaseTest
    void anUnknownUserIsOneLineAndExit1(TestDatabase db) {
        CommandLineTests.Run r = CommandLineTests.run(args(db, "export", "--user", "nobody", "--format", "json"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("commitstats: no user 'nobody'").doesNotContain("\n");
    }

    @DatabaseTest
    void parquetWithoutOutIsAUsageError(TestDatabase db) throws IOException {
        collected(db);
        CommandLineTests.Run r = CommandLineTests.run(args(db, "export", "--user", "u", "--format", "parquet"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out");
        assertThat(CommandLineTests.run(args(db, "export", "--user", "u", "--format", "xml")).exitCode()).isEqualTo(2);
        assertThat(CommandLineTests.run(args(db, "export", "--user", "u", "--format", "csv", "--period", "year")).exitCode())
                .isEqualTo(2);
    }

    /** Header first; a sum per column over the records. Metric names here hold no comma or quote. */
    private static Map<String, Long> columnSums(List<List<String>> records) {
        List<String> header = records.get(0);
        assertThat(header.get(0)).isEqualTo("period");
        Map<String, Long> sums = new HashMap<>();
        header.subList(1, header.size()).forEach(h -> sums.put(h, 0L));
        for (List<String> r : records.subList(1, records.size())) {
            for (int i = 1; i < r.size(); i++) {
                sums.merge(header.get(i), Long.parseLong(r.get(i)), Long::sum);
            }
        }
        return sums;
    }

    private static List<List<String>> parseCsv(String text) {
        assertThat(text).endsWith("\r\n");
        List<List<String>> records = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            records.add(List.of(line.split(",", -1)));
        }
        return records;
    }

    /** Read back with Parquet's own reader, as a header and records of strings. */
    private static List<List<String>> readParquet(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<List<String>> records = new ArrayList<>();
            List<String> header = new ArrayList<>();
            schema.getFields().forEach(f -> header.add(f.getName()));
            records.add(header);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rows = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = rows.read();
                    List<String> record = new ArrayList<>();
                    record.add(g.getString(0, 0));
                    for (int c = 1; c < header.size(); c++) {
                        record.add(Long.toString(g.getLong(c, 0)));
                    }
                    records.add(record);
                }
            }
            return records;
        }
    }
}
