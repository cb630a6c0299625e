package dev.commitstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.commitstats.collection.PushedCommit;
import dev.commitstats.collection.PushedFacts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.MiningException;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.MiningRules;
import dev.commitstats.core.mining.RepositoryMiner;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code commitstats push --server URL REPO...}: mines repositories on this machine with the same engine and rules as a
 * collection (every branch, the user's emails, honest counting) and uploads only their commit facts (numbers, type,
 * time and offset, languages, buckets, detections) under a label, never a path, a message or code. The server tells
 * which commits it has, so a second push sends only new ones, and an interrupted push continues where it stopped.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Mine local repositories here and upload only their numbers to a Commit Stats server: no path, "
                + "no message, no code leaves this machine.",
            "The API key (scope push) is read from COMMITSTATS_API_KEY or --api-key-file, never from an argument."})
final class PushCommand implements Callable<Integer> {

    /** The environment variable the API key is read from. */
    static final String API_KEY_ENV = "COMMITSTATS_API_KEY";

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "The server, e.g. https://stats.example.com (http:// only to this machine).")
    String server;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Count commits by this author email "
            + "(repeatable). Default: your account's emails on the server.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME", description = "The repository's name on the server (one REPO "
            + "only; default: its folder name). Letters, digits, '.', '_' and '-'.")
    @Nullable String label;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "A file whose first line is the API key "
            + "(default: the environment variable " + API_KEY_ENV + ").")
    @Nullable Path apiKeyFile;

    @Option(names = "--dry-run", description = "Print exactly what would be sent (JSON, one request body per batch) "
            + "and send nothing.")
    boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "N", description = "Facts per request (default: ${DEFAULT-VALUE}; "
            + "the server takes at most 1000 unless configured otherwise).")
    int batchSize = 500;

    @Option(names = "--threads", paramLabel = "N", description = "Mining threads (default: the number of cores).")
    @Nullable Integer threads;

    @Parameters(arity = "1..*", paramLabel = "REPO", description = "Local repositories: work trees, .git folders or "
            + "bare repositories.")
    List<Path> repositories = new ArrayList<>();

    @Override
    public Integer call() {
        dev.commitstats.core.mining.GitCaches.install();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (label != null && repositories.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--label names one repository: give one REPO with it");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be between 1 and 100000");
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        URI base = FactsClient.serverUrl(server);
        Map<Path, String> labels = new LinkedHashMap<>();
        for (Path repository : repositories) {
            String l = label != null ? label : defaultLabel(repository);
            try {
                PushedFacts.requireLabel(l);
            } catch (UseCaseException e) {
                throw new UserFacingException((label != null ? "--label: " : repository + ": ") + e.getMessage()
                        + (label != null ? "" : " (give one with --label)"));
            }
            if (labels.containsValue(l)) {
                throw new UserFacingException("two repositories would be labelled '" + l + "': push them one at a "
                        + "time with --label");
            }
            labels.put(repository, l);
        }
        for (String email : emails) {
            try {
                dev.commitstats.accounts.UserAccounts.requireEmail(email);
            } catch (UseCaseException e) {
                throw new UserFacingException("--email: " + e.getMessage());
            }
        }
        @Nullable String key = apiKey(!dryRun);
        FactsClient client = key == null ? null : new FactsClient(base, key);
        if (client == null) {
            err.println("no API key: showing every commit, as a first push would send them");
            if (emails.isEmpty()) {
                throw new UserFacingException("--email is required without an API key (the server would say which "
                        + "of your emails to count)");
            }
        }
        List<PushedFacts.Batch> dryRunBatches = new ArrayList<>();
        int failures = 0;
        for (Map.Entry<Path, String> e : labels.entrySet()) {
            Path repository = e.getKey();
            String name = e.getValue();
            PushedFacts.Known known = client == null ? new PushedFacts.Known(name, false, null, List.of(), List.of())
                    : client.known(name);
            Set<String> authors = new LinkedHashSet<>(emails.isEmpty() ? known.emails() : emails);
            if (authors.isEmpty()) {
                throw new UserFacingException("your account on the server has no email yet: give the emails of your "
                        + "commits with --email you@example.com");
            }
            boolean recount = known.rulesVersion() != null && known.rulesVersion() != MiningRules.VERSION
                    && !known.shas().isEmpty();
            Set<String> stored = recount ? Set.of() : new HashSet<>(known.shas());
            Mined mined;
            try {
                mined = mine(repository, authors, stored, err);
            } catch (MiningException ex) {
                err.println(name + ": " + ex.getMessage());
                failures++;
                continue;
            }
            if (mined.outOfRange() > 0) {
                err.println(name + ": " + mined.outOfRange() + " commits dated before 1970 or after tomorrow are "
                        + "not sent (the server refuses such dates)");
            }
            List<PushedFacts.Batch> batches = batches(name, mined.facts());
            if (dryRun) {
                dryRunBatches.addAll(batches);
                continue;
            }
            if (recount) {
                err.println(name + ": the server's numbers were counted under other rules; sending every commit again");
            }
            long total = known.shas().size();
            int sent = 0;
            int fresh = 0;
            ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), "uploading " + name);
            bar.started(mined.facts().size());
            try {
                for (PushedFacts.Batch batch : batches) {
                    PushedFacts.Stored stored1 = client.send(batch);
                    sent += stored1.received();
                    fresh += stored1.newCommits();
                    total = stored1.totalCommits();
                    bar.progress(sent, mined.facts().size());
                }
            } catch (UserFacingException ex) {
                bar.finish();
                throw new UserFacingException(name + ": " + ex.getMessage() + (sent > 0 ? " (" + sent
                        + " commits were stored before it; push again to send the rest)" : ""), ex);
            } finally {
                bar.finish();
            }
            out.printf("%s: %,d commits sent (%,d new), %,d stored on the server%n", name, sent, fresh, total);
            out.flush();
        }
        if (dryRun) {
            out.println(Json.pretty(dryRunBatches));
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    /** The facts of one repository to send, and how many were left out for dates the server refuses. */
    private record Mined(List<PushedCommit> facts, int outOfRange) {
    }

    private Mined mine(Path repository, Set<String> authors, Set<String> stored, PrintWriter err)
            throws MiningException {
        MiningOptions options = MiningOptions.defaults().withAllBranches().withAuthors(authors)
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        List<CommitFact> facts = new ArrayList<>();
        ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), "mining");
        try (RepositoryMiner miner = RepositoryMiner.open(repository)) {
            miner.mine(options, stored::contains, facts::add, bar);
        } finally {
            bar.finish();
        }
        Instant latest = Instant.now().plus(Duration.ofHours(23)); // the server takes up to a day ahead
        int outOfRange = 0;
        List<PushedCommit> pushed = new ArrayList<>(facts.size());
        facts.sort(Comparator.comparing(CommitFact::authorTime).thenComparing(CommitFact::sha));
        for (CommitFact f : facts) {
            if (inRange(f.authorTime(), latest) && inRange(f.committerTime(), latest)
                    && Math.abs(f.authorOffsetMinutes()) <= 18 * 60) {
                pushed.add(PushedCommit.of(f));
            } else {
                outOfRange++;
            }
        }
        return new Mined(pushed, outOfRange);
    }

    private static boolean inRange(Instant t, Instant latest) {
        return !t.isBefore(Instant.EPOCH) && !t.isAfter(latest);
    }

    private List<PushedFacts.Batch> batches(String name, List<PushedCommit> facts) {
        List<PushedFacts.Batch> batches = new ArrayList<>();
        for (int from = 0; from < facts.size(); from += batchSize) {
            batches.add(new PushedFacts.Batch(name, MiningRules.VERSION,
                    facts.subList(from, Math.min(facts.size(), from + batchSize))));
        }
        return batches;
    }

    /** The folder's name, without {@code .git}; a {@code .git} folder is named after its work tree. */
    static String defaultLabel(Path repository) {
        Path p = repository.toAbsolutePath().normalize();
        if (p.getFileName() != null && p.getFileName().toString().equals(".git") && p.getParent() != null) {
            p = p.getParent();
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[._-]+", "");
    }

    /**
     * The API key from the file or the environment.
     *
     * @param required whether to fail without one (a dry run does without)
     */
    private @Nullable String apiKey(boolean required) {
        String key;
        if (apiKeyFile != null) {
            try {
                List<String> lines = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8);
                key = lines.isEmpty() ? "" : lines.get(0).strip();
            } catch (IOException e) {
                throw new UserFacingException("--api-key-file: cannot read " + apiKeyFile + ": " + e.getMessage(), e);
            }
            if (key.isEmpty()) {
                throw new UserFacingException("--api-key-file: " + apiKeyFile + " is empty");
            }
        } else {
            String fromEnv = System.getenv(API_KEY_ENV);
            key = fromEnv == null ? "" : fromEnv.strip();
            if (key.isEmpty()) {
                if (!required) {
                    return null;
                }
                throw new UserFacingException("no API key: set " + API_KEY_ENV + " or give --api-key-file FILE ("
                        + FactsClient.KEY_HINT + ")");
            }
        }
        if (!key.startsWith("cs_") || key.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new UserFacingException("the API key does not look like one (they start with cs_): "
                    + FactsClient.KEY_HINT);
        }
        return key;
    }
}
