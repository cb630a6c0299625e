package dev.commitstats.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    private final JdbcClient jdbc;
    private final RepositoryRegistry registry;

    public OutlierReview(DataSource dataSource, RepositoryRegistry registry) {
        this.jdbc = JdbcClient.create(dataSource);
        this.registry = registry;
    }

    /** The user's outlier files in their active repositories, largest first, each file of a commit once. */
    public List<Outlier> outliers(long userId) {
        List<Long> repos = registry.activeRepositoryIds(userId);
        List<String> emails = registry.identities(userId);
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
     * Records the owner's decision on one file; included lines count in the file's language from the next aggregate
     * on, and stay included when collection writes the commit again.
     *
     * @throws IllegalArgumentException when none of the user's repositories has this outlier
     */
    public void decide(long userId, String sha, String path, boolean included) {
        List<Long> repos = registry.repositories(userId).stream().map(Repository::id).collect(Collectors.toList());
        int n = repos.isEmpty() ? 0 : jdbc.sql(DECIDE).param("included", included).param("repos", repos)
                .param("sha", sha).param("path", path).update();
        if (n == 0) {
            throw new IllegalArgumentException("no outlier " + path + " in commit " + sha + " for user " + userId);
        }
    }
}
