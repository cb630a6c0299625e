package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.collection.CollectionRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code commitstats runs}: a user's collection runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List a user's collection runs, newest first.",
            "Every collection of a repository is recorded: what started it (command, schedule, refresh, webhook, "
                    + "push), when, how long it took, the new commits it found and how it ended, with the reason when "
                    + "it failed or did not run. Records are kept for commitstats.collection.runs-retention (90 days)."})
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Mixin
    FormatOption formatOption;

    @Option(names = "--repo", paramLabel = "ID", description = "Only this repository's runs (IDs from 'repos list').")
    Long repository;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many runs (default 50).")
    int limit = 50;

    @Override
    public Integer call() {
        OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Features features = storage.open("runs")) {
            User u = features.accounts().require(user.login());
            List<CollectionRuns.Run> runs = features.collection().runs().runs(u.id(), repository, limit);
            if (format == OutputFormat.json) {
                out.println(Json.pretty(runs.stream().map(RunsCommand::json).toList()));
                return 0;
            }
            if (runs.isEmpty()) {
                out.println("no collection runs recorded");
                return 0;
            }
            out.printf("%-23s %-8s %-9s %7s %8s  %s%n", "STARTED", "TRIGGER", "OUTCOME", "NEW", "TOOK", "REPOSITORY");
            for (CollectionRuns.Run r : runs) {
                out.printf("%-23s %-8s %-9s %,7d %7.1fs  %s%s%n", WHEN.format(r.startedAt()), r.trigger().dbName(),
                        r.outcome(), r.newCommits(), r.took().toMillis() / 1000.0, r.repository(),
                        r.message() == null ? "" : "  (" + r.message() + ")");
            }
            return 0;
        }
    }

    private static Map<String, Object> json(CollectionRuns.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("repositoryId", r.repositoryId());
        m.put("repository", r.repository());
        m.put("trigger", r.trigger().dbName());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt().toString());
        m.put("newCommits", r.newCommits());
        m.put("outcome", r.outcome());
        m.put("message", r.message());
        return m;
    }
}
