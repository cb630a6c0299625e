package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.assembly.Features;
import dev.commitstats.collection.CollectionOutcome;
import dev.commitstats.collection.CollectionService;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.MiningListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code commitstats collect}: mines a user's commits from repositories into the database, incrementally. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a user's commits from local repositories or git URLs into the database.",
            "Creates the user if missing, adds the emails as identities, registers each repository, and mines only "
                    + "commits not stored yet (every branch, each commit once). URLs are cloned as bare mirrors into "
                    + "the data dir and fetched incrementally afterwards. A repository that another collection is "
                    + "working on is collected once that one ends."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Option(names = "--email", paramLabel = "EMAIL", description = "An email the user commits with (repeatable); added to their identities.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--publish", description = "Make the user's CV public.")
    boolean publish;

    @Option(names = "--threads", paramLabel = "N", description = "Mining threads (default: the number of cores, env COMMITSTATS_COLLECTION_WORKER_THREADS).")
    Integer threads;

    @Parameters(paramLabel = "REPO", arity = "0..*", description = "A local repository path or a git URL (https://, http://, git://, file://). Without any, every active repository of the user (see discover) is collected with its token.")
    List<String> repos = new ArrayList<>();

    @Override
    public Integer call() {
        String login = user.login();
        for (String email : emails) {
            try {
                UserAccounts.requireEmail(email);
            } catch (UseCaseException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> options = threads == null ? Map.of()
                : Map.of("commitstats.collection.worker-threads", threads);
        try (Features features = storage.open("collect", options)) {
            CollectionService.SourcesReport report = features.collection().collectSources(
                    new CollectionService.SourcesRequest(login, emails, publish, repos), new Printer(out, err));
            if (report.failures() > 0) {
                err.printf("commitstats: %d of %d repositories failed%n", report.failures(), report.repositories());
            }
            return report.failures() > 0 ? 1 : 0;
        }
    }

    /** One line per repository, a progress bar while it is mined. */
    private static final class Printer implements CollectionService.SourcesProgress {
        private final PrintWriter out;
        private final PrintWriter err;
        private ProgressBar bar;

        Printer(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public MiningListener collecting(String name) {
            bar = new ProgressBar(err, ProgressBar.terminal(), name);
            return bar;
        }

        @Override
        public void waiting(String name) {
            err.printf("%s: another collection of this repository is running; waiting for it to end%n", name);
            err.flush();
        }

        @Override
        public void finished(String name, CollectionOutcome o) {
            if (bar != null) {
                bar.finish();
                bar = null;
            }
            if (o.failed()) {
                out.printf("%-30s error: %s%n", name, o.error());
            } else if (o.message() != null) {
                out.printf("%-30s %s, %,d in total, %s%n", name, o.message(), o.totalCommits(), o.status().dbName());
            } else {
                out.printf("%-30s %,d new commits, %,d in total%s%s%s, %.1f s, %s%n", name, o.newCommits(),
                        o.totalCommits(),
                        o.removedCommits() > 0 ? String.format(" (%,d removed by a force-push)", o.removedCommits()) : "",
                        o.skippedCommits() > 0 ? String.format(" (%,d removed: skipped)", o.skippedCommits()) : "",
                        o.recountedCommits() > 0
                                ? String.format(" (%,d counted again: %s)", o.recountedCommits(),
                                        o.recountReason() == CollectionOutcome.RecountReason.SKIPPED_PATHS
                                                ? "the skipped paths changed" : "the counting rules changed")
                                : "",
                        o.took().toMillis() / 1000.0, o.status().dbName());
            }
            out.flush();
        }

        @Override
        public void refused(String name, String message) {
            out.printf("%-30s error: %s%n", name, message);
            out.flush();
        }
    }
}
