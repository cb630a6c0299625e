package dev.commitstats.collection;

import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One commit as {@code commitstats push} sends it to {@code POST /api/v1/facts}: the wire format of pushed facts,
 * defined once for the client and the server. Numbers and derived labels only, by construction: there is no field for
 * a message, a path or code (a tool detection has no name, since the miner names a tool by the path of its file, and
 * the outlier files of the bulk bucket, which carry paths, are not sent). The server refuses any field not listed here.
 *
 * @param sha                 the commit id, 40 lowercase hex digits
 * @param authorEmail         the email the commit was kept for (one of the pusher's; it becomes one of their emails)
 * @param authorTime          author time, ISO-8601 in UTC ({@code 2024-03-05T08:12:00Z})
 * @param authorOffsetMinutes the author's UTC offset in minutes (-1080..1080), for local working hours
 * @param committerTime       committer time, ISO-8601 in UTC
 * @param parentCount         0 for a root commit, 1 otherwise (merges are not mined)
 * @param type                the commit type: {@code feat}, {@code fix}, ... {@code other}
 * @param typeInferred        whether the type was inferred from the message's wording rather than declared
 * @param breaking            whether the message declares a breaking change
 * @param languages           lines and files per language (Linguist name, {@code Documentation}, {@code Other})
 * @param excluded            lines and files per exclusion bucket ({@code vendored}, {@code generated},
 *                            {@code moved}, {@code bulk}, {@code binary})
 * @param detections          tools and packages the commit introduced
 */
@Schema(description = "One commit's numbers: no message, no path, no code")
public record PushedCommit(
        @Schema(example = "3f786850e387550fdab836ed7e6dc881de23001b") String sha,
        @Schema(example = "ada@example.com") String authorEmail,
        @Schema(example = "2024-03-05T08:12:00Z") String authorTime,
        @Schema(example = "60") int authorOffsetMinutes,
        @Schema(example = "2024-03-05T08:15:00Z") String committerTime,
        @Schema(example = "1") int parentCount,
        @Schema(example = "feat") String type,
        boolean typeInferred,
        boolean breaking,
        @Schema(example = "{\"Java\": {\"additions\": 120, \"deletions\": 8, \"files\": 3}}")
        Map<String, Count> languages,
        @Schema(example = "{\"generated\": {\"additions\": 900, \"deletions\": 0, \"files\": 1}}")
        Map<String, Count> excluded,
        List<PushedDetection> detections) {

    public PushedCommit {
        // copies that keep their order, so that what --dry-run prints is stable
        languages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        detections = List.copyOf(detections);
    }

    /**
     * Lines added and deleted, and files touched, in one language or bucket; each 0..{@value PushedFacts#MAX_COUNT}.
     */
    public record Count(long additions, long deletions, long files) {
    }

    /**
     * A tool or package the commit introduced.
     *
     * @param kind      {@code dockerfile}, {@code helm_chart}, {@code terraform_module}, {@code ci_pipeline} or
     *                  {@code package}
     * @param ecosystem for a package: {@code maven}, {@code npm}, {@code pypi}, {@code go} or {@code cargo}; else null
     * @param name      for a package its coordinate ({@code group:artifact}, npm name, ...); else null (never a path)
     */
    public record PushedDetection(@Schema(example = "package") String kind,
            @Schema(example = "maven") @Nullable String ecosystem,
            @Schema(example = "org.jspecify:jspecify") @Nullable String name) {
    }

    /** What a mined fact sends: everything but the outlier files, and tools without their paths. */
    public static PushedCommit of(CommitFact fact) {
        Map<String, Count> languages = new TreeMap<>();
        fact.languages().forEach((language, n) -> languages.put(language, count(n)));
        Map<String, Count> excluded = new LinkedHashMap<>();
        new TreeMap<>(fact.excluded()).forEach((bucket, n) -> excluded.put(bucket.jsonName(), count(n)));
        List<PushedDetection> detections = new ArrayList<>(fact.detections().size());
        for (Detection d : fact.detections()) {
            detections.add(d.kind() == DetectionKind.PACKAGE
                    ? new PushedDetection(d.kind().jsonName(), d.ecosystem(), d.name())
                    : new PushedDetection(d.kind().jsonName(), null, null));
        }
        return new PushedCommit(fact.sha(), fact.authorEmail(), fact.authorTime().toString(),
                fact.authorOffsetMinutes(), fact.committerTime().toString(), fact.parentCount(),
                fact.kind().type().jsonName(), fact.kind().inferred(), fact.kind().breaking(), languages, excluded,
                detections);
    }

    /**
     * The fact the server stores for it. The values must have been checked ({@link PushedFacts#read}); a tool
     * detection gets an empty name, which nothing shows (tools count by kind).
     */
    CommitFact toFact() {
        Map<String, LineCount> langs = new LinkedHashMap<>();
        languages.forEach((language, n) -> langs.put(language, lineCount(n)));
        Map<ExclusionBucket, LineCount> buckets = new EnumMap<>(ExclusionBucket.class);
        excluded.forEach((bucket, n) -> buckets.put(ExclusionBucket.fromJsonName(bucket), lineCount(n)));
        List<Detection> found = new ArrayList<>(detections.size());
        for (PushedDetection d : detections) {
            DetectionKind kind = DetectionKind.valueOf(d.kind().toUpperCase(java.util.Locale.ROOT));
            found.add(kind == DetectionKind.PACKAGE ? new Detection(kind, d.ecosystem(), d.name())
                    : new Detection(kind, null, ""));
        }
        CommitType commitType = CommitType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        return new CommitFact(sha, authorEmail, Instant.parse(authorTime), authorOffsetMinutes,
                Instant.parse(committerTime), parentCount, new CommitKind(commitType, breaking, typeInferred), langs,
                buckets, found, List.of());
    }

    private static Count count(LineCount n) {
        return new Count(n.additions(), n.deletions(), n.files());
    }

    private static LineCount lineCount(Count n) {
        return new LineCount(n.additions(), n.deletions(), n.files());
    }
}
