package dev.commitstats.stats;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;

/**
 * The JSON shape of {@link Totals}, shared by {@code commitstats stats --format json} and the JSON export, so that the
 * two agree field for field: {@code commits}, {@code additions}, {@code deletions}, {@code first_commit},
 * {@code last_commit}, {@code active_days}, {@code languages}, {@code excluded}, {@code types}, {@code types_inferred},
 * {@code breaking_changes}, {@code detected}.
 *
 * <p>{@code types} counts every commit by type, declared or inferred; {@code types_inferred} says how many of them had
 * their type inferred from the message's wording rather than declared by a Conventional Commits header, in the same
 * key order, with only the types that have inferred commits.
 */
public final class TotalsDocument {

    private TotalsDocument() {
    }

    /** The fields of {@code totals}, in document order, ready for a JSON writer. */
    public static Map<String, Object> fields(Totals totals, boolean raw) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("commits", totals.commits());
        doc.put("additions", totals.additions());
        doc.put("deletions", totals.deletions());
        doc.put("first_commit", totals.firstCommit() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(totals.firstCommit()));
        doc.put("last_commit", totals.lastCommit() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(totals.lastCommit()));
        doc.put("active_days", totals.activeDays());

        Map<String, Object> languages = new LinkedHashMap<>();
        sortedBySize(totals.languages()).forEach(e -> languages.put(e.getKey(), orderedCount(e.getValue())));
        doc.put("languages", languages);

        Map<String, Object> excluded = new LinkedHashMap<>();
        if (!raw) {
            for (ExclusionBucket b : ExclusionBucket.values()) {
                LineCount c = totals.excluded().get(b);
                excluded.put(b.jsonName(), b == ExclusionBucket.BINARY ? Map.of("files", c.files())
                        : orderedCount(c));
            }
        }
        doc.put("excluded", excluded);

        Map<String, Object> types = new LinkedHashMap<>();
        for (CommitType t : CommitType.values()) {
            types.put(t.jsonName(), totals.types().get(t));
        }
        doc.put("types", types);
        Map<String, Object> inferred = new LinkedHashMap<>();
        for (CommitType t : CommitType.values()) {
            long n = totals.inferredTypes().get(t);
            if (n != 0) {
                inferred.put(t.jsonName(), n);
            }
        }
        doc.put("types_inferred", inferred);
        doc.put("breaking_changes", totals.breaking());

        Map<String, Object> detected = new LinkedHashMap<>();
        for (DetectionKind k : DetectionKind.values()) {
            if (k != DetectionKind.PACKAGE) {
                detected.put(k.jsonName(), totals.tools().get(k));
            }
        }
        Map<String, Object> packages = new LinkedHashMap<>();
        totals.packages().forEach((eco, names) -> packages.put(eco, new ArrayList<>(names)));
        detected.put("packages", packages);
        doc.put("detected", detected);
        return doc;
    }

    private static Map<String, Object> orderedCount(LineCount c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("additions", c.additions());
        m.put("deletions", c.deletions());
        m.put("files", c.files());
        return m;
    }

    /** Languages from the most changed lines to the fewest; ties by name. */
    public static List<Map.Entry<String, LineCount>> sortedBySize(Map<String, LineCount> languages) {
        List<Map.Entry<String, LineCount>> list = new ArrayList<>(languages.entrySet());
        list.sort((a, b) -> {
            int c = Long.compare(b.getValue().changed(), a.getValue().changed());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        return list;
    }
}
