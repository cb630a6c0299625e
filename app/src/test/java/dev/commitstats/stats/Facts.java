package dev.commitstats.stats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.OutlierFile;

/** Commit facts built by hand for tests and benchmarks, in place of the miner. */
final class Facts {

    private Facts() {
    }

    static Builder commit(String sha) {
        return new Builder(sha);
    }

    static final class Builder {
        private final String sha;
        private String email = "ada@example.com";
        private OffsetDateTime time = OffsetDateTime.parse("2024-03-05T10:15:00+01:00");
        private CommitType type = CommitType.OTHER;
        private boolean breaking;
        private boolean inferred;
        private final Map<String, LineCount> languages = new LinkedHashMap<>();
        private final Map<ExclusionBucket, LineCount> excluded = new EnumMap<>(ExclusionBucket.class);
        private final List<Detection> detections = new ArrayList<>();
        private final List<OutlierFile> outliers = new ArrayList<>();

        Builder(String sha) {
            this.sha = sha;
        }

        Builder by(String email) {
            this.email = email;
            return this;
        }

        Builder at(String isoOffsetDateTime) {
            this.time = OffsetDateTime.parse(isoOffsetDateTime);
            return this;
        }

        Builder at(OffsetDateTime t) {
            this.time = t;
            return this;
        }

        Builder type(CommitType t) {
            this.type = t;
            return this;
        }

        Builder breaking() {
            this.breaking = true;
            return this;
        }

        /** The type was inferred from the message's wording, not declared (the type must not be OTHER). */
        Builder inferred() {
            this.inferred = true;
            return this;
        }

        Builder lang(String language, long add, long del) {
            languages.merge(language, new LineCount(add, del, 1), LineCount::plus);
            return this;
        }

        Builder excluded(ExclusionBucket b, long add, long del) {
            excluded.merge(b, new LineCount(add, del, 1), LineCount::plus);
            return this;
        }

        /** A bulk file: its lines go to the bulk bucket, and it is listed for review. */
        Builder outlier(String path, String language, long add, long del) {
            excluded(ExclusionBucket.BULK, add, del);
            outliers.add(new OutlierFile(path, language, add, del));
            return this;
        }

        Builder tool(DetectionKind kind, String path) {
            detections.add(new Detection(kind, null, path));
            return this;
        }

        Builder pkg(String ecosystem, String name) {
            detections.add(new Detection(DetectionKind.PACKAGE, ecosystem, name));
            return this;
        }

        CommitFact build() {
            Instant t = time.toInstant();
            return new CommitFact(sha, email, t, time.getOffset().getTotalSeconds() / 60, t.plusSeconds(60), 1,
                    new CommitKind(type, breaking, inferred), languages, excluded, detections, outliers);
        }
    }

    private static final String[] LANGUAGES = {"Java", "Kotlin", "SQL", "YAML", "Markdown", "Go", "TypeScript"};
    private static final int[] OFFSETS = {-480, -300, 0, 60, 120, 330, 540};

    /** Plausible random facts over about {@code years} years before {@code end}, reproducible from the seed. */
    static List<CommitFact> random(long seed, int count, Instant end, int years, String... emails) {
        Random r = new Random(seed);
        CommitType[] types = CommitType.values();
        List<CommitFact> out = new ArrayList<>(count);
        long span = years * 365L * 86_400L;
        for (int i = 0; i < count; i++) {
            Instant t = end.minusSeconds((long) (r.nextDouble() * span));
            int offset = OFFSETS[r.nextInt(OFFSETS.length)];
            Builder b = commit(sha(seed, i)).by(emails[r.nextInt(emails.length)])
                    .at(t.atOffset(java.time.ZoneOffset.ofTotalSeconds(offset * 60)))
                    .type(types[r.nextInt(types.length)]);
            // about two thirds inferred, as on a history that mostly does not follow Conventional Commits; decided
            // without drawing from r, so that the rest of each fact stays what it was for the same seed
            if (i % 3 != 0 && b.type != CommitType.OTHER) {
                b.inferred();
            }
            if (r.nextInt(20) == 0) {
                b.breaking();
            }
            int langs = 1 + r.nextInt(3);
            for (int l = 0; l < langs; l++) {
                b.lang(LANGUAGES[r.nextInt(LANGUAGES.length)], r.nextInt(200), r.nextInt(80));
            }
            if (r.nextInt(4) == 0) {
                b.excluded(ExclusionBucket.values()[r.nextInt(3)], r.nextInt(500), r.nextInt(100));
            }
            if (r.nextInt(200) == 0) {
                b.outlier("data/dump-" + i + ".csv", "CSV", 5_000 + r.nextInt(5_000), 0);
            }
            if (r.nextInt(50) == 0) {
                b.tool(DetectionKind.values()[r.nextInt(4)], "path/" + i);
            }
            if (r.nextInt(30) == 0) {
                b.pkg("maven", "org.example:lib-" + r.nextInt(40));
            }
            out.add(b.build());
        }
        return out;
    }

    static String sha(long seed, int i) {
        return String.format("%08x%032x", seed & 0xffffffffL, i);
    }
}
