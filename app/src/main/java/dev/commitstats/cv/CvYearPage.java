package dev.commitstats.cv;

import dev.commitstats.core.classify.LanguageColors;
import dev.commitstats.stats.Trend;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the year in review page ({@code /cv/{login}/year/{yyyy}}) shows, worked out from one {@link CvYear}: its
 * figures as people read them, each with its change from the year before in the CV page's words
 * ({@link CvPage.TrendCell}). Formats only. Immutable.
 *
 * @param login        the CV's address
 * @param name         the name shown: the display name, or the login
 * @param year         the year
 * @param title        the page's {@code <title>} and {@code og:title}
 * @param description  the meta description and {@code og:description}
 * @param generatedOn  the day the CV document was computed, for people
 * @param generatedAt  the same instant, ISO-8601, for machines
 * @param yearBefore   whether the year before had commits: the changes are then worth reading
 * @param previousYear the year before, to link to, or null when it lies outside the CV's span
 * @param nextYear     the year after, or null
 * @param headlines    commits, commit days, lines written and deleted, the longest streak
 * @param busiest      the busiest month and day, in words
 * @param languages    lines added per language
 * @param newLanguages the languages first written this year, in words, or empty
 * @param types        commits per commit type
 * @param tools        tools introduced per kind
 * @param repository   the repository worked on most, masked as on the CV, or null
 * @param path         the CV's address, {@code /cv/{login}} or {@code /cv/{login}/{name}}
 */
record CvYearPage(String login, String name, int year, String title, String description, String generatedOn,
        String generatedAt, boolean yearBefore, @Nullable Integer previousYear, @Nullable Integer nextYear,
        List<Headline> headlines, List<CvPage.Figure> busiest, List<Row> languages, String newLanguages,
        List<Row> types, List<Row> tools, @Nullable Repository repository, String path) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** A headline card: {@code value} is the raw number a test or script can read, {@code shown} its text. */
    record Headline(String metric, String label, long value, String shown, String detail, CvPage.TrendCell change) {
    }

    /**
     * A row of a table: a language (with its colour and whether it is new this year), a commit type or a tool.
     *
     * @param key the name as the CV document has it
     */
    record Row(String key, String label, String color, boolean isNew, String share, CvPage.TrendCell change) {
    }

    /** The repository worked on most: a named one is {@code owner/name}; a masked one is only described. */
    record Repository(String title, boolean masked, String description, String commits, String share) {
    }

    static CvYearPage of(CvDocument cv, CvYear y, LanguageColors colors) {
        String name = cv.person().displayName() == null || cv.person().displayName().isBlank() ? cv.person().login()
                : cv.person().displayName();
        LocalDate generatedOn = cv.generatedAt().atZone(cv.person().timeZone()).toLocalDate();
        String window = "year";

        List<Headline> headlines = new ArrayList<>();
        headlines.add(new Headline("commits", "Commits", y.commits().current(), CvPage.number(y.commits().current()),
                "in " + y.year(), CvPage.trend(y.commits(), window)));
        headlines.add(new Headline("commit_days", "Commit days", y.commitDays().current(),
                CvPage.number(y.commitDays().current()), "days with at least one commit",
                CvPage.trend(y.commitDays(), window)));
        headlines.add(new Headline("additions", "Lines written", y.additions().current(),
                "+" + CvPage.number(y.additions().current()), "vendored, generated, moved and bulk lines left out",
                CvPage.trend(y.additions(), window)));
        headlines.add(new Headline("deletions", "Lines deleted", y.deletions().current(),
                "−" + CvPage.number(y.deletions().current()), "lines taken out", CvPage.trend(y.deletions(), window)));
        headlines.add(new Headline("longest_streak", "Longest streak", y.longestStreak().current(),
                CvPage.days(y.longestStreak().current()),
                y.streakFrom() == null || y.streakTo() == null ? "no commit days"
                        : y.streakFrom().equals(y.streakTo()) ? "on " + SHORT_DAY.format(y.streakFrom())
                        : SHORT_DAY.format(y.streakFrom()) + " to " + SHORT_DAY.format(y.streakTo()),
                CvPage.trend(y.longestStreak(), window)));

        List<CvPage.Figure> busiest = new ArrayList<>();
        if (y.busiestMonth() != null) {
            busiest.add(new CvPage.Figure("Busiest month", MONTH.format(YearMonth.parse(y.busiestMonth().key()))
                    + ", " + commits(y.busiestMonth().commits())));
        }
        if (y.busiestDay() != null) {
            busiest.add(new CvPage.Figure("Busiest day", DAY.format(LocalDate.parse(y.busiestDay().key())) + ", "
                    + commits(y.busiestDay().commits())));
        }

        List<Row> languages = y.languages().stream().map(l -> new Row(l.key(), l.key(), colors.of(l.key()),
                y.newLanguages().contains(l.key()), CvPage.percent(l.trend().current(), y.additions().current()),
                CvPage.trend(l.trend(), window))).toList();
        List<Row> types = y.types().stream().map(t -> new Row(t.key(), CvPage.typeLabel(t.key()), "", false,
                CvPage.percent(t.trend().current(), y.commits().current()), CvPage.trend(t.trend(), window))).toList();
        List<Row> tools = y.tools().stream().map(t -> new Row(t.key(), CvPage.toolLabel(t.key()), "", false, "",
                CvPage.trend(t.trend(), window))).toList();

        Repository repository = null;
        if (y.repository() != null) {
            CvDocument.CvRepository r = y.repository().repository();
            repository = new Repository(r.masked() || r.owner() == null ? r.name() : r.owner() + "/" + r.name(),
                    r.masked(), CvPage.describe(r), CvPage.number(y.repository().commits()),
                    String.format(Locale.ENGLISH, "%.0f %%", 100 * y.repository().share()));
        }

        String titled = cv.named() == null ? name : name + " (" + cv.named().label() + ")";
        return new CvYearPage(cv.person().login(), name, y.year(),
                titled + " — " + y.year() + " in review · Commit Stats", description(name, y), CvPage.DAY.format(generatedOn), cv.generatedAt().toString(),
                y.hasYearBefore(), y.year() > y.firstYear() ? y.year() - 1 : null,
                y.year() < y.lastYear() ? y.year() + 1 : null, headlines, busiest, languages,
                CvPage.listed(y.newLanguages()), types, tools, repository, cv.path());
    }

    private static String description(String name, CvYear y) {
        StringBuilder s = new StringBuilder(name).append("'s ").append(y.year()).append(" in code: ")
                .append(commits(y.commits().current())).append(" on ").append(CvPage.days(y.commitDays().current()))
                .append(", ").append(CvPage.number(y.additions().current())).append(" lines written");
        Trend c = y.commits();
        if (y.hasYearBefore() && c.change() != 0) {
            s.append(String.format(Locale.ENGLISH, ", %s %.0f %% from %d", c.change() > 0 ? "up" : "down",
                    Math.abs(c.relativeChange() * 100), y.year() - 1));
        }
        return s.append(" — honest numbers, private repositories included.").toString();
    }

    private static String commits(long n) {
        return CvPage.number(n) + (n == 1 ? " commit" : " commits");
    }
}
