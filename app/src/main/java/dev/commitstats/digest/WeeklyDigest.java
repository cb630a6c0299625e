package dev.commitstats.digest;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One user's ISO week in numbers against the 13 weeks before, with the sentences that say it: what the page, the
 * e-mail, the JSON API and {@code commitstats digest} show. Numbers only, and repositories masked as on the public CV
 * (a private repository is named only when its owner chose to name it). Immutable.
 *
 * @param login          whose week it is
 * @param displayName    their name, or null to use the login
 * @param timeZone       the time zone of their days
 * @param week           the week
 * @param complete       whether the week is over in their time zone (a week in progress says "so far")
 * @param commits        commits in the week
 * @param activeDays     days of the week with commits
 * @param additions      lines written in the week (honest additions)
 * @param deletions      lines deleted
 * @param weeksCompared  how many of the 13 weeks before count for the averages: all 13, or those since the user's
 *                       first commit; 0 when the week is the first with commits on record
 * @param averageCommits commits per week over the weeks compared (0 when none)
 * @param averageAdditions lines written per week over the weeks compared
 * @param languages      lines per language in the week, most written first
 * @param types          commits per commit type in the week, most first
 * @param newLanguages   languages written for the first time ever in this week, most lines first
 * @param firstUses      tools and packages used for the first time ever in this week
 * @param currentStreak  consecutive commit days ending on the week's last day (or today while it runs)
 * @param longestStreak  the longest streak ever, as of the week's end
 * @param personalBests  records this week set
 * @param repositories   the repositories worked on, most commits first, masked as on the public CV
 * @param days           commits per day, Monday first (7 values)
 * @param weeks          the 13 weeks before and this one, oldest first (14 values), for the sparklines
 * @param sentences      the digest in short sentences
 */
public record WeeklyDigest(String login, @Nullable String displayName, ZoneId timeZone, IsoWeek week, boolean complete,
        long commits, long activeDays, long additions, long deletions, int weeksCompared, double averageCommits,
        double averageAdditions, List<LanguageLines> languages, List<TypeCount> types, List<String> newLanguages,
        List<FirstUse> firstUses, long currentStreak, long longestStreak, List<PersonalBest> personalBests,
        List<RepositoryWorkedOn> repositories, List<Long> days, List<WeekFigure> weeks, List<String> sentences) {

    public WeeklyDigest {
        languages = List.copyOf(languages);
        types = List.copyOf(types);
        newLanguages = List.copyOf(newLanguages);
        firstUses = List.copyOf(firstUses);
        personalBests = List.copyOf(personalBests);
        repositories = List.copyOf(repositories);
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
        sentences = List.copyOf(sentences);
    }

    /** The name to greet the user with. */
    public String name() {
        return displayName == null || displayName.isBlank() ? login : displayName;
    }

    /**
     * Lines of one language in the week.
     *
     * @param averageAdditions lines written in it per week over the weeks compared
     */
    public record LanguageLines(String language, long additions, long deletions, double averageAdditions) {
    }

    /**
     * Commits of one type in the week.
     *
     * @param type  the Conventional Commits type ({@code feat}, {@code fix}, ...)
     * @param label how the digest says it ("features", "fixes", ...)
     */
    public record TypeCount(String type, String label, long commits) {
    }

    /**
     * A tool or package used for the first time.
     *
     * @param kind      {@code dockerfile}, {@code helm_chart}, {@code terraform_module}, {@code ci_pipeline} or
     *                  {@code package}
     * @param ecosystem a package's ecosystem ({@code maven}, {@code npm}, ...); null for a tool
     * @param name      a package's name; null for a tool
     * @param label     how the digest says it
     */
    public record FirstUse(String kind, @Nullable String ecosystem, @Nullable String name, String label) {
    }

    /**
     * A record set in the week.
     *
     * @param metric       {@code weekly_commits}, {@code weekly_additions} or {@code longest_streak}
     * @param value        the new best
     * @param previousBest the best before this week
     */
    public record PersonalBest(String metric, long value, long previousBest) {
    }

    /**
     * A repository worked on in the week.
     *
     * @param name      {@code owner/name}, or {@link dev.commitstats.cv.CvDocument#MASKED_NAME} when masked
     * @param masked    whether its name is hidden (a private repository its owner did not name)
     * @param languages the languages written in it in the week, most first (at most three)
     */
    public record RepositoryWorkedOn(String name, boolean masked, List<String> languages, long commits,
            long additions) {
        public RepositoryWorkedOn {
            languages = List.copyOf(languages);
        }
    }

    /** Commits and lines written in one week. */
    public record WeekFigure(IsoWeek week, long commits, long additions) {
    }
}
