package dev.commitstats.core.mining;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.DetectionKind;

/** Adds commit facts up into {@link Totals}. Not thread-safe; one per run. */
public final class TotalsBuilder {

    private long commits;
    private long additions;
    private long deletions;
    private OffsetDateTime first;
    private OffsetDateTime last;
    private final Set<LocalDate> days = new HashSet<>();
    private final Map<String, LineCount> languages = new HashMap<>();
    private final EnumMap<ExclusionBucket, LineCount> excluded = new EnumMap<>(ExclusionBucket.class);
    private final EnumMap<CommitType, Long> types = new EnumMap<>(CommitType.class);
    private final EnumMap<CommitType, Long> inferredTypes = new EnumMap<>(CommitType.class);
    private long breaking;
    private final EnumMap<DetectionKind, Long> tools = new EnumMap<>(DetectionKind.class);
    private final Map<String, SortedSet<String>> packages = new TreeMap<>();

    public TotalsBuilder add(CommitFact fact) {
        commits++;
        OffsetDateTime local = fact.authorLocalTime();
        if (first == null || local.toInstant().isBefore(first.toInstant())) {
            first = local;
        }
        if (last == null || local.toInstant().isAfter(last.toInstant())) {
            last = local;
        }
        days.add(local.toLocalDate());
        fact.languages().forEach((lang, c) -> {
            languages.merge(lang, c, LineCount::plus);
            additions += c.additions();
            deletions += c.deletions();
        });
        fact.excluded().forEach((b, c) -> excluded.merge(b, c, LineCount::plus));
        types.merge(fact.kind().type(), 1L, Long::sum);
        if (fact.kind().inferred()) {
            inferredTypes.merge(fact.kind().type(), 1L, Long::sum);
        }
        if (fact.kind().breaking()) {
            breaking++;
        }
        for (Detection d : fact.detections()) {
            if (d.kind() == DetectionKind.PACKAGE) {
                packages.computeIfAbsent(d.ecosystem(), e -> new TreeSet<>()).add(d.name());
            } else {
                tools.merge(d.kind(), 1L, Long::sum);
            }
        }
        return this;
    }

    public Totals build() {
        return new Totals(commits, additions, deletions, first, last, days.size(), new TreeMap<>(languages), excluded,
                types, inferredTypes, breaking, tools, new TreeMap<>(packages));
    }
}
