package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.assembly.Features;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.Outlier;
import dev.commitstats.stats.OutlierIds;
import dev.commitstats.stats.OutlierReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code commitstats outliers}: the owner's review of their outlier files, the single file changes over the bulk
 * threshold that are set apart until the owner says they wrote them. Lists them, or records decisions and shows the
 * totals that follow.
 */
@Command(name = "outliers", mixinStandardHelpOptions = true,
        description = {"List a user's outlier files, or include or exclude them.",
            "An outlier is one file whose change in one commit is over the bulk threshold ("
                    + MiningOptions.DEFAULT_BULK_THRESHOLD + " changed lines): its "
                    + "lines are set apart in the bulk bucket until the user includes it; then they count in the "
                    + "file's language in the totals, the export and the CV. Only the user's own commits in their "
                    + "active repositories are listed, largest first, and only those can be changed.",
            "Each file has an ID COMMIT:PATH, e.g. 1a2b3c4:db/seed.sql: the commit's sha abbreviated to 7 characters "
                    + "(more when two listed commits share them), a colon and the path. Unlike a row number it stays "
                    + "the same across runs and collections; any unambiguous prefix of the sha of at least 4 "
                    + "characters, or the whole sha, is accepted.",
            "With --include or --exclude, every ID is checked before anything changes: an unknown or ambiguous ID, "
                    + "or one given to both, changes nothing (exit 1)."})
final class OutliersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Mixin
    FormatOption formatOption;

    @Option(names = "--include", paramLabel = "ID", description = "Count this file's lines in its language (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "ID", description = "Set this file's lines apart as bulk again, the default (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Override
    public Integer call() {
        String login = user.login();
        OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
        try (Features features = storage.open("outliers")) {
            OutlierReview review = features.outlierReview();
            if (include.isEmpty() && exclude.isEmpty()) {
                list(review.list(login), format);
            } else {
                decided(review.decide(login, include, exclude), format);
            }
        }
        return 0;
    }

    private void list(OutlierReview.Listing listing, OutputFormat format) {
        PrintWriter out = spec.commandLine().getOut();
        List<Outlier> outliers = listing.files();
        OutlierIds ids = listing.ids();
        String login = listing.user().login();
        if (format == OutputFormat.json) {
            out.println(Json.pretty(outliers.stream().map(o -> fields(o, ids.id(o), ids.shortSha(o), o.included()))
                    .toList()));
        } else if (outliers.isEmpty()) {
            out.printf("User '%s' has no outlier files: none of their file changes is over %,d lines.%n", login,
                    MiningOptions.DEFAULT_BULK_THRESHOLD);
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"STATUS", "ADDED", "DELETED", "LANGUAGE", "REPOSITORY", "ID (COMMIT:PATH)"});
            for (Outlier o : outliers) {
                rows.add(new String[] {status(o.included()), String.format("+%,d", o.additions()),
                    String.format("-%,d", o.deletions()), o.language(), String.valueOf(o.repositoryName()), ids.id(o)});
            }
            printColumns(out, rows, new boolean[] {false, true, true, false, false, false});
            long included = outliers.stream().filter(Outlier::included).count();
            out.println();
            out.printf("%d included (counted in their language), %d excluded (set apart as bulk, the default).%n",
                    included, outliers.size() - included);
            out.printf("Change with: commitstats outliers --user %s --include ID | --exclude ID%n", login);
        }
        out.flush();
    }

    private void decided(OutlierReview.Decisions result, OutputFormat format) {
        PrintWriter out = spec.commandLine().getOut();
        String login = result.user().login();
        Totals before = result.before();
        Totals after = result.after();
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("user", login);
            List<Map<String, Object>> changed = new ArrayList<>();
            List<Map<String, Object>> unchanged = new ArrayList<>();
            for (OutlierReview.Decision d : result.decisions()) {
                (d.changed() ? changed : unchanged).add(fields(d.file(), d.id(), shortSha(d.id()), d.included()));
            }
            doc.put("changed", changed);
            doc.put("unchanged", unchanged);
            doc.put("before", totals(before));
            doc.put("after", totals(after));
            out.println(Json.pretty(doc));
        } else {
            List<String[]> rows = new ArrayList<>();
            for (OutlierReview.Decision d : result.decisions()) {
                Outlier o = d.file();
                rows.add(new String[] {(d.changed() ? "now " : "already ") + status(d.included()), d.id(),
                    String.format("+%,d -%,d %s in %s", o.additions(), o.deletions(), o.language(), o.repositoryName())});
            }
            printColumns(out, rows, new boolean[] {false, false, false});
            out.println();
            LineCount bulkBefore = before.excluded().get(ExclusionBucket.BULK);
            LineCount bulkAfter = after.excluded().get(ExclusionBucket.BULK);
            String counted = "Lines of " + login;
            int width = Math.max(counted.length(), "Set apart as bulk".length());
            out.printf("%-" + width + "s  +%,d -%,d  ->  +%,d -%,d%n", counted, before.additions(), before.deletions(),
                    after.additions(), after.deletions());
            out.printf("%-" + width + "s  +%,d -%,d  ->  +%,d -%,d%n", "Set apart as bulk", bulkBefore.additions(),
                    bulkBefore.deletions(), bulkAfter.additions(), bulkAfter.deletions());
        }
        out.flush();
    }

    /** The commit part of an ID. */
    private static String shortSha(String id) {
        return id.substring(0, id.indexOf(':'));
    }

    private static String status(boolean included) {
        return included ? "included" : "excluded";
    }

    private static Map<String, Object> fields(Outlier o, String id, String shortSha, boolean included) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("repository", o.repositoryName());
        m.put("commit", o.sha());
        m.put("short_commit", shortSha);
        m.put("path", o.path());
        m.put("language", o.language());
        m.put("additions", o.additions());
        m.put("deletions", o.deletions());
        m.put("included", included);
        return m;
    }

    private static Map<String, Object> totals(Totals t) {
        LineCount bulk = t.excluded().get(ExclusionBucket.BULK);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("additions", t.additions());
        m.put("deletions", t.deletions());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("additions", bulk.additions());
        b.put("deletions", bulk.deletions());
        b.put("files", bulk.files());
        m.put("bulk", b);
        return m;
    }

    /** Columns two spaces apart, each as wide as its widest cell; the last one is not padded. */
    private static void printColumns(PrintWriter out, List<String[]> rows, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                boolean last = i == r.length - 1;
                line.append(last && !rightAligned[i] ? r[i]
                        : String.format("%" + (rightAligned[i] ? "" : "-") + widths[i] + "s", r[i]));
            }
            out.println(line);
        }
    }
}
