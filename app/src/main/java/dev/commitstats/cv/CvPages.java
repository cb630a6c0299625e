package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's CV pages, as the original's "CV Pages" table has them: the default CV ({@code /cv/{login}}, everything,
 * published with the account) and named ones ({@code /cv/{login}/{name}}), each counting its own selection of
 * repositories, identities and days ({@link NamedCv}). Use cases for the owner only: create, change (selection, title,
 * name, published), remove, list with each snapshot's status, and "Refresh CVs" (rebuild them all now). Each returns a
 * record and prints nothing; bad input is a {@link UseCaseException}. A change marks that CV's snapshot stale in the
 * same transaction, so its page, card and JSON follow at the next read. Thread-safe.
 */
public final class CvPages {

    /** A CV's name: a lowercase slug, the last part of its address. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /**
     * Names that are, or may become, the default CV's sub-routes ({@code card.svg}, {@code year/{yyyy}},
     * {@code resume.json}) or the owner's pages.
     */
    public static final Set<String> RESERVED = Set.of("card", "card.svg", "year", "resume", "resume.json", "default",
            "settings", "preview", "edit", "new");

    private static final int TITLE_LENGTH = 80;

    /** Where a CV's snapshot stands. */
    public enum Status {
        /** built, and its numbers are current */
        FRESH,
        /** never built, or its numbers changed or aged since: the next read or refresh rebuilds it */
        STALE,
        /** a rebuild is under way */
        BUILDING,
        /** the last rebuild failed: {@link CvStatus#message()} says why */
        ERROR
    }

    /**
     * One row of the "CV Pages" table.
     *
     * @param name      the CV's name, or null for the default CV
     * @param title     its title, or null
     * @param path      its address, {@code /cv/{login}} or {@code /cv/{login}/{name}}
     * @param published whether anyone may see it
     * @param status    its snapshot's state
     * @param builtAt   when its snapshot was last built, or null when never
     * @param message   the refresh message: why the last rebuild failed, or what the status means
     * @param cv        the named CV, or null for the default one
     */
    public record CvStatus(@Nullable String name, @Nullable String title, String path, boolean published,
            Status status, @Nullable Instant builtAt, String message, @Nullable NamedCv cv) {
    }

    /**
     * A new named CV.
     *
     * @param title        what its page calls it, or null for the name
     * @param repositories the repositories it counts (IDs of the owner's); empty for every active one
     * @param hidden       repositories it leaves out
     * @param emails       the owner's identities it counts; empty for all
     * @param from         the first day counted, or null
     * @param to           the last day counted, or null
     * @param published    whether anyone may see it
     */
    public record Definition(@Nullable String title, List<Long> repositories, List<Long> hidden, List<String> emails,
            @Nullable LocalDate from, @Nullable LocalDate to, boolean published) {

        public Definition {
            repositories = List.copyOf(repositories);
            hidden = List.copyOf(hidden);
            emails = List.copyOf(emails);
        }

        /** Every active repository, every identity, all time, not published. */
        public static Definition everything() {
            return new Definition(null, List.of(), List.of(), List.of(), null, null, false);
        }
    }

    /**
     * A day bound to set: {@code new Bound(null)} makes it open.
     *
     * @param day the day, or null for no bound
     */
    public record Bound(@Nullable LocalDate day) {

        /**
         * A day bound as a page or the API gives it: {@code YYYY-MM-DD}, or blank for no bound.
         *
         * @param what which bound, for the message ({@code from}, {@code to})
         * @throws UseCaseException ({@code INVALID}) for anything else
         */
        public static Bound parse(String day, String what) {
            return new Bound(day.isBlank() ? null : CvPages.day(day, what));
        }
    }

    /**
     * A day as a page or the API gives it ({@code YYYY-MM-DD}).
     *
     * @throws UseCaseException ({@code INVALID}) naming the field for anything else
     */
    public static LocalDate day(String day, String what) {
        try {
            return LocalDate.parse(day.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "'" + what + "' is not a day (YYYY-MM-DD): "
                    + day);
        }
    }

    /**
     * A change to a named CV; what is null stays as it is. A list replaces the one before (empty: every repository,
     * none hidden, every identity).
     */
    public record Change(@Nullable String rename, @Nullable String title, @Nullable List<Long> repositories,
            @Nullable List<Long> hidden, @Nullable List<String> emails, @Nullable Bound from, @Nullable Bound to,
            @Nullable Boolean published) {

        /** No change. */
        public static Change none() {
            return new Change(null, null, null, null, null, null, null, null);
        }

        public Change withPublished(boolean p) {
            return new Change(rename, title, repositories, hidden, emails, from, to, p);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NamedCvStore store;
    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final CvSnapshots snapshots;
    private final Clock clock;

    public CvPages(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry, CvSnapshots snapshots,
            Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.store = new NamedCvStore(dataSource);
        this.accounts = accounts;
        this.registry = registry;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Whether a CV may have this name (it may still be taken). */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** The named CV of the user, or empty. */
    public Optional<NamedCv> find(String login, String name) {
        return accounts.find(login).flatMap(u -> store.find(u.id(), name));
    }

    /**
     * The user's CV pages: the default one first, then the named ones by name, each with its snapshot's status.
     *
     * @throws dev.commitstats.accounts.UnknownUserException when there is no such user
     */
    public List<CvStatus> list(String login) {
        User user = accounts.require(login);
        Map<Long, CvSnapshots.State> states = snapshots.states(user.id());
        List<CvStatus> out = new ArrayList<>();
        out.add(status(user, null, states.get(CvSnapshots.DEFAULT_CV)));
        for (NamedCv cv : store.of(user.id())) {
            out.add(status(user, cv, states.get(cv.id())));
        }
        return out;
    }

    /** One of the user's CV pages with its status: {@code name} null for the default one. */
    public CvStatus status(String login, @Nullable String name) {
        User user = accounts.require(login);
        NamedCv cv = name == null ? null : require(user, name);
        return status(user, cv, snapshots.states(user.id()).get(cv == null ? CvSnapshots.DEFAULT_CV : cv.id()));
    }

    private static CvStatus status(User user, @Nullable NamedCv cv, CvSnapshots.@Nullable State state) {
        Status status;
        String message;
        if (state != null && state.building()) {
            status = Status.BUILDING;
            message = "rebuilding now";
        } else if (state != null && state.error() != null) {
            status = Status.ERROR;
            message = state.error();
        } else if (state == null || !state.built()) {
            status = Status.STALE;
            message = "not built yet: built at its first view or refresh";
        } else if (state.stale()) {
            status = Status.STALE;
            message = "numbers changed or aged: rebuilt at its next view or refresh";
        } else {
            status = Status.FRESH;
            message = "up to date";
        }
        return new CvStatus(cv == null ? null : cv.name(), cv == null ? null : cv.title(),
                "/cv/" + user.login() + (cv == null ? "" : "/" + cv.name()),
                cv == null ? user.published() : cv.published(), status, state == null ? null : state.builtAt(),
                message, cv);
    }

    /**
     * Creates a named CV.
     *
     * @throws UseCaseException ({@code INVALID}) for a malformed or reserved name, a repository both listed and
     *                          hidden, an email that is not the user's, a period that ends before it starts or a title
     *                          too long; ({@code NOT_FOUND}) for a repository that is not the user's; ({@code CONFLICT})
     *                          when the user has a CV of that name
     */
    public NamedCv create(String login, String name, Definition definition) {
        User user = accounts.require(login);
        String checkedName = checkName(name);
        check(user, definition.title(), definition.repositories(), definition.hidden(), definition.emails(),
                definition.from(), definition.to());
        if (store.find(user.id(), checkedName).isPresent()) {
            throw new UseCaseException(UseCaseException.Kind.CONFLICT,
                    "user '" + user.login() + "' already has a CV named '" + checkedName + "'");
        }
        Instant now = clock.instant();
        long id = transactions.execute(status -> {
            long made = store.insert(user.id(), checkedName, title(definition.title()), definition.from(),
                    definition.to(), definition.published(), now);
            store.select(made, definition.repositories(), definition.hidden(), emails(definition.emails()));
            return made;
        });
        return store.find(id).orElseThrow();
    }

    /**
     * Changes a named CV: its selection, title, name or whether it is published. Its snapshot is marked stale in the
     * same transaction (a new name changes its links).
     *
     * @throws UseCaseException as {@link #create}, and ({@code NOT_FOUND}) when the user has no CV of that name
     */
    public NamedCv change(String login, String name, Change change) {
        User user = accounts.require(login);
        NamedCv cv = require(user, name);
        String newName = change.rename() == null ? cv.name() : checkName(change.rename());
        if (!newName.equals(cv.name()) && store.find(user.id(), newName).isPresent()) {
            throw new UseCaseException(UseCaseException.Kind.CONFLICT,
                    "user '" + user.login() + "' already has a CV named '" + newName + "'");
        }
        String title = change.title() == null ? cv.title() : title(change.title());
        List<Long> repositories = change.repositories() == null ? cv.repositories() : change.repositories();
        List<Long> hidden = change.hidden() == null ? cv.hidden() : change.hidden();
        List<String> emails = change.emails() == null ? cv.emails() : change.emails();
        LocalDate from = change.from() == null ? cv.from() : change.from().day();
        LocalDate to = change.to() == null ? cv.to() : change.to().day();
        boolean published = change.published() == null ? cv.published() : change.published();
        check(user, title, repositories, hidden, emails, from, to);
        transactions.executeWithoutResult(status -> {
            store.update(cv.id(), newName, title, from, to, published, clock.instant());
            store.select(cv.id(), repositories, hidden, emails(emails));
            jdbc.sql("UPDATE cv_snapshots SET stale = TRUE WHERE user_id = :u AND cv_id = :c")
                    .param("u", user.id()).param("c", cv.id()).update();
        });
        snapshots.forget(user.id(), cv.id());
        return store.find(cv.id()).orElseThrow();
    }

    /**
     * Removes a named CV and its snapshot.
     *
     * @return the CV as it was
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no CV of that name
     */
    public NamedCv remove(String login, String name) {
        User user = accounts.require(login);
        NamedCv cv = require(user, name);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM cv_snapshots WHERE user_id = :u AND cv_id = :c")
                    .param("u", user.id()).param("c", cv.id()).update();
            store.delete(cv.id());
        });
        snapshots.forget(user.id(), cv.id());
        return cv;
    }

    /**
     * "Refresh CVs": rebuilds every CV of the user now, the default one and each named one, published or not. One
     * that fails to build keeps its last document and reports the error in its status; the others are still built.
     *
     * @return the CV pages after the refresh, as {@link #list}
     */
    public List<CvStatus> refresh(String login) {
        User user = accounts.require(login);
        List<Long> cvs = new ArrayList<>();
        cvs.add(CvSnapshots.DEFAULT_CV);
        store.of(user.id()).forEach(cv -> cvs.add(cv.id()));
        for (long cvId : cvs) {
            try {
                snapshots.rebuild(user.id(), cvId);
            } catch (RuntimeException e) {
                // recorded in the snapshot's status by the rebuild; the next CV is still built
            }
        }
        return list(login);
    }

    private NamedCv require(User user, String name) {
        return store.find(user.id(), name).orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND,
                "user '" + user.login() + "' has no CV named '" + name + "'"));
    }

    private static String checkName(String name) {
        if (RESERVED.contains(name)) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "'" + name + "' cannot name a CV: it is "
                    + "reserved for the CV's own pages (" + String.join(", ", RESERVED.stream().sorted().toList())
                    + ")");
        }
        if (!NAME.matcher(name).matches()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "'" + name + "' cannot name a CV: use 1 to 40 "
                    + "lowercase letters, digits and hyphens, starting with a letter or digit (e.g. 'backend')");
        }
        return name;
    }

    private void check(User user, @Nullable String title, List<Long> repositories, List<Long> hidden,
            List<String> emails, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (title != null && (title.strip().length() > TITLE_LENGTH || title.chars().anyMatch(Character::isISOControl))) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "a CV's title is one line of at most "
                    + TITLE_LENGTH + " characters");
        }
        for (long id : repositories) {
            ownRepository(user, id);
            if (hidden.contains(id)) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, "repository " + id
                        + " cannot be both counted and hidden");
            }
        }
        for (long id : hidden) {
            ownRepository(user, id);
        }
        Set<String> identities = new LinkedHashSet<>(accounts.identities(user.id()));
        for (String email : emails) {
            if (!identities.contains(UserAccounts.normalizeEmail(email))) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, "'" + email + "' is not one of user '"
                        + user.login() + "''s emails (" + String.join(", ", identities) + ")");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "the period starts on " + from
                    + ", after its end on " + to);
        }
    }

    private Repository ownRepository(User user, long id) {
        return registry.repository(id).filter(r -> r.userId() == user.id())
                .orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND, "user '" + user.login()
                        + "' has no repository " + id));
    }

    private static @Nullable String title(@Nullable String title) {
        return title == null || title.isBlank() ? null : title.strip();
    }

    private static List<String> emails(List<String> emails) {
        return new ArrayList<>(new LinkedHashSet<>(emails.stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).toList()));
    }
}
