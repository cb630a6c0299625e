package dev.commitstats.core.mining;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;

/**
 * Totals over a set of commit facts: what {@code commitstats stats} prints and what a CV's headline numbers are.
 * {@link #additions()} and {@link #deletions()} are the honest totals (the sum over languages).
 *
 * @param commits     commits counted
 * @param additions   honest additions (sum over languages)
 * @param deletions   honest deletions (sum over languages)
 * @param firstCommit the earliest author time, in the author's offset; null without commits
 * @param lastCommit  the latest author time, in the author's offset; null without commits
 * @param activeDays  distinct days with a commit, each in its author's local calendar
 * @param languages   per language, ordered by name
 * @param excluded    per exclusion bucket, every bucket present
 * @param types       commits per Conventional Commit type, every type present
 * @param inferredTypes of {@code types}, the commits whose type was inferred from the message's wording rather than
 *                    declared ({@link dev.commitstats.core.commit.CommitKind#inferred()}), every type present
 *                    ({@code OTHER} is always 0)
 * @param breaking    commits flagged as breaking changes
 * @param tools       tools introduced, per kind (every kind but {@code PACKAGE} present)
 * @param packages    packages introduced, per ecosystem, ordered
 */
public record Totals(
        long commits,
        long additions,
        long deletions,
        OffsetDateTime firstCommit,
        OffsetDateTime lastCommit,
        long activeDays,
        SortedMap<String, LineCount> languages,
        Map<ExclusionBucket, LineCount> excluded,
        Map<CommitType, Long> types,
        Map<CommitType, Long> inferredTypes,
        long breaking,
        Map<DetectionKind, Long> tools,
        SortedMap<String, SortedSet<String>> packages) {

    public Totals {
        languages = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(languages));
        EnumMap<ExclusionBucket, LineCount> ex = new EnumMap<>(ExclusionBucket.class);
        for (ExclusionBucket b : ExclusionBucket.values()) {
            ex.put(b, excluded.getOrDefault(b, LineCount.ZERO));
        }
        excluded = java.util.Collections.unmodifiableMap(ex);
        types = everyType(types);
        inferredTypes = everyType(inferredTypes);
        EnumMap<DetectionKind, Long> to = new EnumMap<>(DetectionKind.class);
        for (DetectionKind k : DetectionKind.values()) {
            if (k != DetectionKind.PACKAGE) {
                to.put(k, tools.getOrDefault(k, 0L));
            }
        }
        tools = java.util.Collections.unmodifiableMap(to);
        TreeMap<String, SortedSet<String>> pk = new TreeMap<>();
        packages.forEach((eco, names) -> pk.put(eco, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names))));
        packages = java.util.Collections.unmodifiableSortedMap(pk);
    }

    private static Map<CommitType, Long> everyType(Map<CommitType, Long> counts) {
        EnumMap<CommitType, Long> all = new EnumMap<>(CommitType.class);
        for (CommitType t : CommitType.values()) {
            all.put(t, counts.getOrDefault(t, 0L));
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Totals of nothing. */
    public static Totals empty() {
        return new TotalsBuilder().build();
    }

    /** What git's numstat reports: honest additions plus every exclusion bucket. */
    public long rawAdditions() {
        return additions + excluded.values().stream().mapToLong(LineCount::additions).sum();
    }

    public long rawDeletions() {
        return deletions + excluded.values().stream().mapToLong(LineCount::deletions).sum();
    }
}
