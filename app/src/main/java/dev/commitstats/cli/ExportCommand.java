package dev.commitstats.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.assembly.Features;
import dev.commitstats.cv.CvJson;
import dev.commitstats.stats.export.CsvExporter;
import dev.commitstats.stats.export.ParquetExporter;
import dev.commitstats.stats.export.PeriodTable;
import dev.commitstats.stats.export.PeriodTableExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code commitstats export}: a collected user's numbers as a JSON document, or per period as CSV or Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a collected user's statistics.",
            "json: the whole CV data (totals shaped like `stats --format json`, activity, one series, repositories, "
                    + "punch card, key metrics). csv, parquet: one row per period with commits, columns commits, "
                    + "additions, deletions, additions_<language>, type_<type>, detected_<kind>."})
final class ExportCommand implements Callable<Integer> {

    /** Period lengths; their names are {@link PeriodTable}'s. */
    enum PeriodLength { day, week, month }

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Mixin
    FormatOption formatOption;

    @Option(names = "--period", paramLabel = "PERIOD", description = "day, week (ISO, default) or month: the rows of csv and parquet, the series of json.")
    PeriodLength period = PeriodLength.week;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE, replaced only once complete (default: standard output; parquet needs a file).")
    Path out;

    @Override
    public Integer call() {
        String login = user.login();
        OutputFormat format = formatOption.resolve(null, OutputFormat.csv, OutputFormat.json, OutputFormat.parquet);
        if (format == OutputFormat.parquet && out == null) {
            throw new ParameterException(spec.commandLine(), "--format parquet needs --out FILE");
        }
        try (Features features = storage.open("export")) {
            switch (format) {
                case json -> writeJson(CvJson.fields(features.cvDocuments().build(login, period.name())));
                case csv -> writeTable(new CsvExporter(), periodTable(features, login));
                default -> writeTable(new ParquetExporter(), periodTable(features, login));
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private PeriodTable periodTable(Features features, String login) {
        return features.statsQueries().periodTable(features.accounts().require(login).id(), period.name());
    }

    private void writeJson(Map<String, Object> doc) throws IOException {
        String json = Json.pretty(doc);
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.println(json);
            w.flush();
        } else {
            byte[] bytes = (json + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
            writeAtomically(s -> s.write(bytes));
        }
    }

    private void writeTable(PeriodTableExporter exporter, PeriodTable table) throws IOException {
        if (out != null) {
            exporter.write(table, out);
        } else if (exporter instanceof CsvExporter csv) {
            csv.write(table, spec.commandLine().getOut());
        } else {
            throw new IllegalStateException(exporter.extension() + " is written to files only");
        }
    }

    /** Writes beside the target first, like {@link PeriodTableExporter#write(PeriodTable, Path)}. */
    private void writeAtomically(StreamWriter writer) throws IOException {
        Path target = out.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream s = Files.newOutputStream(tmp)) {
                writer.write(s);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @FunctionalInterface
    private interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }
}
