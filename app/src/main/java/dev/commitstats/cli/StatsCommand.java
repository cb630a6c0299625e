package dev.commitstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.core.mining.MiningException;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.MiningResult;
import dev.commitstats.core.mining.RepositoryMiner;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.core.mining.TotalsBuilder;
import dev.commitstats.stats.TotalsDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code commitstats stats PATH}: statistics of one local repository, straight from git, nothing stored. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Print the statistics of a local git repository (bare or not), without storing anything.",
            "Honest by default (vendored, generated, moved, bulk and binary changes set apart); --raw reproduces "
                    + "`git log --no-merges --no-renames --numstat` exactly."})
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The repository: a work tree, its .git folder, or a bare repository.")
    Path path;

    @Option(names = "--rev", paramLabel = "REV", description = "Revision whose history is counted (default: HEAD).")
    String rev;

    @Option(names = "--all", description = "Count every branch (each commit once) instead of one revision.")
    boolean all;

    @Option(names = "--author", paramLabel = "EMAIL", description = "Count only commits by this author email (case-insensitive; repeatable). Default: everyone.")
    List<String> authors = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE", description = "Only commits authored on or after DATE (2024-01-31 or 2024-01-31T09:00:00+01:00).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only commits authored on or before DATE (a date alone means the end of that day, UTC).")
    String until;

    @Option(names = "--raw", description = "No exclusions and no rename detection: git's own numstat totals.")
    boolean raw;

    @Mixin
    FormatOption formatOption;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--bulk-threshold", paramLabel = "LINES", description = "A single file change over this many lines counts as bulk (default: ${DEFAULT-VALUE}).")
    int bulkThreshold = MiningOptions.DEFAULT_BULK_THRESHOLD;

    @Override
    public Integer call() {
        dev.commitstats.core.mining.GitCaches.install();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
        if (all && rev != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rev and --all cannot be used together");
        }
        if (threads != null && threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        MiningOptions options;
        try {
            options = new MiningOptions(rev == null ? List.of("HEAD") : List.of(rev), all, new LinkedHashSet<>(authors),
                    parseDate(since, false), parseDate(until, true), raw,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads, bulkThreshold);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }

        TotalsBuilder totals = new TotalsBuilder();
        MiningResult result;
        ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), "mining");
        try (RepositoryMiner miner = RepositoryMiner.open(path)) {
            result = miner.mine(options, sha -> false, totals::add, bar);
        } catch (MiningException e) {
            throw new UserFacingException(e.getMessage(), e);
        } finally {
            bar.finish();
        }
        Totals t = totals.build();
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("repository", path.toAbsolutePath().normalize().toString());
            doc.put("revision", result.tips().isEmpty() ? null : result.tips().get(0));
            if (result.tips().size() > 1) {
                doc.put("revisions", result.tips());
            }
            doc.put("authors", options.authorEmails().stream().sorted().toList());
            doc.put("mode", raw ? "raw" : "honest");
            doc.putAll(TotalsDocument.fields(t, raw));
            out.println(Json.pretty(doc));
        } else {
            new StatsTable(out).print(path.toAbsolutePath().normalize().toString(), result, options, t, raw);
        }
        out.flush();
        return 0;
    }

    /** A date (start of day, or end of day for an upper bound, in UTC) or a full ISO-8601 date-time. */
    private Instant parseDate(String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date '" + text + "': use 2024-01-31 or 2024-01-31T09:00:00+01:00");
        }
    }
}
