package dev.commitstats.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.config.Database;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.User;
import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.RepositoryShare;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.stats.TotalsDocument;
import dev.commitstats.stats.Trend;
import dev.commitstats.stats.UserStats;
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
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code commitstats export}: a collected user's numbers as a JSON document, or per period as CSV or Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a collected user's statistics.",
            "json: the whole CV data (totals shaped like `stats --format json`, activity, one series, repositories, "
                    + "punch card, key metrics). csv, parquet: one row per period with commits, columns commits, "
                    + "additions, deletions, additions_<language>, type_<type>, detected_<kind>."})
final class ExportCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { csv, json, parquet }

    /** Period lengths; their names are {@link PeriodTable}'s. */
    enum PeriodLength { day, week, month }

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The user whose statistics are exported.")
    String login;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json or parquet.")
    Format format;

    @Option(names = "--period", paramLabel = "PERIOD", description = "day, week (ISO, default) or month: the rows of csv and parquet, the series of json.")
    PeriodLength period = PeriodLength.week;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE, replaced only once complete (default: standard output; parquet needs a file).")
    Path out;

    @Override
    public Integer call() {
        if (format == Format.parquet && out == null) {
            throw new ParameterException(spec.commandLine(), "--format parquet needs --out FILE");
        }
        try (HikariDataSource ds = Database.openAndMigrate(storage.resolve(), "export")) {
            RepositoryRegistry registry = new RepositoryRegistry(ds, Clock.systemUTC());
            StatsQueries queries = new StatsQueries(ds, registry);
            User user = registry.findUser(login)
                    .orElseThrow(() -> UserFacingException.noSuchUser(login));
            switch (format) {
                case json -> writeJson(document(user, registry, queries));
                case csv -> writeTable(new CsvExporter(), queries.periodTable(user.id(), period.name()));
                case parquet -> writeTable(new ParquetExporter(), queries.periodTable(user.id(), period.name()));
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private Map<String, Object> document(User user, RepositoryRegistry registry, StatsQueries queries) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UserStats stats = queries.userStats(user.id(), now);
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("login", user.login());
        u.put("display_name", user.displayName());
        u.put("time_zone", user.timeZone().getId());
        u.put("published", user.published());
        doc.put("user", u);
        doc.put("generated_at", now.toString());
        doc.putAll(TotalsDocument.fields(stats.totals(), false));

        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("active_days", stats.activity().activeDays());
        activity.put("longest_streak", stats.activity().longestStreak());
        activity.put("current_streak", stats.activity().currentStreak());
        doc.put("activity", activity);

        List<Period> series = switch (period) {
            case day -> stats.days();
            case week -> stats.weeks();
            case month -> stats.months();
        };
        List<Map<String, Object>> periods = new ArrayList<>(series.size());
        for (Period p : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", p.key());
            m.put("commits", p.commits());
            m.put("additions", p.additions());
            m.put("deletions", p.deletions());
            periods.add(m);
        }
        doc.put("series", Map.of(period.name(), periods));

        List<Map<String, Object>> repositories = new ArrayList<>();
        for (RepositoryShare share : stats.repositories()) {
            Repository r = registry.repository(share.repositoryId()).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("owner", r.ownerGroup());
            m.put("provider", r.provider().dbName());
            m.put("commits", share.commits());
            m.put("additions", share.additions());
            m.put("deletions", share.deletions());
            repositories.add(m);
        }
        doc.put("repositories", repositories);

        // seven rows, Monday first, of 24 hours each, in each commit's own local time
        List<List<Long>> punch = new ArrayList<>(7);
        for (int day = 0; day < 7; day++) {
            punch.add(stats.punchCard().cells().subList(day * 24, day * 24 + 24));
        }
        doc.put("punch_card", punch);

        List<Map<String, Object>> metrics = new ArrayList<>();
        for (KeyMetric k : stats.keyMetrics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", k.metric());
            m.put("total", k.total());
            m.put("last_52w", trend(k.last52w()));
            m.put("last_13w", trend(k.last13w()));
            m.put("last_1w", trend(k.last1w()));
            metrics.add(m);
        }
        doc.put("key_metrics", metrics);
        return doc;
    }

    private static Map<String, Object> trend(Trend t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", t.current());
        m.put("previous", t.previous());
        m.put("change", t.change());
        return m;
    }

    private void writeJson(Map<String, Object> doc) throws IOException {
        String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(doc);
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
