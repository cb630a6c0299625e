package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the owner of a CV chose to show on it: the punch card (working hours are personal: shown unless hidden), a
 * place in the instance's ranking (opt-in), and which private repositories the public CV may name (all others are
 * masked, "private repository · Java · 2021–2024"). Owns the {@code cv_preferences} and {@code cv_named_repositories}
 * tables. A change marks the user's snapshot stale in the same transaction, so every page, card and JSON follows it
 * (within the few seconds an instance trusts a snapshot it read). Thread-safe.
 */
public final class CvPreferences {

    /**
     * The owner's choices.
     *
     * @param showPunchCard     whether the public CV shows when the commits happen
     * @param inRanking         whether the user appears on {@code /ranking}
     * @param namedRepositories ids of the user's non-public repositories that the public CV names
     */
    public record Preferences(boolean showPunchCard, boolean inRanking, Set<Long> namedRepositories) {

        public Preferences {
            namedRepositories = Set.copyOf(namedRepositories);
        }

        /** The defaults: punch card shown, not in the ranking, every private repository masked. */
        public static final Preferences DEFAULTS = new Preferences(true, false, Set.of());

        /**
         * Whether whatever the public sees of the user (the public CV, the weekly digest) may name the repository:
         * a public one always, another only when the owner chose to name it. Everything else shows it masked, as
         * {@link CvDocument#MASKED_NAME}.
         */
        public boolean names(Repository repository) {
            return repository.isPublic() || namedRepositories.contains(repository.id());
        }
    }

    /**
     * A change to the preferences; what is null or empty stays as it is.
     *
     * @param showPunchCard show or hide the punch card
     * @param inRanking     join or leave the ranking
     * @param name          repositories whose names the public CV may show
     * @param mask          repositories to mask again
     */
    public record Change(@Nullable Boolean showPunchCard, @Nullable Boolean inRanking, List<Long> name,
            List<Long> mask) {

        public Change {
            name = List.copyOf(name);
            mask = List.copyOf(mask);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserAccounts accounts;
    private final RepositoryRegistry registry;

    public CvPreferences(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.accounts = accounts;
        this.registry = registry;
    }

    /** The user's preferences (the defaults until they change one). */
    public Preferences of(long userId) {
        Preferences p = jdbc.sql("SELECT show_punch_card, in_ranking FROM cv_preferences WHERE user_id = :u")
                .param("u", userId)
                .query((rs, i) -> new Preferences(rs.getBoolean(1), rs.getBoolean(2), Set.of()))
                .optional().orElse(Preferences.DEFAULTS);
        Set<Long> named = new LinkedHashSet<>(jdbc.sql(
                        "SELECT repository_id FROM cv_named_repositories WHERE user_id = :u ORDER BY repository_id")
                .param("u", userId).query(Long.class).list());
        return new Preferences(p.showPunchCard(), p.inRanking(), named);
    }

    /** The preferences of the user with this login. */
    public Preferences of(String login) {
        return of(accounts.require(login).id());
    }

    /**
     * Applies a change, all or nothing, and makes the user's CV follow it.
     *
     * @throws UseCaseException ({@code INVALID}) when a repository is not the user's, is named and masked at once,
     *                          or is public (a public repository is always named)
     */
    public Preferences change(String login, Change change) {
        User user = accounts.require(login);
        for (long id : change.name()) {
            Repository r = ownRepository(user, id);
            if (r.isPublic()) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, "repository " + id + " (" + r.name()
                        + ") is public: its name is always shown");
            }
            if (change.mask().contains(id)) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, "repository " + id
                        + " cannot be named and masked at once");
            }
        }
        for (long id : change.mask()) {
            ownRepository(user, id);
        }
        transactions.executeWithoutResult(status -> {
            Preferences now = of(user.id());
            jdbc.sql("""
                            INSERT INTO cv_preferences (user_id, show_punch_card, in_ranking) VALUES (:u, :p, :r)
                            ON CONFLICT (user_id) DO UPDATE SET show_punch_card = excluded.show_punch_card,
                                in_ranking = excluded.in_ranking""")
                    .param("u", user.id())
                    .param("p", change.showPunchCard() != null ? change.showPunchCard() : now.showPunchCard())
                    .param("r", change.inRanking() != null ? change.inRanking() : now.inRanking())
                    .update();
            for (long id : change.name()) {
                jdbc.sql("""
                                INSERT INTO cv_named_repositories (repository_id, user_id) VALUES (:r, :u)
                                ON CONFLICT (repository_id) DO NOTHING""")
                        .param("r", id).param("u", user.id()).update();
            }
            for (long id : change.mask()) {
                jdbc.sql("DELETE FROM cv_named_repositories WHERE repository_id = :r").param("r", id).update();
            }
            jdbc.sql("UPDATE cv_snapshots SET stale = TRUE WHERE user_id = :u").param("u", user.id()).update();
        });
        return of(user.id());
    }

    /** The ids of the users who published their CV and joined the ranking. */
    List<Long> rankedUsers() {
        return jdbc.sql("SELECT user_id FROM cv_preferences WHERE in_ranking = TRUE ORDER BY user_id")
                .query(Long.class).list();
    }

    private Repository ownRepository(User user, long id) {
        return registry.repository(id).filter(r -> r.userId() == user.id())
                .orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND, "user '" + user.login()
                        + "' has no repository " + id));
    }
}
