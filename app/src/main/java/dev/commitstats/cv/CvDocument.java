package dev.commitstats.cv;

import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.Activity;
import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.PunchCard;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a CV shows for one user, computed once: the one type that the JSON export, the JSON API, the CV page and
 * the SVG card render, each in its own way ({@link CvJson} for the first two). Numbers only: no paths, no messages.
 *
 * @param person       whose CV it is
 * @param generatedAt  when it was computed; the end of the key-metric windows and streaks
 * @param totals       the headline totals (commits, lines per language, buckets set apart, types, detections)
 * @param activity     active days and streaks, in the author's own local days
 * @param seriesLength the length of each period of {@code series}: {@code day}, {@code week} or {@code month}
 * @param series       commits and lines per period, ascending, periods without commits left out
 * @param repositories the counted repositories, in the order they were registered
 * @param punchCard    commits per weekday and hour, in each commit's own local time
 * @param keyMetrics   totals and the last 52, 13 and 1 weeks against the ones before
 */
public record CvDocument(Person person, Instant generatedAt, Totals totals, Activity activity, String seriesLength,
        List<Period> series, List<CvRepository> repositories, PunchCard punchCard, List<KeyMetric> keyMetrics) {

    public CvDocument {
        series = List.copyOf(series);
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
     * @param name      its name
     * @param owner     the owner or group it belongs to, or null
     * @param provider  how it is reached ({@code local}, {@code git}, later a hosting provider)
     * @param commits   the owner's commits counted in it (each commit once across forks and mirrors)
     * @param additions lines added in them, as counted on the CV
     * @param deletions lines deleted in them
     */
    public record CvRepository(String name, @Nullable String owner, String provider, long commits, long additions,
            long deletions) {
    }
}
