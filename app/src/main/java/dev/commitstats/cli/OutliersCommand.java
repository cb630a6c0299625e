package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.config.Database;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.User;
import dev.commitstats.stats.Outlier;
import dev.commitstats.stats.OutlierReview;
import dev.commitstats.stats.StatsQueries;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

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

    /** Output formats. */
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The user whose outlier files are reviewed.")
    String login;

    @Option(names = "--include", paramLabel = "ID", description = "Count this file's lines in its language (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "ID", description = "Set this file's lines apart as bulk again, the default (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json: an array of the files, or with --include/--exclude one object with the changes and the totals before and after.")
    Format format = Format.table;

    @Override
    public Integer call() {
        if (login.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--user must not be empty");
        }
        try (HikariDataSource ds = Database.openAndMigrate(storage.resolve(), "outliers")) {
            RepositoryRegistry registry = new RepositoryRegistry(ds, Clock.systemUTC());
            OutlierReview review = new OutlierReview(ds, registry);
            User user = registry.findUser(login)
                    .orElseThrow(() -> UserFacingException.noSuchUser(login));
            List<Outlier> outliers = review.outliers(user.id());
            OutlierIds ids = new OutlierIds(outliers);
            if (include.isEmpty() && exclude.isEmpty()) {
                list(outliers, ids);
            } else {
                decide(ds, registry, review, user, ids);
            }
        }
        return 0;
    }

    private void list(List<Outlier> outliers, OutlierIds ids) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(outliers.stream().map(o -> fields(o, ids, o.included())).toList()));
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

    private void decide(HikariDataSource ds, RepositoryRegistry registry, OutlierReview review, User user,
            OutlierIds ids) {
        // every ID first: one that names nothing stops the command before any change
        Map<String, Outlier> includes = resolve(include, ids);
        Map<String, Outlier> excludes = resolve(exclude, ids);
        for (String key : includes.keySet()) {
            if (excludes.containsKey(key)) {
                throw new UserFacingException("outlier file " + ids.id(includes.get(key))
                        + " is given to both --include and --exclude; nothing changed");
            }
        }
        Map<Outlier, Boolean> decisions = new LinkedHashMap<>();
        includes.values().forEach(o -> decisions.put(o, true));
        excludes.values().forEach(o -> decisions.put(o, false));

        StatsQueries queries = new StatsQueries(ds, registry);
        Totals before = queries.totals(user.id());
        try {
            // one transaction: all decisions or none. Deciding again what is already decided also sets it on the
            // copies of the commit in forks and mirrors, so it holds whichever copy counts later.
            new TransactionTemplate(new DataSourceTransactionManager(ds)).executeWithoutResult(
                    tx -> decisions.forEach((o, included) -> review.decide(user.id(), o.sha(), o.path(), included)));
        } catch (IllegalArgumentException e) {
            // the commit went away between the check and the change (a force-push seen by a collection meanwhile)
            throw new UserFacingException(e.getMessage() + "; nothing changed", e);
        }
        Totals after = queries.totals(user.id());

        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("user", login);
            List<Map<String, Object>> changed = new ArrayList<>();
            List<Map<String, Object>> unchanged = new ArrayList<>();
            decisions.forEach((o, included) -> (o.included() == included ? unchanged : changed)
                    .add(fields(o, ids, included)));
            doc.put("changed", changed);
            doc.put("unchanged", unchanged);
            doc.put("before", totals(before));
            doc.put("after", totals(after));
            out.println(json(doc));
        } else {
            List<String[]> rows = new ArrayList<>();
            decisions.forEach((o, included) -> rows.add(new String[] {
                (o.included() == included ? "already " : "now ") + status(included), ids.id(o),
                String.format("+%,d -%,d %s in %s", o.additions(), o.deletions(), o.language(), o.repositoryName())}));
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

    /** The outliers the IDs name, once each, keyed by commit and path; throws on the first bad ID. */
    private Map<String, Outlier> resolve(List<String> given, OutlierIds ids) {
        Map<String, Outlier> resolved = new LinkedHashMap<>();
        for (String id : given) {
            Outlier o = ids.resolve(id, login);
            resolved.putIfAbsent(o.sha() + '\n' + o.path(), o);
        }
        return resolved;
    }

    private static String status(boolean included) {
        return included ? "included" : "excluded";
    }

    private static Map<String, Object> fields(Outlier o, OutlierIds ids, boolean included) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ids.id(o));
        m.put("repository", o.repositoryName());
        m.put("commit", o.sha());
        m.put("short_commit", ids.shortSha(o));
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

    private static String json(Object value) {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(value);
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
