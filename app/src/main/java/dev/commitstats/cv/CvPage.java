package dev.commitstats.cv;

import dev.commitstats.stats.PunchCard;

import dev.commitstats.core.classify.LanguageColors;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.Trend;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the public CV page shows, worked out from one {@link CvDocument}: headline figures, the tables that stand in
 * for each chart (readable without JavaScript and by screen readers), and the JSON the charts draw from (the API's
 * fields plus the colours and groupings the tables use, so tables and charts show the same numbers). Only regroups
 * and formats the document's numbers; never queries anything. Immutable.
 *
 * @param login        the CV's address
 * @param notPublic    whether this is its owner's preview of an unpublished CV (the page then says so in a banner)
 * @param name         the name shown: the display name, or the login
 * @param title        the page's {@code <title>} and {@code og:title}
 * @param description  the meta description and {@code og:description}
 * @param generatedOn  the day the document was computed, for people
 * @param generatedAt  the same instant, ISO-8601, for machines
 * @param headlines    the cards at the top
 * @param years        commits, commit days and commit types per calendar year, ascending
 * @param types        the commit types that have commits, in the document's column order
 * @param daily        what the commits-per-day chart shows, in words
 * @param keyMetrics   the key metrics table: commits and lines, the top languages and commit types, tools (metrics
 *                     that are 0 over all time left out)
 * @param moreMetrics  the other key metrics: the long tail of languages and types, in a table of its own
 * @param languages    per language, most lines added first
 * @param languageYears lines added per year for the top languages (the rest as "Other")
 * @param calendar     the last twelve months and the streaks
 * @param punchCard    commits per weekday (Monday first) and hour
 * @param typeTotals   commits per commit type, most first
 * @param breaking     commits flagged as breaking changes
 * @param repositories the top repositories by commits
 * @param moreRepositories how many repositories the top list leaves out
 * @param tools        tools introduced, per kind, only kinds with some
 * @param packages     packages introduced, per ecosystem
 * @param excluded     lines left out of the honest count, per bucket, with the reason
 * @param binaryFiles  binary files changed (they have no lines)
 * @param dataJson     the charts' data: {@code {"cv": <the API's fields>, "view": {...}}}, safe inside a script element
 * @param path         the page's address, {@code /cv/{login}} or {@code /cv/{login}/{name}}
 * @param apiPath      its JSON's address
 * @param scope        for a named CV, what it is and counts in words ("Backend · 1 Jan 2020 to 31 Dec 2023");
 *                     null for the default CV
 */
record CvPage(String login, boolean notPublic, String name, String title, String description, String generatedOn, String generatedAt,
        List<Headline> headlines, List<Year> years, List<Label> types, String daily, List<MetricRow> keyMetrics,
        List<MetricRow> moreMetrics,
        List<LanguageRow> languages, LanguageYears languageYears, Calendar calendar, List<PunchRow> punchCard,
        List<TypeRow> typeTotals, String breaking, List<RepositoryRow> repositories, long moreRepositories,
        List<Figure> tools, List<PackageGroup> packages, List<ExcludedRow> excluded, String binaryFiles,
        String dataJson, String path, String apiPath, @Nullable String scope) {

    /** How many repositories the page lists. */
    static final int TOP_REPOSITORIES = 10;
    /** How many languages the charts draw on their own; the others are "Other". */
    static final int TOP_LANGUAGES = 8;
    /** How many languages, and how many commit types, the key metrics table shows before "more metrics". */
    static final int TOP_METRICS_PER_GROUP = 5;
    /** How many package names the page lists per ecosystem. */
    static final int PACKAGES_PER_ECOSYSTEM = 15;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** A headline card: {@code value} is the raw number a test or script can read, {@code shown} its text. */
    record Headline(String metric, String label, long value, String shown, String detail) {
    }

    /** A name as the data has it and as people read it. */
    record Label(String key, String label) {
    }

    /** A number and its name. */
    record Figure(String label, String value) {
    }

    record Year(int year, long commits, long commitDays, List<Long> types) {
        public String commitsShown() {
            return number(commits);
        }

        public String commitDaysShown() {
            return number(commitDays);
        }

        public List<String> typesShown() {
            return types.stream().map(CvPage::number).toList();
        }
    }

    /** One row of the key metrics table. */
    record MetricRow(String metric, String label, String total, List<TrendCell> trends) {
    }

    /**
     * One window of a key metric against the window before it.
     *
     * @param direction {@code up}, {@code down} or {@code same}, for the sign and its colour
     * @param change    the signed change, e.g. {@code +12} or {@code −3}
     * @param relative  the change against the window before, e.g. {@code (+50 %)}; empty when that was 0
     * @param spoken    the change in words, for screen readers
     */
    record TrendCell(String current, String previous, String direction, String change, String relative,
            String spoken) {
    }

    record LanguageRow(String name, String color, String additions, String deletions, String share, String files) {
    }

    /** Lines added per year for the top languages; {@code languages} are the columns, each row one per column. */
    record LanguageYears(List<String> languages, List<YearLines> rows) {
    }

    record YearLines(int year, List<String> additions) {
    }

    /**
     * The calendar heatmap's twelve months.
     *
     * @param from           the first day shown (a year before {@code to}, plus one day)
     * @param to             the document's "today" in its owner's time zone
     * @param months         per month of the range, oldest first
     */
    record Calendar(String from, String to, String fromShown, String toShown, String commits, String commitDays,
            String currentStreak, String longestStreak, List<MonthRow> months) {
    }

    record MonthRow(String month, String commits, String commitDays) {
    }

    record PunchRow(String day, List<Long> hours, String total) {
    }

    /** A commit type's commits, and how many of them had their type inferred from the message's wording. */
    record TypeRow(String key, String label, String commits, String share, String inferred) {
    }

    /**
     * A top repository: a named one is {@code owner/name}; a masked one is "private repository" and described only
     * by its languages and years, exactly as the document describes it.
     */
    record RepositoryRow(String title, boolean masked, String description, String commits, String additions,
            String deletions) {
    }

    record PackageGroup(String ecosystem, long count, List<String> names, long more) {
    }

    record ExcludedRow(String bucket, String label, String additions, String deletions, String why) {
    }

    /**
     * The page of {@code cv}, languages drawn in {@code colors}.
     *
     * @param notPublic whether it is shown to its owner before they published it
     */
    static CvPage of(CvDocument cv, LanguageColors colors, boolean notPublic) {
        Totals totals = cv.totals();
        LocalDate today = cv.generatedAt().atZone(cv.person().timeZone()).toLocalDate();
        String name = cv.person().displayName() == null || cv.person().displayName().isBlank() ? cv.person().login()
                : cv.person().displayName();

        List<Map.Entry<String, LineCount>> languages = new ArrayList<>(totals.languages().entrySet());
        languages.sort(Comparator.<Map.Entry<String, LineCount>>comparingLong(e -> e.getValue().additions())
                .reversed().thenComparing(Map.Entry::getKey));
        List<String> topLanguages = languages.stream().limit(TOP_LANGUAGES).map(Map.Entry::getKey).toList();

        PeriodTable months = cv.months();
        List<Label> types = new ArrayList<>();
        for (String column : months.metrics()) {
            if (column.startsWith("type_") && columnSum(months, column) > 0) {
                String key = column.substring("type_".length());
                types.add(new Label(key, typeLabel(key)));
            }
        }
        List<Year> years = years(cv.days(), months, types);

        // a named CV whose period ended shows its calendar up to its last day
        LocalDate until = cv.lastDay();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("today", until.toString());
        view.put("calendar_from", until.minusYears(1).plusDays(1).toString());
        Map<String, String> languageColors = new LinkedHashMap<>();
        languages.forEach(e -> languageColors.put(e.getKey(), colors.of(e.getKey())));
        view.put("colors", languageColors);
        view.put("other_color", LanguageColors.FALLBACK);
        view.put("top_languages", topLanguages);
        view.put("types", types.stream().map(t -> Map.of("key", t.key(), "label", t.label())).toList());
        view.put("years", years.stream().map(y -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.year());
            m.put("commits", y.commits());
            m.put("commit_days", y.commitDays());
            m.put("types", y.types());
            return m;
        }).toList());
        view.put("weekdays", weekdays());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cv", CvJson.apiFields(cv));
        data.put("view", view);

        CvDocument.Named named = cv.named();
        return new CvPage(cv.person().login(), notPublic, name,
                named == null ? name + " — coding CV · Commit Stats"
                        : name + " — " + named.label() + " · coding CV · Commit Stats",
                description(name, totals, languages, today), DAY.format(today), cv.generatedAt().toString(),
                headlines(cv, today, languages), years, types, daily(cv.days()), keyMetrics(cv.keyMetrics(), true),
                keyMetrics(cv.keyMetrics(), false),
                languageRows(languages, totals.additions(), colors), languageYears(months, topLanguages),
                calendar(cv, until), punchCard(cv), typeTotals(totals, types), number(totals.breaking()),
                repositories(cv.repositories()), Math.max(0, cv.repositories().size() - TOP_REPOSITORIES),
                tools(totals), packages(totals), excluded(totals),
                number(totals.excluded().get(ExclusionBucket.BINARY).files()), scriptJson(data), cv.path(),
                "/api/v1" + cv.path(), named == null ? null : scope(named));
    }

    /** A named CV in words: "Backend · from 1 Jan 2020 to 31 Dec 2023", "Backend · since 1 Jan 2020", "Backend". */
    static String scope(CvDocument.Named named) {
        StringBuilder s = new StringBuilder(named.label());
        if (named.from() != null && named.to() != null) {
            s.append(" · from ").append(DAY.format(named.from())).append(" to ").append(DAY.format(named.to()));
        } else if (named.from() != null) {
            s.append(" · since ").append(DAY.format(named.from()));
        } else if (named.to() != null) {
            s.append(" · until ").append(DAY.format(named.to()));
        }
        return s.toString();
    }

    private static String description(String name, Totals totals, List<Map.Entry<String, LineCount>> languages,
            LocalDate today) {
        StringBuilder s = new StringBuilder(name).append("'s coding CV: ").append(number(totals.commits()))
                .append(totals.commits() == 1 ? " commit" : " commits");
        if (totals.firstCommit() != null) {
            long years = ChronoUnit.YEARS.between(totals.firstCommit().toLocalDate(), today);
            if (years >= 1) {
                s.append(" over ").append(years).append(years == 1 ? " year" : " years");
            }
        }
        List<String> top = languages.stream().limit(3).map(Map.Entry::getKey).toList();
        if (!top.isEmpty()) {
            s.append(" in ").append(listed(top));
        }
        return s.append(", ").append(number(totals.additions()))
                .append(" lines written — honest numbers, private repositories included.").toString();
    }

    private static List<Headline> headlines(CvDocument cv, LocalDate today,
            List<Map.Entry<String, LineCount>> languages) {
        Totals t = cv.totals();
        List<Headline> cards = new ArrayList<>();
        String span = t.firstCommit() == null ? "no commits yet"
                : ago(t.firstCommit().toLocalDate(), today) + " to " + ago(t.lastCommit().toLocalDate(), today);
        cards.add(new Headline("commits", "Commits", t.commits(), number(t.commits()), span));
        String last = t.lastCommit() == null ? "no commits yet"
                : "last commit " + ago(t.lastCommit().toLocalDate(), today) + ", on "
                        + DAY.format(t.lastCommit().toLocalDate());
        cards.add(new Headline("commit_days", "Commit days", cv.activity().activeDays(),
                number(cv.activity().activeDays()), last));
        cards.add(new Headline("additions", "Lines written", t.additions(), "+" + number(t.additions()),
                "−" + number(t.deletions()) + " deleted; vendored, generated, moved and bulk lines left out"));
        List<String> top = languages.stream().limit(3).map(Map.Entry::getKey).toList();
        cards.add(new Headline("languages", "Languages", languages.size(), number(languages.size()),
                top.isEmpty() ? "none yet" : "mostly " + listed(top)));
        long masked = cv.repositories().stream().filter(CvDocument.CvRepository::masked).count();
        long named = cv.repositories().size() - masked;
        cards.add(new Headline("repositories", "Repositories", cv.repositories().size(),
                number(cv.repositories().size()), number(named) + " public, " + number(masked) + " private"));
        Set<String> providers = new LinkedHashSet<>();
        cv.repositories().forEach(r -> providers.add(providerLabel(r.provider())));
        cards.add(new Headline("providers", "Providers", providers.size(), number(providers.size()),
                providers.isEmpty() ? "none yet" : String.join(", ", providers)));
        // The open-source share and the stars need what a host reports: shown only when some repository was
        // discovered through a provider account, rather than as zeros when none was.
        List<CvDocument.CvRepository> hosted = cv.repositories().stream().filter(r -> r.hosting() != null).toList();
        if (!hosted.isEmpty()) {
            List<CvDocument.CvRepository> open = hosted.stream().filter(r -> r.hosting().openSource()).toList();
            long openCommits = open.stream().mapToLong(CvDocument.CvRepository::commits).sum();
            long allCommits = cv.repositories().stream().mapToLong(CvDocument.CvRepository::commits).sum();
            long percent = allCommits == 0 ? 0 : Math.round(100.0 * openCommits / allCommits);
            cards.add(new Headline("open_source", "Open source", percent, percent + "%",
                    number(openCommits) + (openCommits == 1 ? " commit" : " commits") + " in " + number(open.size())
                            + (open.size() == 1 ? " open-source repository" : " open-source repositories")));
            long stars = open.stream().filter(r -> !r.hosting().contribution())
                    .mapToLong(r -> r.hosting().stars()).sum();
            long owned = open.stream().filter(r -> !r.hosting().contribution()).count();
            if (owned > 0) {
                cards.add(new Headline("stars", "Stars", stars, number(stars), "of " + number(owned)
                        + (owned == 1 ? " own public repository" : " own public repositories")));
            }
        }
        return List.copyOf(cards);
    }

    private static List<Year> years(List<Period> days, PeriodTable months, List<Label> types) {
        TreeMap<Integer, long[]> byYear = new TreeMap<>(); // commits, commit days
        for (Period d : days) {
            long[] y = byYear.computeIfAbsent(Integer.parseInt(d.key().substring(0, 4)), k -> new long[2]);
            y[0] += d.commits();
            y[1]++;
        }
        Map<Integer, long[]> typesByYear = new TreeMap<>();
        int[] columns = types.stream().mapToInt(t -> months.metrics().indexOf("type_" + t.key())).toArray();
        for (PeriodRow row : months.rows()) {
            long[] y = typesByYear.computeIfAbsent(Integer.parseInt(row.key().substring(0, 4)),
                    k -> new long[columns.length]);
            for (int i = 0; i < columns.length; i++) {
                y[i] += row.value(columns[i]);
            }
        }
        List<Year> years = new ArrayList<>();
        if (byYear.isEmpty()) {
            return years;
        }
        for (int year = byYear.firstKey(); year <= byYear.lastKey(); year++) { // years without commits show as 0
            long[] y = byYear.getOrDefault(year, new long[2]);
            long[] ty = typesByYear.getOrDefault(year, new long[columns.length]);
            years.add(new Year(year, y[0], y[1], Arrays.stream(ty).boxed().toList()));
        }
        return years;
    }

    private static String daily(List<Period> days) {
        if (days.isEmpty()) {
            return "No commits yet.";
        }
        Period busiest = days.get(0);
        long commits = 0;
        for (Period d : days) {
            commits += d.commits();
            if (d.commits() > busiest.commits()) {
                busiest = d;
            }
        }
        return String.format(Locale.ENGLISH,
                "%s commits on %s days between %s and %s, %.1f per commit day on average; the busiest day was %s, "
                        + "with %s commits.", number(commits), number(days.size()),
                DAY.format(LocalDate.parse(days.get(0).key())), DAY.format(LocalDate.parse(days.get(days.size() - 1).key())),
                (double) commits / days.size(), DAY.format(LocalDate.parse(busiest.key())), number(busiest.commits()));
    }

    /**
     * The key metrics in the document's order (commits and lines, languages, types, detectors), languages and types
     * the largest first; {@code top}: the first {@link #TOP_METRICS_PER_GROUP} of the languages and of the types, and
     * every other metric; otherwise the rest. A metric that is 0 over all time is 0 in every window too: its row would
     * say nothing, so it is left out.
     */
    private static List<MetricRow> keyMetrics(List<KeyMetric> metrics, boolean top) {
        List<KeyMetric> ordered = new ArrayList<>(metrics.stream().filter(k -> k.total() != 0).toList());
        ordered.sort(Comparator.comparingInt((KeyMetric k) -> groupStart(metrics, k))
                .thenComparingLong(k -> ranked(k) ? -k.total() : metrics.indexOf(k)));
        Map<String, Integer> seen = new HashMap<>();
        List<MetricRow> rows = new ArrayList<>();
        for (KeyMetric k : ordered) {
            int rank = seen.merge(group(k.metric()), 1, Integer::sum);
            if (top == (!ranked(k) || rank <= TOP_METRICS_PER_GROUP)) {
                rows.add(new MetricRow(k.metric(), metricLabel(k.metric()), number(k.total()), List.of(
                        trend(k.last52w(), "52 weeks"), trend(k.last13w(), "13 weeks"), trend(k.last1w(), "week"))));
            }
        }
        return rows;
    }

    private static boolean ranked(KeyMetric k) {
        return k.metric().startsWith("language:") || k.metric().startsWith("type:");
    }

    /** Where the group of {@code k} (the part of its name before the colon) first appears in {@code metrics}. */
    private static int groupStart(List<KeyMetric> metrics, KeyMetric k) {
        String group = group(k.metric());
        for (int i = 0; i < metrics.size(); i++) {
            if (group(metrics.get(i).metric()).equals(group)) {
                return i;
            }
        }
        return metrics.size();
    }

    private static String group(String metric) {
        int colon = metric.indexOf(':');
        return colon < 0 ? "" : metric.substring(0, colon);
    }

    static TrendCell trend(Trend t, String window) {
        long change = t.change();
        String direction = change > 0 ? "up" : change < 0 ? "down" : "same";
        String relative = t.relativeChange() == null || change == 0 ? ""
                : String.format(Locale.ENGLISH, "(%s%.0f %%)", change >= 0 ? "+" : "−",
                        Math.abs(t.relativeChange() * 100));
        String shown = (change > 0 ? "+" : change < 0 ? "−" : "±") + number(Math.abs(change));
        String spoken = change == 0 ? "unchanged from the " + window + " before"
                : (change > 0 ? "up " : "down ") + number(Math.abs(change)) + " from " + number(t.previous())
                        + " in the " + window + " before";
        return new TrendCell(number(t.current()), number(t.previous()), direction, shown, relative, spoken);
    }

    private static List<LanguageRow> languageRows(List<Map.Entry<String, LineCount>> languages, long additions,
            LanguageColors colors) {
        return languages.stream().map(e -> new LanguageRow(e.getKey(), colors.of(e.getKey()),
                number(e.getValue().additions()), number(e.getValue().deletions()),
                percent(e.getValue().additions(), additions), number(e.getValue().files()))).toList();
    }

    private static LanguageYears languageYears(PeriodTable months, List<String> top) {
        List<String> columns = new ArrayList<>(top);
        int[] index = top.stream().mapToInt(l -> months.metrics().indexOf("additions_" + l)).toArray();
        int additions = months.metrics().indexOf("additions");
        TreeMap<Integer, long[]> byYear = new TreeMap<>();
        for (PeriodRow row : months.rows()) {
            long[] y = byYear.computeIfAbsent(Integer.parseInt(row.key().substring(0, 4)), k -> new long[top.size() + 1]);
            long rest = additions < 0 ? 0 : row.value(additions);
            for (int i = 0; i < index.length; i++) {
                long v = index[i] < 0 ? 0 : row.value(index[i]);
                y[i] += v;
                rest -= v;
            }
            y[top.size()] += Math.max(0, rest);
        }
        boolean other = byYear.values().stream().anyMatch(y -> y[top.size()] > 0);
        if (other) {
            columns.add("Other");
        }
        List<YearLines> rows = new ArrayList<>();
        byYear.forEach((year, y) -> rows.add(new YearLines(year, Arrays.stream(y)
                .limit(columns.size()).mapToObj(CvPage::number).toList())));
        return new LanguageYears(columns, rows);
    }

    private static Calendar calendar(CvDocument cv, LocalDate today) {
        LocalDate from = today.minusYears(1).plusDays(1);
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            months.put(m, new long[2]);
        }
        long commits = 0;
        long days = 0;
        for (Period d : cv.days()) {
            LocalDate day = LocalDate.parse(d.key());
            if (day.isBefore(from) || day.isAfter(today)) {
                continue;
            }
            long[] m = months.get(YearMonth.from(day));
            m[0] += d.commits();
            m[1]++;
            commits += d.commits();
            days++;
        }
        List<MonthRow> rows = new ArrayList<>();
        months.forEach((m, v) -> rows.add(new MonthRow(MONTH.format(m), number(v[0]), number(v[1]))));
        return new Calendar(from.toString(), today.toString(), DAY.format(from), DAY.format(today), number(commits),
                number(days), days(cv.activity().currentStreak()), days(cv.activity().longestStreak()), rows);
    }

    /** Empty when the owner hid the punch card: the page leaves its section out. */
    private static List<PunchRow> punchCard(CvDocument cv) {
        PunchCard card = cv.punchCard();
        if (card == null) {
            return List.of();
        }
        List<PunchRow> rows = new ArrayList<>(7);
        for (DayOfWeek day : DayOfWeek.values()) { // Monday first
            List<Long> hours = new ArrayList<>(24);
            long total = 0;
            for (int h = 0; h < 24; h++) {
                long n = card.count(day, h);
                hours.add(n);
                total += n;
            }
            rows.add(new PunchRow(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), hours, number(total)));
        }
        return rows;
    }

    private static List<TypeRow> typeTotals(Totals totals, List<Label> present) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        totals.types().forEach((type, n) -> byKey.put(type.jsonName(), n));
        Map<String, Long> inferred = new LinkedHashMap<>();
        totals.inferredTypes().forEach((type, n) -> inferred.put(type.jsonName(), n));
        List<Label> labels = new ArrayList<>(present);
        byKey.forEach((key, n) -> {
            if (n > 0 && labels.stream().noneMatch(l -> l.key().equals(key))) {
                labels.add(new Label(key, typeLabel(key)));
            }
        });
        return labels.stream().filter(l -> byKey.getOrDefault(l.key(), 0L) > 0)
                .sorted(Comparator.comparingLong((Label l) -> byKey.get(l.key())).reversed())
                .map(l -> new TypeRow(l.key(), l.label(), number(byKey.get(l.key())),
                        percent(byKey.get(l.key()), totals.commits()), number(inferred.getOrDefault(l.key(), 0L))))
                .toList();
    }

    private static List<RepositoryRow> repositories(List<CvDocument.CvRepository> repositories) {
        return repositories.stream()
                .sorted(Comparator.comparingLong(CvDocument.CvRepository::commits).reversed())
                .limit(TOP_REPOSITORIES)
                .map(r -> new RepositoryRow(r.masked() || r.owner() == null ? r.name() : r.owner() + "/" + r.name(),
                        r.masked(), describe(r), number(r.commits()), number(r.additions()), number(r.deletions())))
                .toList();
    }

    /** "Java, Terraform · 2021–2024": the languages and years the document gives, nothing else. */
    static String describe(CvDocument.CvRepository r) {
        List<String> parts = new ArrayList<>();
        if (!r.languages().isEmpty()) {
            parts.add(String.join(", ", r.languages()));
        }
        if (r.firstDay() != null && r.lastDay() != null) {
            int first = r.firstDay().getYear();
            int last = r.lastDay().getYear();
            parts.add(first == last ? Integer.toString(first) : first + "–" + last);
        }
        return String.join(" · ", parts);
    }

    private static List<Figure> tools(Totals totals) {
        List<Figure> tools = new ArrayList<>();
        totals.tools().forEach((kind, n) -> {
            if (n > 0) {
                String label = toolLabel(kind.jsonName());
                tools.add(new Figure(n == 1 && label.endsWith("s") ? label.substring(0, label.length() - 1) : label,
                        number(n)));
            }
        });
        return tools;
    }

    private static List<PackageGroup> packages(Totals totals) {
        List<PackageGroup> groups = new ArrayList<>();
        totals.packages().forEach((ecosystem, names) -> groups.add(new PackageGroup(ecosystemLabel(ecosystem),
                names.size(), names.stream().limit(PACKAGES_PER_ECOSYSTEM).toList(),
                Math.max(0, names.size() - PACKAGES_PER_ECOSYSTEM))));
        groups.sort(Comparator.comparingLong(PackageGroup::count).reversed());
        return groups;
    }

    private static List<ExcludedRow> excluded(Totals totals) {
        List<ExcludedRow> rows = new ArrayList<>();
        for (ExclusionBucket b : ExclusionBucket.values()) {
            if (b == ExclusionBucket.BINARY) {
                continue; // files, not lines: said in a sentence below the table
            }
            LineCount c = totals.excluded().get(b);
            rows.add(new ExcludedRow(b.jsonName(), bucketLabel(b), number(c.additions()), number(c.deletions()),
                    why(b)));
        }
        return rows;
    }

    private static String why(ExclusionBucket b) {
        return switch (b) {
            case VENDORED -> "Third-party code kept in a repository (vendor/, node_modules/, …) was written by others.";
            case GENERATED -> "Lock files, minified files and generated sources are written by tools, not by hand.";
            case MOVED -> "A renamed or copied file's lines were written once already, so moving them counts nothing.";
            case BULK -> "A single change of more than 2,000 lines to one file is an import or a dump, unless its "
                    + "owner counts it in.";
            case BINARY -> "Binary files have no lines.";
        };
    }

    private static String bucketLabel(ExclusionBucket b) {
        return switch (b) {
            case VENDORED -> "Vendored";
            case GENERATED -> "Generated";
            case MOVED -> "Moved";
            case BULK -> "Bulk";
            case BINARY -> "Binary";
        };
    }

    private static final Map<String, String> TYPE_LABELS = Map.ofEntries(Map.entry("feat", "Features"),
            Map.entry("fix", "Fixes"), Map.entry("refactor", "Refactoring"), Map.entry("perf", "Performance"),
            Map.entry("test", "Tests"), Map.entry("docs", "Docs"), Map.entry("style", "Style"),
            Map.entry("build", "Build"), Map.entry("ci", "CI"), Map.entry("chore", "Chores"),
            Map.entry("revert", "Reverts"), Map.entry("other", "Other"));

    private static final Map<String, String> TYPE_COMMITS = Map.ofEntries(Map.entry("feat", "Feature commits"),
            Map.entry("fix", "Fix commits"), Map.entry("refactor", "Refactoring commits"),
            Map.entry("perf", "Performance commits"), Map.entry("test", "Test commits"),
            Map.entry("docs", "Documentation commits"), Map.entry("style", "Style commits"),
            Map.entry("build", "Build commits"), Map.entry("ci", "CI commits"), Map.entry("chore", "Chore commits"),
            Map.entry("revert", "Revert commits"), Map.entry("other", "Commits of no type"));

    private static final Map<String, String> TOOL_LABELS = Map.of("dockerfile", "Dockerfiles",
            "helm_chart", "Helm charts", "terraform_module", "Terraform modules", "ci_pipeline", "CI pipelines",
            "package", "Packages");

    private static final Map<String, String> ECOSYSTEM_LABELS = Map.of("maven", "Maven", "npm", "npm",
            "pypi", "PyPI", "go", "Go modules", "cargo", "Cargo");

    /** The commit type's name in a chart's legend; a type this page does not know yet is shown as it is stored. */
    static String typeLabel(String key) {
        return TYPE_LABELS.getOrDefault(key, capitalised(key.replace('_', ' ')));
    }

    /** A key metric's name for people: {@code language:Java} is "Java lines added". */
    static String metricLabel(String metric) {
        int colon = metric.indexOf(':');
        if (colon < 0) {
            return switch (metric) {
                case "commits" -> "Commits";
                case "additions" -> "Lines added";
                case "deletions" -> "Lines deleted";
                default -> capitalised(metric.replace('_', ' '));
            };
        }
        String kind = metric.substring(0, colon);
        String what = metric.substring(colon + 1);
        return switch (kind) {
            case "language" -> what + " lines added";
            case "type" -> TYPE_COMMITS.getOrDefault(what, capitalised(what.replace('_', ' ')) + " commits");
            case "detector" -> toolLabel(what) + " introduced";
            default -> capitalised(kind) + ": " + what;
        };
    }

    static String toolLabel(String kind) {
        return TOOL_LABELS.getOrDefault(kind, capitalised(kind.replace('_', ' ')));
    }

    private static String ecosystemLabel(String ecosystem) {
        return ECOSYSTEM_LABELS.getOrDefault(ecosystem, ecosystem);
    }

    private static String providerLabel(String provider) {
        return switch (provider) {
            case "local" -> "local folders";
            case "git" -> "git servers";
            case "github" -> "GitHub";
            case "gitlab" -> "GitLab";
            case "azure-devops" -> "Azure DevOps";
            case "bitbucket" -> "Bitbucket";
            case "codeberg" -> "Codeberg";
            default -> provider;
        };
    }

    /** "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "4 years ago": from {@code day} to {@code today}. */
    static String ago(LocalDate day, LocalDate today) {
        long days = ChronoUnit.DAYS.between(day, today);
        if (days <= 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 14) {
            return days + " days ago";
        }
        long months = ChronoUnit.MONTHS.between(day, today);
        if (months < 2) {
            return days / 7 + " weeks ago";
        }
        long years = ChronoUnit.YEARS.between(day, today);
        if (years < 1) {
            return months + " months ago";
        }
        return years == 1 ? "a year ago" : years + " years ago";
    }

    static String days(long n) {
        return number(n) + (n == 1 ? " day" : " days");
    }

    static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : String.format(Locale.ENGLISH, "%.1f %%", 100.0 * part / whole);
    }

    static String listed(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static long columnSum(PeriodTable table, String column) {
        int i = table.metrics().indexOf(column);
        long sum = 0;
        for (PeriodRow row : table.rows()) {
            sum += row.value(i);
        }
        return sum;
    }

    private static List<String> weekdays() {
        List<String> names = new ArrayList<>(7);
        for (DayOfWeek d : DayOfWeek.values()) {
            names.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return names;
    }

    /**
     * JSON that can stand inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} (which
     * JSON only has inside strings) are escaped, so no value can close the element or start a comment.
     */
    static String scriptJson(Object value) {
        String json = CvJson.mapper().writeValueAsString(value);
        StringBuilder s = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> s.append("\\u003c");
                case '>' -> s.append("\\u003e");
                case '&' -> s.append("\\u0026");
                case '\u2028' -> s.append("\\u2028");
                case '\u2029' -> s.append("\\u2029");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
