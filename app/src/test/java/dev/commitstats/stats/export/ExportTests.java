package dev.commitstats.stats.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTests {

    @TempDir
    Path tmp;

    private static PeriodTable sample() {
        List<String> metrics = List.of("commits", "additions", "deletions", "additions_Java", "additions_C++",
                "type_feat", "detected_dockerfile", "odd, \"quoted\"\nname");
        return new PeriodTable(PeriodTable.WEEK, metrics, List.of(
                new PeriodRow("2024_01", new long[] {3, 120, 40, 100, 0, 2, 1, 7}),
                new PeriodRow("2024_02", new long[] {0, 0, 0, 0, 0, 0, 0, 0}),
                new PeriodRow("2024_52", new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, 1L << 40, 5, 6, 7, 8})));
    }

    @Test
    void csvReadsBackAsTheSameTable() throws IOException {
        PeriodTable table = sample();
        Path file = tmp.resolve("stats.csv");
        new CsvExporter().write(table, file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("period,commits,additions,deletions,additions_Java,additions_C++,type_feat,"
                + "detected_dockerfile,\"odd, \"\"quoted\"\"\nname\"\r\n2024_01,3,120,40,100,0,2,1,7\r\n").endsWith("\r\n");
        assertThat(parseCsv(text, table.period())).isEqualTo(table);
    }

    @Test
    void csvOfAnEmptyTableIsItsHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter().write(new PeriodTable(PeriodTable.DAY, List.of("commits"), List.of()), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("period,commits\r\n");
    }

    @Test
    void parquetReadsBackWithEveryValue() throws IOException {
        PeriodTable table = sample();
        Path file = tmp.resolve("stats.parquet");
        new ParquetExporter().write(table, file);

        assertThat(readParquet(file)).isEqualTo(table);
    }

    @Test
    void parquetSchemaIsAStringPeriodAndOneInt64PerMetric() throws IOException {
        Path file = tmp.resolve("stats.parquet");
        new ParquetExporter().write(sample(), file);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), readOptions())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PrimitiveType period = schema.getType(0).asPrimitiveType();
            assertThat(period.getName()).isEqualTo("period");
            assertThat(period.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
            assertThat(period.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
            for (Type t : schema.getFields().subList(1, schema.getFieldCount())) {
                assertThat(t.asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
                assertThat(t.getRepetition()).isEqualTo(Type.Repetition.REQUIRED);
            }
            assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData())
                    .containsEntry(ParquetExporter.PERIOD_METADATA, "week");
        }
    }

    @Test
    void parquetOfAnEmptyTableIsValid() throws IOException {
        PeriodTable empty = new PeriodTable(PeriodTable.MONTH, List.of("commits", "additions"), List.of());
        Path file = tmp.resolve("empty.parquet");
        new ParquetExporter().write(empty, file);
        assertThat(readParquet(file)).isEqualTo(empty);
    }

    @Test
    void keysFollowTheOriginalCliFormat() {
        assertThat(PeriodTable.keyOf(PeriodTable.DAY, LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
        assertThat(PeriodTable.keyOf(PeriodTable.WEEK, LocalDate.of(2024, 2, 14))).isEqualTo("2024_07");
        assertThat(PeriodTable.keyOf(PeriodTable.WEEK, LocalDate.of(2024, 12, 30))).isEqualTo("2025_01");
        assertThat(PeriodTable.keyOf(PeriodTable.WEEK, LocalDate.of(2021, 1, 3))).isEqualTo("2020_53");
        assertThat(PeriodTable.keyOf(PeriodTable.MONTH, LocalDate.of(2024, 3, 31))).isEqualTo("2024_03");
    }

    @Test
    void malformedTablesAreRefused() {
        assertThatThrownBy(() -> new PeriodTable("year", List.of("commits"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodTable("day", List.of("commits", "commits"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodTable("day", List.of("period"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodTable("day", List.of("commits"), List.of(new PeriodRow("2024-01-01", new long[2]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodTable("month", List.of("commits"), List.of(new PeriodRow("2024-01", new long[1]))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsAreImmutable() {
        long[] values = {1, 2};
        PeriodRow row = new PeriodRow("2024_01", values);
        values[0] = 99;
        row.values()[1] = 99;
        assertThat(row).isEqualTo(new PeriodRow("2024_01", new long[] {1, 2}));
    }

    private static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    }

    static PeriodTable readParquet(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), readOptions())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> metrics = new ArrayList<>();
            for (Type t : schema.getFields().subList(1, schema.getFieldCount())) {
                metrics.add(t.getName());
            }
            String period = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(ParquetExporter.PERIOD_METADATA);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            List<PeriodRow> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    long[] values = new long[metrics.size()];
                    for (int m = 0; m < values.length; m++) {
                        values[m] = g.getLong(m + 1, 0);
                    }
                    rows.add(new PeriodRow(g.getString(0, 0), values));
                }
            }
            return new PeriodTable(period, metrics, rows);
        }
    }

    /** A small RFC 4180 reader, so the test does not trust the writer's own quoting. */
    private static PeriodTable parseCsv(String text, String period) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).isEmpty();
        assertThat(fields).isEmpty();
        List<String> header = records.get(0);
        assertThat(header.get(0)).isEqualTo("period");
        List<PeriodRow> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertThat(r).hasSameSizeAs(header);
            long[] values = r.subList(1, r.size()).stream().mapToLong(Long::parseLong).toArray();
            rows.add(new PeriodRow(r.get(0), values));
        }
        return new PeriodTable(period, header.subList(1, header.size()), rows);
    }
}
