package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The instance's opt-in leaderboard ({@code /ranking}): published users who joined it ({@link CvPreferences}),
 * ranked by lines written and commits in the last 52 weeks (the CV's key metrics), and per language by lines written
 * in the last 12 months (the CV's month table). Made from the users' CV snapshots, never from the facts, and kept for
 * a minute. Thread-safe.
 */
@Component
final class CvRanking {

    /** How long a ranking is served before it is made again. */
    static final Duration KEPT = Duration.ofMinutes(1);
    /** Places shown per list. */
    static final int PLACES = 50;
    /** Languages with their own list, the most written first. */
    static final int LANGUAGES = 12;

    /**
     * One place.
     *
     * @param rank         1 for the first; equal values share a rank
     * @param login        the user (their CV is at {@code /cv/LOGIN})
     * @param name         their display name, or the login
     * @param linesWritten lines written (honest additions) in the window
     * @param commits      commits in the window (the overall list only; 0 in a language's)
     */
    record Entry(int rank, String login, String name, long linesWritten, long commits) {
    }

    /**
     * The ranking.
     *
     * @param generatedAt when it was made
     * @param users       how many users joined it
     * @param overall     by lines written in the last 52 weeks, then commits
     * @param byLanguage  per language (most written first), by lines written in the last 12 months
     */
    record Ranking(Instant generatedAt, int users, List<Entry> overall, Map<String, List<Entry>> byLanguage) {
    }

    private record Row(String login, String name, long lines, long commits, Map<String, Long> languages) {
    }

    private final CvPreferences preferences;
    private final UserAccounts accounts;
    private final CvSnapshots snapshots;
    private final Clock clock;
    private volatile @Nullable Ranking kept;

    CvRanking(CvPreferences preferences, UserAccounts accounts, CvSnapshots snapshots, Clock clock) {
        this.preferences = preferences;
        this.accounts = accounts;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** The current ranking, made at most a minute ago. */
    Ranking current() {
        Ranking r = kept;
        Instant now = clock.instant();
        if (r == null || r.generatedAt().plus(KEPT).isBefore(now)) {
            r = make(now);
            kept = r;
        }
        return r;
    }

    private Ranking make(Instant now) {
        String fromMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(11)
                .format(DateTimeFormatter.ofPattern("yyyy_MM"));
        List<Row> rows = new ArrayList<>();
        for (long userId : preferences.rankedUsers()) {
            Optional<User> user = accounts.user(userId);
            if (user.isEmpty() || !user.get().published()) {
                continue;
            }
            Optional<CvDocument> cv = snapshots.published(user.get().login());
            if (cv.isEmpty()) {
                continue;
            }
            CvDocument doc = cv.get();
            String name = doc.person().displayName() == null ? doc.person().login() : doc.person().displayName();
            rows.add(new Row(doc.person().login(), name, last52Weeks(doc, "additions"), last52Weeks(doc, "commits"),
                    languagesSince(doc.months(), fromMonth)));
        }
        List<Entry> overall = ranked(rows, Comparator.comparingLong(Row::lines).thenComparingLong(Row::commits)
                .reversed().thenComparing(Row::login), Row::lines, true);
        Map<String, Long> languageTotals = new TreeMap<>();
        rows.forEach(row -> row.languages().forEach((l, n) -> languageTotals.merge(l, n, Long::sum)));
        Map<String, List<Entry>> byLanguage = new LinkedHashMap<>();
        languageTotals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(LANGUAGES)
                .forEach(e -> {
                    String language = e.getKey();
                    List<Row> writers = rows.stream().filter(r -> r.languages().getOrDefault(language, 0L) > 0)
                            .toList();
                    byLanguage.put(language, ranked(writers,
                            Comparator.<Row>comparingLong(r -> r.languages().get(language)).reversed()
                                    .thenComparing(Row::login),
                            r -> r.languages().get(language), false));
                });
        return new Ranking(now, rows.size(), overall, byLanguage);
    }

    private static List<Entry> ranked(List<Row> rows, Comparator<Row> order,
            java.util.function.ToLongFunction<Row> lines, boolean withCommits) {
        List<Row> sorted = rows.stream().sorted(order).limit(PLACES).toList();
        List<Entry> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            long value = lines.applyAsLong(r);
            long commits = withCommits ? r.commits() : 0;
            // equal figures share a place: 1, 2, 2, 4
            int rank = i > 0 && out.get(i - 1).linesWritten() == value && out.get(i - 1).commits() == commits
                    ? out.get(i - 1).rank() : i + 1;
            out.add(new Entry(rank, r.login(), r.name(), value, commits));
        }
        return out;
    }

    private static long last52Weeks(CvDocument cv, String metric) {
        return cv.keyMetrics().stream().filter(m -> m.metric().equals(metric)).findFirst()
                .map(KeyMetric::last52w).map(t -> t.current()).orElse(0L);
    }

    /** Lines written per language in the months from {@code fromMonth} ({@code yyyy_MM}) on. */
    private static Map<String, Long> languagesSince(PeriodTable months, String fromMonth) {
        Map<String, Long> out = new TreeMap<>();
        List<String> metrics = months.metrics();
        for (PeriodRow row : months.rows()) {
            if (row.key().compareTo(fromMonth) < 0) {
                continue;
            }
            for (int i = 0; i < metrics.size(); i++) {
                String m = metrics.get(i);
                if (m.startsWith("additions_") && row.value(i) > 0) {
                    out.merge(m.substring("additions_".length()), row.value(i), Long::sum);
                }
            }
        }
        return out;
    }
}
