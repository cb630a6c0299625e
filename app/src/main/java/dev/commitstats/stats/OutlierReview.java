package dev.commitstats.stats;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's review of their outlier files: single file changes over the bulk threshold, left out of the numbers
 * until the owner says they wrote them. Only the owner may see these paths. Thread-safe.
 */
public final class OutlierReview {

    private static final String LIST = """
            SELECT o.repository_id, o.sha, o.path, o.language, o.additions, o.deletions, o.included
            FROM outlier_files o
            JOIN commit_facts f ON f.repository_id = o.repository_id AND f.sha = o.sha
            WHERE o.repository_id IN (:repos) AND f.author_email IN (:emails)
            ORDER BY o.additions + o.deletions DESC, o.sha, o.path, o.repository_id""";

    /** Every copy of the commit (forks, mirrors) gets the decision, so it holds whichever copy is counted. */
    private static final String DECIDE = """
            UPDATE outlier_files SET included = :included
            WHERE repository_id IN (:repos) AND sha = :sha AND path = :path""";

    /**
     * A user's outlier files with the IDs they are named by.
     *
     * @param user  their owner
     * @param files largest first
     * @param ids   each file's ID ({@code COMMIT:PATH}) and abbreviated commit
     */
    public record Listing(User user, List<Outlier> files, OutlierIds ids) {
    }

    /**
     * One decision of a {@link Decisions} call.
     *
     * @param file     the file as it was before the call
     * @param id       its ID
     * @param included the decision
     */
    public record Decision(Outlier file, String id, boolean included) {
        /** Whether the decision changed anything. */
        public boolean changed() {
            return file.included() != included;
        }
    }

    /**
     * What a set of decisions did.
     *
     * @param user      the owner
     * @param decisions one per named file, includes first, in the order given
     * @param before    the owner's totals before
     * @param after     and after
     */
    public record Decisions(User user, List<Decision> decisions, Totals before, Totals after) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final StatsQueries queries;

    public OutlierReview(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry,
            StatsQueries queries) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.accounts = accounts;
        this.registry = registry;
        this.queries = queries;
    }

    /**
     * The user's outlier files in their active repositories, largest first, each file of a commit once.
     *
     * @throws dev.commitstats.accounts.UnknownUserException when there is no such user
     */
    public Listing list(String login) {
        User user = accounts.require(login);
        List<Outlier> files = outliers(user.id());
        return new Listing(user, files, new OutlierIds(files));
    }

    /** The user's outlier files in their active repositories, largest first, each file of a commit once. */
    public List<Outlier> outliers(long userId) {
        List<Long> repos = registry.activeRepositoryIds(userId);
        List<String> emails = accounts.identities(userId);
        if (repos.isEmpty() || emails.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = registry.repositories(userId).stream()
                .collect(Collectors.toMap(Repository::id, Repository::name, (a, b) -> a));
        Set<String> seen = new HashSet<>();
        List<Outlier> out = new ArrayList<>();
        jdbc.sql(LIST).param("repos", repos).param("emails", emails).query(rs -> {
            String sha = rs.getString("sha");
            String path = rs.getString("path");
            // ordered by repository id within a file, so the first copy seen is the counted one
            if (seen.add(sha + '\n' + path)) {
                long repo = rs.getLong("repository_id");
                out.add(new Outlier(repo, names.get(repo), sha, path, rs.getString("language"), rs.getLong("additions"),
                        rs.getLong("deletions"), rs.getBoolean("included")));
            }
        });
        return out;
    }

    /**
     * Includes and excludes outlier files, named by their IDs, all or nothing: every ID is checked first, and the
     * decisions are stored in one transaction. Included lines count in the file's language from then on, and stay
     * included when collection writes the commit again. Deciding again what is already decided also sets it on the
     * copies of the commit in forks and mirrors, so it holds whichever copy counts later.
     *
     * @param include IDs ({@code COMMIT:PATH}, any unambiguous sha prefix of at least 4 hex digits) to count
     * @param exclude IDs to set apart as bulk again (the default)
     * @throws dev.commitstats.accounts.UnknownUserException when there is no such user
     * @throws UseCaseException when an ID is malformed, unknown or ambiguous, or given to both lists; nothing changed
     */
    public Decisions decide(String login, List<String> include, List<String> exclude) {
        Listing listing = list(login);
        Map<String, Outlier> includes = resolve(include, listing.ids(), login);
        Map<String, Outlier> excludes = resolve(exclude, listing.ids(), login);
        for (String key : includes.keySet()) {
            if (excludes.containsKey(key)) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, "outlier file "
                        + listing.ids().id(includes.get(key))
                        + " is both to include and to exclude; nothing changed");
            }
        }
        List<Decision> decisions = new ArrayList<>();
        includes.values().forEach(o -> decisions.add(new Decision(o, listing.ids().id(o), true)));
        excludes.values().forEach(o -> decisions.add(new Decision(o, listing.ids().id(o), false)));

        long userId = listing.user().id();
        Totals before = queries.totals(userId);
        List<Long> repos = registry.repositories(userId).stream().map(Repository::id).toList();
        transactions.executeWithoutResult(tx -> {
            for (Decision d : decisions) {
                int n = jdbc.sql(DECIDE).param("included", d.included()).param("repos", repos)
                        .param("sha", d.file().sha()).param("path", d.file().path()).update();
                if (n == 0) {
                    // the commit went away between the check and the change (a force-push seen by a collection)
                    throw new UseCaseException(UseCaseException.Kind.CONFLICT, "outlier file " + d.id()
                            + " is no longer in the repositories of " + login + "; nothing changed");
                }
            }
        });
        return new Decisions(listing.user(), List.copyOf(decisions), before, queries.totals(userId));
    }

    /**
     * Records one decision on a file given by commit and path, outside of any check of IDs (tests build facts with
     * made-up shas).
     *
     * @throws IllegalArgumentException when none of the user's repositories has this outlier
     */
    void decide(long userId, String sha, String path, boolean included) {
        List<Long> repos = registry.repositories(userId).stream().map(Repository::id).toList();
        int n = repos.isEmpty() ? 0 : jdbc.sql(DECIDE).param("included", included).param("repos", repos)
                .param("sha", sha).param("path", path).update();
        if (n == 0) {
            throw new IllegalArgumentException("no outlier " + path + " in commit " + sha + " for user " + userId);
        }
    }

    /** The outliers the IDs name, once each, keyed by commit and path; throws on the first bad ID. */
    private static Map<String, Outlier> resolve(List<String> given, OutlierIds ids, String login) {
        Map<String, Outlier> resolved = new LinkedHashMap<>();
        for (String id : given) {
            Outlier o = ids.resolve(id, login);
            resolved.putIfAbsent(o.sha() + '\n' + o.path(), o);
        }
        return resolved;
    }
}
