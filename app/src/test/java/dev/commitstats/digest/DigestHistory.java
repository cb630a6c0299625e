package dev.commitstats.digest;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.Detection;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.stats.CommitFactStore;
import dev.commitstats.stats.RepositoryProfiles;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A generated history with known numbers, for the digest's tests. Ada (Europe/London, UTC in winter) commits twice a
 * week, Monday and Tuesday at noon, 10 lines of Java each, in her public repository {@code ada/lib}, from 2026-W30
 * (once) and every week 2026-W35 to 2026-W47 (13 weeks: 26 commits, 2.0 a week, 20 lines a week, streaks of 2 days,
 * the package junit in W40). Then 2026-W48 (23 to 29 November): 5 commits on 4 days in a row, Monday to Thursday —
 * Monday a feature (Java 20, a Dockerfile and the package guava), Tuesday two fixes (Java 20 each) in the private
 * repository {@code acme/secret-app}, Wednesday a feature and Thursday a refactoring in {@code lib}, 50 lines of Rust
 * each (her first Rust). 160 lines written in W48.
 */
record DigestHistory(WeeklyDigests digests, DigestPreferences preferences, CvPreferences cvPreferences,
        UserAccounts accounts, RepositoryRegistry registry, long user, long lib, long secret, MutableClock clock) {

    static final String SECRET_NAME = "secret-app";
    static final String SECRET_OWNER = "acme";
    /** Monday 30 November 2026, 10:00 in London: the week 2026-W48 is complete and its digest due. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T10:00:00Z");

    /** A clock a test can move. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant now) {
            this.now = new AtomicReference<>(now);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static DigestHistory create(TestDatabase db) {
        MutableClock clock = new MutableClock(MONDAY_MORNING);
        UserAccounts accounts = new UserAccounts(db.dataSource(), clock);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), clock);
        StatsQueries queries = new StatsQueries(db.dataSource(), accounts, registry, clock);
        CvPreferences cvPreferences = new CvPreferences(db.dataSource(), accounts, registry);
        long user = accounts.create("ada", "Ada Lovelace", ZoneId.of("Europe/London")).id();
        accounts.addIdentities(user, List.of("ada@example.com"));
        long lib = registry.registerRepository(user,
                new NewRepository("https://github.com/ada/lib.git", SourceKind.GIT, "lib", "ada", true, true));
        registry.setVisibility(lib, "public");
        long secret = registry.registerRepository(user, new NewRepository(
                "https://git.acme.example/acme/secret-app.git", SourceKind.GIT, SECRET_NAME, SECRET_OWNER, true, true));
        CommitFactStore store = new CommitFactStore(db.dataSource(), registry);

        List<CommitFact> libFacts = new ArrayList<>();
        List<CommitFact> secretFacts = new ArrayList<>();
        libFacts.add(fact("w30a", IsoWeek.parse("2026-W30").monday(), CommitType.FEAT, "Java", 10, List.of()));
        for (int w = 35; w <= 47; w++) {
            IsoWeek week = IsoWeek.parse("2026-W" + w);
            libFacts.add(fact("w" + w + "a", week.monday(), CommitType.FEAT, "Java", 10,
                    w == 40 ? List.of(new Detection(DetectionKind.PACKAGE, "maven", "org.junit:junit")) : List.of()));
            libFacts.add(fact("w" + w + "b", week.monday().plusDays(1), CommitType.FIX, "Java", 10, List.of()));
        }
        LocalDate monday = IsoWeek.parse("2026-W48").monday();
        secretFacts.add(fact("w48a", monday, CommitType.FEAT, "Java", 20,
                List.of(new Detection(DetectionKind.DOCKERFILE, null, "Dockerfile"),
                        new Detection(DetectionKind.PACKAGE, "maven", "com.google.guava:guava"),
                        new Detection(DetectionKind.PACKAGE, "maven", "org.junit:junit"))));
        secretFacts.add(fact("w48b", monday.plusDays(1), CommitType.FIX, "Java", 20, List.of()));
        secretFacts.add(fact("w48c", monday.plusDays(1), CommitType.FIX, "Java", 20, List.of()));
        libFacts.add(fact("w48d", monday.plusDays(2), CommitType.FEAT, "Rust", 50, List.of()));
        libFacts.add(fact("w48e", monday.plusDays(3), CommitType.REFACTOR, "Rust", 50, List.of()));
        store.writeBatch(lib, libFacts, null);
        store.writeBatch(secret, secretFacts, null);

        WeeklyDigests digests = new WeeklyDigests(accounts, registry, queries,
                new RepositoryProfiles(db.dataSource(), accounts, registry), cvPreferences, clock);
        return new DigestHistory(digests, new DigestPreferences(db.dataSource(), accounts, clock), cvPreferences,
                accounts, registry, user, lib, secret, clock);
    }

    /** A commit at noon UTC (London's winter time) on {@code day}, its sha made hex from {@code id}. */
    static CommitFact fact(String id, LocalDate day, CommitType type, String language, long lines,
            List<Detection> detections) {
        Instant t = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        String sha = String.format("%040x", new java.math.BigInteger(1, id.getBytes()));
        return new CommitFact(sha, "ada@example.com", t, 0, t, 1, new CommitKind(type, false, false),
                Map.of(language, new LineCount(lines, 0, 1)), Map.<ExclusionBucket, LineCount>of(), detections,
                List.of());
    }
}
