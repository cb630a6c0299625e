package dev.commitstats.cv;

import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.Activity;
import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.PunchCard;
import dev.commitstats.stats.export.PeriodTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything a CV shows for one user, computed once: the one type that the JSON export, the JSON API, the CV page and
 * the SVG card render, each in its own way ({@link CvJson} for the first two). Numbers only: no paths, no messages.
 *
 * @param person       whose CV it is
 * @param generatedAt  when it was computed; the end of the key-metric windows and streaks
 * @param audience     who it is for: its owner sees every repository's name, the public only those of public
 *                     repositories
 * @param totals       the headline totals (commits, lines per language, buckets set apart, types, detections)
 * @param activity     active days and streaks, in the author's own local days
 * @param seriesLength the length of each period of {@code series}: {@code day}, {@code week} or {@code month}
 * @param series       commits and lines per period, ascending, periods without commits left out
 * @param days         commits and lines per local day, ascending, days without commits left out (calendar, years)
 * @param months       per month with commits: commits, additions, deletions, {@code additions_<language>},
 *                     {@code type_<type>}, {@code detected_<kind>} (languages and types over time)
 * @param repositories the counted repositories, in the order they were registered
 * @param punchCard    commits per weekday and hour, in each commit's own local time; null when the owner hid it from
 *                     the public
 * @param keyMetrics   totals and the last 52, 13 and 1 weeks against the ones before
 * @param named        for a named CV ({@code /cv/{login}/{name}}), its name and what it counts; null for the default
 *                     CV
 */
public record CvDocument(Person person, Instant generatedAt, Audience audience, Totals totals, Activity activity,
        String seriesLength, List<Period> series, List<Period> days, PeriodTable months,
        List<CvRepository> repositories, @Nullable PunchCard punchCard, List<KeyMetric> keyMetrics,
        @Nullable Named named) {

    /** The default CV's document. */
    public CvDocument(Person person, Instant generatedAt, Audience audience, Totals totals, Activity activity,
            String seriesLength, List<Period> series, List<Period> days, PeriodTable months,
            List<CvRepository> repositories, @Nullable PunchCard punchCard, List<KeyMetric> keyMetrics) {
        this(person, generatedAt, audience, totals, activity, seriesLength, series, days, months, repositories,
                punchCard, keyMetrics, null);
    }

    /**
     * What a named CV is, as its document says it.
     *
     * @param name  its name, the last part of its address
     * @param title its title, or null to show the name
     * @param from  the first day it counts, or null
     * @param to    the last day it counts, or null; when it is before the day the document was computed, key metrics,
     *              streaks and the calendar end on it
     */
    public record Named(String name, @Nullable String title, @Nullable LocalDate from, @Nullable LocalDate to) {

        /** The title, or the name. */
        public String label() {
            return title == null || title.isBlank() ? name : title;
        }
    }

    /** The address of the CV's page: {@code /cv/{login}} or {@code /cv/{login}/{name}}. */
    public String path() {
        return "/cv/" + person.login() + (named == null ? "" : "/" + named.name());
    }

    /**
     * The day key metrics, streaks and the calendar end on: the day the document was computed in its owner's time
     * zone, or the last day of a named CV's period when that is earlier.
     */
    public LocalDate lastDay() {
        LocalDate today = generatedAt.atZone(person.timeZone()).toLocalDate();
        return named != null && named.to() != null && named.to().isBefore(today) ? named.to() : today;
    }

    /** Who a CV document is for. */
    public enum Audience {
        /** The owner: every repository named. */
        OWNER,
        /** Anyone: private and internal repositories described, not named. */
        PUBLIC
    }

    /** The name a repository that is not shown has. */
    public static final String MASKED_NAME = "private repository";

    public CvDocument {
        series = List.copyOf(series);
        days = List.copyOf(days);
        repositories = List.copyOf(repositories);
        keyMetrics = List.copyOf(keyMetrics);
    }

    /**
     * The CV's owner as the CV names them.
     *
     * @param login       the unique login (the CV's address)
     * @param displayName the name shown, or null to show the login
     * @param timeZone    the time zone of "today" for streaks and key-metric windows
     * @param published   whether the CV is public
     */
    public record Person(String login, @Nullable String displayName, ZoneId timeZone, boolean published) {
    }

    /**
     * One counted repository.
     *
     * @param name      its name, or {@link #MASKED_NAME} when {@code masked}
     * @param owner     the owner or group it belongs to; null when unknown or masked
     * @param provider  how it is reached ({@code local}, {@code git}, later a hosting provider)
     * @param masked    whether its name and owner are hidden (a private repository on a public CV)
     * @param languages the languages written in it, most lines first (at most three)
     * @param firstDay  the first local day with a counted commit in it, or null when none is counted
     * @param lastDay   the last one
     * @param commits   the owner's commits counted in it (each commit once across forks and mirrors)
     * @param additions lines added in them, as counted on the CV
     * @param deletions lines deleted in them
     * @param years     the owner's commits counted in it per calendar year of their local days, ascending, years
     *                  without commits left out (the year in review's "repository worked on most"); empty in a
     *                  snapshot written before it existed
     * @param hosting   what its host reports about it, for a repository discovered through a provider account; null
     *                  for a local folder, a URL added by hand, or a snapshot written before it existed
     */
    public record CvRepository(String name, @Nullable String owner, String provider, boolean masked,
            List<String> languages, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, long commits,
            long additions, long deletions, SortedMap<Integer, Long> years, @Nullable Hosting hosting) {
        public CvRepository {
            languages = List.copyOf(languages);
            // null when a snapshot stored before this component existed is read back
            years = years == null ? Collections.emptySortedMap()
                    : Collections.unmodifiableSortedMap(new TreeMap<>(years));
        }

        /** A repository its host said nothing about. */
        public CvRepository(String name, @Nullable String owner, String provider, boolean masked,
                List<String> languages, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, long commits,
                long additions, long deletions, SortedMap<Integer, Long> years) {
            this(name, owner, provider, masked, languages, firstDay, lastDay, commits, additions, deletions, years,
                    null);
        }

        /** A repository without commits per year, its host said nothing about. */
        public CvRepository(String name, @Nullable String owner, String provider, boolean masked,
                List<String> languages, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, long commits,
                long additions, long deletions) {
            this(name, owner, provider, masked, languages, firstDay, lastDay, commits, additions, deletions,
                    Collections.emptySortedMap(), null);
        }
    }

    /**
     * What a repository's host reports, as far as a CV shows it.
     *
     * @param openSource   public on its host: everyone may read it (the user's own public repositories and the
     *                     open-source projects they contributed to)
     * @param contribution someone else's project the user contributed to (not counted as theirs for stars)
     * @param stars        stars or favourites on its host
     */
    public record Hosting(boolean openSource, boolean contribution, int stars) {
    }
}
