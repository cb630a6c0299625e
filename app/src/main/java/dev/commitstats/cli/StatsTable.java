package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.MiningOptions;
import dev.commitstats.core.mining.MiningResult;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.TotalsDocument;

/** The human-readable summary of {@code commitstats stats}: headline numbers and a bar per language. */
final class StatsTable {

    private static final int BAR = 24;
    private final PrintWriter out;

    StatsTable(PrintWriter out) {
        this.out = out;
    }

    void print(String repository, MiningResult result, MiningOptions options, Totals t, boolean raw) {
        out.printf("Repository  %s%n", repository);
        out.printf("Revision    %s%n", result.tips().isEmpty() ? "(empty repository)"
                : String.join(", ", result.tips().stream().map(s -> s.substring(0, 12)).toList())
                        + (options.allBranches() ? " (all branches)" : ""));
        out.printf("Authors     %s%n", options.authorEmails().isEmpty() ? "everyone" : String.join(", ", options.authorEmails().stream().sorted().toList()));
        out.printf("Mode        %s%n", raw ? "raw (git log --no-merges --no-renames --numstat)" : "honest (vendored, generated, moved, bulk and binary set apart)");
        out.println();
        if (t.commits() == 0) {
            out.println("No matching commits.");
            return;
        }
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        out.printf("Commits     %,d  (%s to %s, %,d active days)%n", t.commits(), day.format(t.firstCommit()),
                day.format(t.lastCommit()), t.activeDays());
        out.printf("Lines       +%,d  -%,d%s%n", t.additions(), t.deletions(),
                raw ? "" : String.format("   (git counts +%,d  -%,d)", t.rawAdditions(), t.rawDeletions()));
        out.println();

        List<Map.Entry<String, LineCount>> langs = TotalsDocument.sortedBySize(t.languages());
        if (!langs.isEmpty()) {
            int nameWidth = Math.max(8, langs.stream().mapToInt(e -> e.getKey().length()).max().orElse(8));
            long all = Math.max(1, t.additions() + t.deletions());
            out.printf("%-" + nameWidth + "s  %11s  %11s  %6s  %s%n", "Language", "Added", "Deleted", "Files", "Share of changed lines");
            for (Map.Entry<String, LineCount> e : langs) {
                LineCount c = e.getValue();
                double share = (double) c.changed() / all;
                int filled = (int) Math.round(share * BAR);
                out.printf("%-" + nameWidth + "s  %,11d  %,11d  %,6d  %s%s %5.1f%%%n", e.getKey(), c.additions(), c.deletions(),
                        c.files(), "█".repeat(filled), "░".repeat(BAR - filled), share * 100);
            }
            out.println();
        }
        if (!raw) {
            out.println("Set apart (not counted above)");
            for (ExclusionBucket b : ExclusionBucket.values()) {
                LineCount c = t.excluded().get(b);
                if (b == ExclusionBucket.BINARY) {
                    out.printf("  %-10s %,d files%n", b.jsonName(), c.files());
                } else {
                    out.printf("  %-10s +%,d  -%,d%n", b.jsonName(), c.additions(), c.deletions());
                }
            }
            out.println();
        }
        StringJoiner types = new StringJoiner("  ");
        for (CommitType ty : CommitType.values()) {
            long n = t.types().get(ty);
            long inferred = t.inferredTypes().get(ty);
            if (n > 0) {
                // e.g. "fix 12 (9 inferred)": the type of 9 of them was read from the message's wording
                types.add(ty.jsonName() + " " + n + (inferred == 0 ? "" : " (" + inferred + " inferred)"));
            }
        }
        out.printf("Commit types  %s%s%n", types, t.breaking() > 0 ? "  (breaking: " + t.breaking() + ")" : "");
        StringJoiner tools = new StringJoiner("  ");
        for (DetectionKind k : DetectionKind.values()) {
            if (k != DetectionKind.PACKAGE && t.tools().get(k) > 0) {
                tools.add(k.jsonName() + " " + t.tools().get(k));
            }
        }
        t.packages().forEach((eco, names) -> tools.add(eco + " packages " + names.size()));
        out.printf("Introduced    %s%n", tools.length() == 0 ? "nothing detected" : tools.toString());
    }
}
