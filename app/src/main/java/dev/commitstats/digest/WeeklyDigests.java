package dev.commitstats.digest;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.cv.CvDocument;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.RepositoryProfiles;
import dev.commitstats.stats.RepositoryShare;
import dev.commitstats.stats.Selection;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.stats.UserStats;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The weekly digest use case: a user's ISO week against the 13 weeks before ({@link WeeklyDigest}), and the weeks
 * there is a digest of. Reads the user's numbers only through the statistics module's queries, each over a
 * {@link Selection} of days (the week; everything up to its end; everything before it), so that a digest counts
 * exactly what the CV counts (active repositories, the user's emails, each commit once, included outlier files), and
 * masks repositories with the CV owner's choices ({@link CvPreferences.Preferences#names}). Prints nothing.
 * Thread-safe.
 */
public final class WeeklyDigests {

    /** How many weeks before a digest's week its averages look at. */
    public static final int WEEKS_COMPARED = 13;

    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final StatsQueries queries;
    private final RepositoryProfiles profiles;
    private final CvPreferences cvPreferences;
    private final Clock clock;

    public WeeklyDigests(UserAccounts accounts, RepositoryRegistry registry, StatsQueries queries,
            RepositoryProfiles profiles, CvPreferences cvPreferences, Clock clock) {
        this.accounts = accounts;
        this.registry = registry;
        this.queries = queries;
        this.profiles = profiles;
        this.cvPreferences = cvPreferences;
        this.clock = clock;
    }

    /**
     * The digest of {@code week}, or of the last complete week when null.
     *
     * @throws dev.commitstats.accounts.UnknownUserException when there is no such user
     * @throws UseCaseException ({@code INVALID}) for a week that has not begun in the user's time zone
     */
    public WeeklyDigest digest(String login, @Nullable IsoWeek week) {
        User user = accounts.require(login);
        return digest(user, week == null ? lastCompleteWeek(user) : week);
    }

    /** {@link #digest(String, IsoWeek)} by user id. */
    public WeeklyDigest digest(long userId, @Nullable IsoWeek week) {
        User user = accounts.requireUser(userId);
        return digest(user, week == null ? lastCompleteWeek(user) : week);
    }

    /** The week before the one in progress in the user's time zone: the week a Monday's digest tells. */
    public IsoWeek lastCompleteWeek(User user) {
        return IsoWeek.of(today(user)).previous();
    }

    /** {@link #lastCompleteWeek(User)} by user id. */
    public IsoWeek lastCompleteWeek(long userId) {
        return lastCompleteWeek(accounts.requireUser(userId));
    }

    /** The weeks with commits before {@code before}, the latest first, at most {@code max}: the digest's archive. */
    public List<IsoWeek> archive(long userId, IsoWeek before, int max) {
        accounts.requireUser(userId);
        PeriodTable weeks = queries.periodTable(userId, new Selection(null, Set.of(), null, null,
                before.monday().minusDays(1)), PeriodTable.WEEK);
        List<IsoWeek> out = new ArrayList<>();
        for (int i = weeks.rows().size() - 1; i >= 0 && out.size() < max; i--) {
            String key = weeks.rows().get(i).key(); // 2026_47
            out.add(IsoWeek.parse(key.substring(0, 4) + "-W" + key.substring(5)));
        }
        return out;
    }

    private LocalDate today(User user) {
        return LocalDate.ofInstant(clock.instant(), user.timeZone());
    }

    private WeeklyDigest digest(User user, IsoWeek week) {
        LocalDate today = today(user);
        if (week.monday().isAfter(today)) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "week " + week + " has not begun yet");
        }
        Instant now = clock.instant();
        LocalDate monday = week.monday();
        LocalDate sunday = week.sunday();
        Selection inWeek = new Selection(null, Set.of(), null, monday, sunday);
        Selection upToWeek = new Selection(null, Set.of(), null, null, sunday);
        Selection beforeWeek = new Selection(null, Set.of(), null, null, monday.minusDays(1));
        UserStats thisWeek = queries.userStats(user.id(), inWeek, now);
        UserStats upTo = queries.userStats(user.id(), upToWeek, now);
        UserStats before = queries.userStats(user.id(), beforeWeek, now);
        PeriodTable weekly = queries.periodTable(user.id(), upToWeek, PeriodTable.WEEK);

        Totals t = thisWeek.totals();
        WeeklyFigures figures = new WeeklyFigures(weekly, week);

        List<WeeklyDigest.LanguageLines> languages = new ArrayList<>();
        t.languages().forEach((language, lines) -> {
            if (lines.additions() + lines.deletions() > 0) {
                languages.add(new WeeklyDigest.LanguageLines(language, lines.additions(), lines.deletions(),
                        figures.average("additions_" + language)));
            }
        });
        languages.sort(Comparator.comparingLong(WeeklyDigest.LanguageLines::additions).reversed()
                .thenComparing(Comparator.comparingLong(WeeklyDigest.LanguageLines::deletions).reversed())
                .thenComparing(WeeklyDigest.LanguageLines::language));

        List<WeeklyDigest.TypeCount> types = new ArrayList<>();
        t.types().forEach((type, n) -> {
            if (n > 0) {
                types.add(new WeeklyDigest.TypeCount(type.jsonName(), DigestSentences.typeLabel(type, n), n));
            }
        });
        types.sort(Comparator.comparingLong(WeeklyDigest.TypeCount::commits).reversed());

        List<String> newLanguages = figures.newColumns("additions_").stream()
                .sorted(Comparator.comparingLong((String l) -> additions(t, l)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();

        List<WeeklyDigest.PersonalBest> bests = new ArrayList<>();
        if (before.totals().commits() > 0) {
            long bestCommits = figures.bestBefore("commits");
            if (t.commits() > bestCommits) {
                bests.add(new WeeklyDigest.PersonalBest("weekly_commits", t.commits(), bestCommits));
            }
            long bestAdditions = figures.bestBefore("additions");
            if (t.additions() > bestAdditions) {
                bests.add(new WeeklyDigest.PersonalBest("weekly_additions", t.additions(), bestAdditions));
            }
            if (upTo.activity().longestStreak() > before.activity().longestStreak()) {
                bests.add(new WeeklyDigest.PersonalBest("longest_streak", upTo.activity().longestStreak(),
                        before.activity().longestStreak()));
            }
        }

        List<Long> days = new ArrayList<>();
        Map<String, Long> byDay = thisWeek.days().stream()
                .collect(Collectors.toMap(Period::key, Period::commits, Long::sum));
        for (int i = 0; i < 7; i++) {
            days.add(byDay.getOrDefault(monday.plusDays(i).toString(), 0L));
        }

        WeeklyDigest digest = new WeeklyDigest(user.login(), user.displayName(), user.timeZone(), week,
                today.isAfter(sunday), t.commits(), thisWeek.activity().activeDays(), t.additions(), t.deletions(),
                figures.weeksCompared, figures.average("commits"), figures.average("additions"), languages, types,
                newLanguages, firstUses(t, before.totals()), upTo.activity().currentStreak(),
                upTo.activity().longestStreak(), bests, repositories(user, inWeek, thisWeek), days,
                figures.sparkline(), List.of());
        return DigestSentences.withSentences(digest);
    }

    private static long additions(Totals t, String language) {
        LineCount lines = t.languages().get(language);
        return lines == null ? 0 : lines.additions();
    }

    /** Tool kinds and packages of the week that nothing before it had. */
    private static List<WeeklyDigest.FirstUse> firstUses(Totals week, Totals before) {
        List<WeeklyDigest.FirstUse> out = new ArrayList<>();
        week.tools().forEach((kind, n) -> {
            if (n > 0 && before.tools().getOrDefault(kind, 0L) == 0) {
                out.add(new WeeklyDigest.FirstUse(kind.jsonName(), null, null, DigestSentences.toolLabel(kind)));
            }
        });
        week.packages().forEach((ecosystem, names) -> {
            SortedSet<String> known = before.packages().get(ecosystem);
            for (String name : names) {
                if (known == null || !known.contains(name)) {
                    out.add(new WeeklyDigest.FirstUse(DetectionKind.PACKAGE.jsonName(), ecosystem, name,
                            name + " (" + ecosystem + ")"));
                }
            }
        });
        return out;
    }

    /** The week's repositories, most commits first, each masked unless the public CV would name it. */
    private List<WeeklyDigest.RepositoryWorkedOn> repositories(User user, Selection inWeek, UserStats week) {
        Map<Long, Repository> byId = registry.repositories(user.id()).stream()
                .collect(Collectors.toMap(Repository::id, Function.identity()));
        Map<Long, RepositoryProfiles.Profile> profile = profiles.of(user.id(), inWeek);
        CvPreferences.Preferences chosen = cvPreferences.of(user.id());
        List<RepositoryShare> shares = new ArrayList<>(week.repositories());
        shares.sort(Comparator.comparingLong(RepositoryShare::commits).reversed()
                .thenComparing(Comparator.comparingLong(RepositoryShare::additions).reversed()));
        List<WeeklyDigest.RepositoryWorkedOn> out = new ArrayList<>();
        for (RepositoryShare share : shares) {
            Repository r = byId.get(share.repositoryId());
            if (r == null || share.commits() == 0) {
                continue;
            }
            boolean named = chosen.names(r);
            RepositoryProfiles.Profile p = profile.get(r.id());
            out.add(new WeeklyDigest.RepositoryWorkedOn(
                    !named ? CvDocument.MASKED_NAME : r.ownerGroup() == null ? r.name() : r.ownerGroup() + "/" + r.name(),
                    !named, p == null ? List.of() : p.languages(), share.commits(), share.additions()));
        }
        return out;
    }

    /** The weekly table up to the digest's week, read for averages, records, first uses and the sparkline. */
    private static final class WeeklyFigures {
        private final PeriodTable table;
        private final IsoWeek week;
        private final Map<String, PeriodRow> rows = new HashMap<>();
        private final @Nullable PeriodRow current;
        /** The keys of the weeks compared: the 13 before, from the first week with commits on. */
        private final List<String> compared = new ArrayList<>();
        final int weeksCompared;

        WeeklyFigures(PeriodTable table, IsoWeek week) {
            this.table = table;
            this.week = week;
            table.rows().forEach(r -> rows.put(r.key(), r));
            this.current = rows.get(week.periodKey());
            String first = table.rows().isEmpty() ? week.periodKey() : table.rows().get(0).key();
            for (int i = 1; i <= WEEKS_COMPARED; i++) {
                String key = week.minus(i).periodKey();
                if (key.compareTo(first) >= 0) {
                    compared.add(key);
                }
            }
            this.weeksCompared = compared.size();
        }

        private long value(@Nullable PeriodRow row, String metric) {
            int column = table.metrics().indexOf(metric);
            return row == null || column < 0 ? 0 : row.value(column);
        }

        double average(String metric) {
            if (compared.isEmpty()) {
                return 0;
            }
            long sum = 0;
            for (String key : compared) {
                sum += value(rows.get(key), metric);
            }
            return (double) sum / compared.size();
        }

        long bestBefore(String metric) {
            long best = 0;
            for (PeriodRow r : table.rows()) {
                if (r.key().compareTo(week.periodKey()) < 0) {
                    best = Math.max(best, value(r, metric));
                }
            }
            return best;
        }

        /** The columns {@code prefix<name>} with a value this week and in no week before, by name. */
        List<String> newColumns(String prefix) {
            List<String> out = new ArrayList<>();
            for (String metric : table.metrics()) {
                if (metric.startsWith(prefix) && value(current, metric) > 0 && bestBefore(metric) == 0) {
                    out.add(metric.substring(prefix.length()));
                }
            }
            return out;
        }

        List<WeeklyDigest.WeekFigure> sparkline() {
            List<WeeklyDigest.WeekFigure> out = new ArrayList<>();
            for (int i = WEEKS_COMPARED; i >= 0; i--) {
                IsoWeek w = week.minus(i);
                PeriodRow r = rows.get(w.periodKey());
                out.add(new WeeklyDigest.WeekFigure(w, value(r, "commits"), value(r, "additions")));
            }
            return out;
        }
    }
}
