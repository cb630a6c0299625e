package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.RepositoryProfiles;
import dev.commitstats.stats.RepositoryShare;
import dev.commitstats.stats.Selection;
import dev.commitstats.stats.StatsQueries;
import dev.commitstats.stats.UserStats;
import dev.commitstats.stats.export.PeriodTable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Builds a user's {@link CvDocument} from their collected numbers. Thread-safe. */
public final class CvDocuments {

    /** The period lengths a CV's series can have. */
    public static final List<String> SERIES_LENGTHS = List.of("day", "week", "month");

    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final StatsQueries queries;
    private final RepositoryProfiles profiles;
    private final CvPreferences preferences;
    private final Clock clock;

    public CvDocuments(UserAccounts accounts, RepositoryRegistry registry, StatsQueries queries,
            RepositoryProfiles profiles, CvPreferences preferences, Clock clock) {
        this.accounts = accounts;
        this.registry = registry;
        this.queries = queries;
        this.profiles = profiles;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * The user's CV now, with the series in periods of {@code seriesLength}.
     *
     * @param seriesLength {@code day}, {@code week} or {@code month}
     * @throws dev.commitstats.accounts.UnknownUserException when there is no such user
     * @throws UseCaseException ({@code INVALID}) for another series length
     */
    public CvDocument build(String login, String seriesLength) {
        return build(login, seriesLength, CvDocument.Audience.OWNER);
    }

    /**
     * The user's CV now for {@code audience}: the public one names only public repositories and those the owner chose
     * to name ({@link CvPreferences}), describes the others by their languages and years, and leaves out the punch
     * card when the owner hid it.
     *
     * @param seriesLength {@code day}, {@code week} or {@code month}
     * @throws dev.commitstats.accounts.UnknownUserException when there is no such user
     * @throws UseCaseException ({@code INVALID}) for another series length
     */
    /**
     * Where a repository lives, as a CV may say it: the hosted service for the well-known ones ({@code github},
     * {@code gitlab}, {@code azure-devops}, {@code bitbucket}), else {@code git} or {@code local}. A self-managed
     * server's name is never given: it can name the employer behind a masked repository.
     */
    static String provider(Repository r) {
        if (r.kind() == dev.commitstats.repos.SourceKind.LOCAL) {
            return "local";
        }
        String url = r.cloneUrl().toLowerCase(java.util.Locale.ROOT);
        int start = url.indexOf("://");
        String rest = start < 0 ? url : url.substring(start + 3);
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        host = host.substring(host.lastIndexOf('@') + 1);
        return switch (host) {
            case "github.com" -> "github";
            case "gitlab.com" -> "gitlab";
            case "dev.azure.com", "ssh.dev.azure.com" -> "azure-devops";
            case "bitbucket.org" -> "bitbucket";
            case "codeberg.org" -> "codeberg";
            default -> host.endsWith(".visualstudio.com") ? "azure-devops" : "git";
        };
    }

    public CvDocument build(String login, String seriesLength, CvDocument.Audience audience) {
        return build(login, seriesLength, audience, null);
    }

    /**
     * {@link #build(String, String, CvDocument.Audience)} for one of the user's CVs: the default one (null), or a named
     * one, whose every number counts only its selection ({@link NamedCv#selection()}). The owner's choices of what
     * the public sees ({@link CvPreferences}) apply to all their CVs.
     */
    public CvDocument build(String login, String seriesLength, CvDocument.Audience audience, @Nullable NamedCv cv) {
        if (!SERIES_LENGTHS.contains(seriesLength)) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "unknown period '" + seriesLength + "': use " + String.join(", ", SERIES_LENGTHS));
        }
        User user = accounts.require(login);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Selection selection = cv == null ? Selection.ALL : cv.selection();
        UserStats stats = queries.userStats(user.id(), selection, now);
        List<Period> series = switch (seriesLength) {
            case "day" -> stats.days();
            case "week" -> stats.weeks();
            default -> stats.months();
        };
        Map<Long, Repository> byId = registry.repositories(user.id()).stream()
                .collect(Collectors.toMap(Repository::id, Function.identity()));
        Map<Long, RepositoryProfiles.Profile> profiles = this.profiles.of(user.id(), selection);
        boolean forPublic = audience == CvDocument.Audience.PUBLIC;
        CvPreferences.Preferences chosen = forPublic ? preferences.of(user.id()) : CvPreferences.Preferences.DEFAULTS;
        List<CvDocument.CvRepository> repositories = new ArrayList<>();
        for (RepositoryShare share : stats.repositories()) {
            Repository r = byId.get(share.repositoryId());
            if (r == null) {
                continue; // deleted between the two queries
            }
            boolean masked = forPublic && !chosen.names(r);
            RepositoryProfiles.Profile profile = profiles.get(r.id());
            repositories.add(new CvDocument.CvRepository(masked ? CvDocument.MASKED_NAME : r.name(),
                    masked ? null : r.ownerGroup(), provider(r), masked,
                    profile == null ? List.of() : profile.languages(), profile == null ? null : profile.firstDay(),
                    profile == null ? null : profile.lastDay(), share.commits(), share.additions(),
                    share.deletions(), profile == null ? new TreeMap<>() : profile.years(),
                    r.host().ownerKind() == null ? null
                            : new CvDocument.Hosting(r.isPublic(), r.host().openSource(), r.host().stars())));
        }
        return new CvDocument(
                new CvDocument.Person(user.login(), user.displayName(), user.timeZone(), user.published()), now,
                audience, stats.totals(), stats.activity(), seriesLength, series, stats.days(),
                queries.periodTable(user.id(), selection, PeriodTable.MONTH), repositories,
                chosen.showPunchCard() ? stats.punchCard() : null,
                stats.keyMetrics(), cv == null ? null : cv.named());
    }
}
