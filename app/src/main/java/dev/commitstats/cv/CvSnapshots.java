package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.collection.RepositoryCollected;
import dev.commitstats.collection.RepositoryRemoved;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.LineCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public CV of each user, computed once and served many times. A snapshot is built when its user's numbers
 * changed ({@link RepositoryCollected} with new, removed or recounted commits marks it stale; the server rebuilds it
 * right away), when none exists yet, or when it is older than the snapshot age (key metrics and streaks move with the
 * calendar). Stored in the database, so every instance serves the same one; each instance keeps the parsed document
 * for a few seconds. Owns the {@code cv_snapshots} table. Thread-safe.
 */
public final class CvSnapshots {

    private static final Logger log = LoggerFactory.getLogger(CvSnapshots.class);

    /** The series length of a public CV's {@link CvDocument#series()}. */
    public static final String SERIES = "week";

    /** How long an instance trusts the document it parsed before it looks at the database again. */
    private static final Duration LOCAL = Duration.ofSeconds(5);

    /** The snapshot id of a user's default CV; a named CV's is its {@link NamedCv#id()}. */
    public static final long DEFAULT_CV = 0;

    private static final String UPSERT = """
            INSERT INTO cv_snapshots (user_id, cv_id, document, built_at, stale, building_since, refresh_error,
                commits, additions, active_days, languages)
            VALUES (:u, :c, :d, :t, FALSE, NULL, NULL, :commits, :additions, :days, :languages)
            ON CONFLICT (user_id, cv_id) DO UPDATE SET document = excluded.document, built_at = excluded.built_at,
                stale = FALSE, building_since = NULL, refresh_error = NULL, commits = excluded.commits,
                additions = excluded.additions, active_days = excluded.active_days, languages = excluded.languages""";

    private static final String BUILDING = """
            INSERT INTO cv_snapshots (user_id, cv_id, stale, building_since) VALUES (:u, :c, TRUE, :t)
            ON CONFLICT (user_id, cv_id) DO UPDATE SET building_since = excluded.building_since""";

    /** How long a rebuild may claim to be under way before the status says otherwise (a killed process). */
    private static final Duration BUILDING_AT_MOST = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final NamedCvStore named;
    private final CvDocuments documents;
    private final Clock clock;
    private final Duration maxAge;
    /** Made on first use: a command that only marks snapshots stale never loads Jackson. */
    private volatile @Nullable JsonMapper json;
    private final ConcurrentHashMap<Key, Local> parsed = new ConcurrentHashMap<>();

    /** A snapshot's identity: its user and CV ({@link #DEFAULT_CV} or a named CV's id). */
    private record Key(long userId, long cvId) {
    }

    /** @param generation numbers each document this instance parsed or built, so renderings never mix two */
    private record Local(CvDocument document, long builtAt, long readAtNanos, long generation) {
    }

    private final AtomicLong generations = new AtomicLong();

    /** @param maxAge how old a snapshot may get before a read rebuilds it */
    public CvSnapshots(DataSource dataSource, UserAccounts accounts, CvDocuments documents, Clock clock,
            Duration maxAge) {
        this.jdbc = JdbcClient.create(dataSource);
        this.accounts = accounts;
        this.named = new NamedCvStore(dataSource);
        this.documents = documents;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The public CV of the user with this login, or empty when there is no such user or they have not published
     * their CV: to anyone else, an unpublished CV does not exist.
     */
    public Optional<CvDocument> published(String login) {
        return publishedSnapshot(login).map(Published::document);
    }

    /**
     * The user's published named CV with this name, or empty when there is no such user or CV, or it is not published.
     */
    public Optional<CvDocument> published(String login, String name) {
        return publishedSnapshot(login, name).map(Published::document);
    }

    /**
     * A published CV with the identity of the snapshot it comes from, for what is derived from it and kept (see
     * {@link CvRenderings}).
     *
     * @param document the CV
     * @param userId   its owner
     * @param cvId     {@link #DEFAULT_CV}, or the named CV's id
     * @param builtAt  when its snapshot was built (epoch seconds)
     * @param generation this instance's number for the document: another document, another number (two rebuilds in
     *                   one second share {@code builtAt})
     */
    record Published(CvDocument document, long userId, long cvId, long builtAt, long generation) {

        /** A key naming this document and what is derived from it, e.g. {@code key("json")}. */
        String key(String rendering) {
            return rendering + ":" + snapshot() + ":" + generation;
        }

        /** A validator for HTTP caches: the same while the snapshot is, on every instance. */
        String etag(String rendering) {
            return "\"" + rendering + "-" + snapshot().replace('/', '.') + "-" + builtAt + "\"";
        }

        private String snapshot() {
            return cvId == DEFAULT_CV ? Long.toString(userId) : userId + "/" + cvId;
        }
    }

    /** {@link #published} with the snapshot's identity. */
    Optional<Published> publishedSnapshot(String login) {
        Optional<User> user = accounts.find(login);
        if (user.isEmpty() || !user.get().published()) {
            return Optional.empty();
        }
        return Optional.of(current(user.get(), null));
    }

    /** {@link #published(String, String)} with the snapshot's identity. */
    Optional<Published> publishedSnapshot(String login, String name) {
        if (!CvPages.isName(name)) {
            return Optional.empty();  // not a name any CV can have: no query
        }
        Optional<User> user = accounts.find(login);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<NamedCv> cv = named.find(user.get().id(), name);
        if (cv.isEmpty() || !cv.get().published()) {
            return Optional.empty();
        }
        return Optional.of(current(user.get(), cv.get()));
    }

    private Published current(User user, @Nullable NamedCv cv) {
        Key key = new Key(user.id(), cv == null ? DEFAULT_CV : cv.id());
        Local local = parsed.get(key);
        if (local != null && System.nanoTime() - local.readAtNanos() < LOCAL.toNanos()) {
            return new Published(local.document(), user.id(), key.cvId(), local.builtAt(), local.generation());
        }
        long now = clock.instant().getEpochSecond();
        // the state first: the document (hundreds of KB) is read only when it is not the one this instance holds
        Optional<Fresh> state = jdbc.sql("""
                        SELECT built_at, stale FROM cv_snapshots
                        WHERE user_id = :u AND cv_id = :c AND document IS NOT NULL""")
                .param("u", user.id()).param("c", key.cvId())
                .query((rs, i) -> new Fresh(rs.getLong("built_at"), rs.getBoolean("stale")))
                .optional();
        if (state.isPresent() && !state.get().stale() && now - state.get().builtAt() < maxAge.toSeconds()) {
            long builtAt = state.get().builtAt();
            boolean same = local != null && local.builtAt() == builtAt;
            CvDocument doc = same ? local.document() : readStored(user, key, builtAt);
            if (doc != null) {
                long generation = same ? local.generation() : generations.incrementAndGet();
                parsed.put(key, new Local(doc, builtAt, System.nanoTime(), generation));
                return new Published(doc, user.id(), key.cvId(), builtAt, generation);
            }
        }
        CvDocument rebuilt = rebuild(user, cv);
        Local made = parsed.get(key);
        return new Published(rebuilt, user.id(), key.cvId(), rebuilt.generatedAt().getEpochSecond(),
                made != null && made.document() == rebuilt ? made.generation() : generations.incrementAndGet());
    }

    private record Fresh(long builtAt, boolean stale) {
    }

    /** The stored document if it is still the one built at {@code builtAt}; null otherwise or when unreadable. */
    private @Nullable CvDocument readStored(User user, Key key, long builtAt) {
        return jdbc.sql("""
                        SELECT document FROM cv_snapshots
                        WHERE user_id = :u AND cv_id = :c AND built_at = :t AND document IS NOT NULL""")
                .param("u", user.id()).param("c", key.cvId()).param("t", builtAt).query(String.class).optional()
                .map(d -> read(user, d)).orElse(null);
    }

    /**
     * The stored document, or null when it cannot be read back: one written by an older release whose document had
     * another shape (a new field in the totals, say). It is then rebuilt, as if it were stale.
     */
    private @Nullable CvDocument read(User user, String document) {
        try {
            return json().readValue(document, CvDocument.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.info("the CV snapshot of {} has an older shape and is rebuilt: {}", user.login(), e.getMessage());
            return null;
        }
    }

    private JsonMapper json() {
        JsonMapper mapper = json;
        if (mapper == null) {
            mapper = CvJson.mapper();
            json = mapper;
        }
        return mapper;
    }

    /** Computes the user's public CV and stores it as their snapshot. */
    public CvDocument rebuild(long userId) {
        return rebuild(accounts.requireUser(userId), null);
    }

    /**
     * Computes one of the user's CVs and stores it as its snapshot, published or not (a published one is then served
     * at once; another is ready when it is published).
     *
     * @param cvId {@link #DEFAULT_CV}, or one of the user's named CVs
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no such named CV
     */
    public CvDocument rebuild(long userId, long cvId) {
        User user = accounts.requireUser(userId);
        if (cvId == DEFAULT_CV) {
            return rebuild(user, null);
        }
        NamedCv cv = named.find(cvId).filter(c -> c.userId() == userId)
                .orElseThrow(() -> new dev.commitstats.config.UseCaseException(
                        UseCaseException.Kind.NOT_FOUND,
                        "user '" + user.login() + "' has no CV " + cvId));
        return rebuild(user, cv);
    }

    private CvDocument rebuild(User user, @Nullable NamedCv cv) {
        long started = System.nanoTime();
        long cvId = cv == null ? DEFAULT_CV : cv.id();
        jdbc.sql(BUILDING).param("u", user.id()).param("c", cvId).param("t", clock.instant().getEpochSecond())
                .update();
        CvDocument doc;
        try {
            doc = documents.build(user.login(), SERIES, CvDocument.Audience.PUBLIC, cv);
        } catch (RuntimeException e) {
            // the status says why; the last good document, if any, stays
            jdbc.sql("""
                            UPDATE cv_snapshots SET building_since = NULL, refresh_error = :e
                            WHERE user_id = :u AND cv_id = :c""")
                    .param("u", user.id()).param("c", cvId).param("e", String.valueOf(e.getMessage())).update();
            throw e;
        }
        long builtAt = doc.generatedAt().getEpochSecond();
        jdbc.sql(UPSERT).param("u", user.id()).param("c", cvId).param("d", json().writeValueAsString(doc))
                .param("t", builtAt).param("commits", doc.totals().commits())
                .param("additions", doc.totals().additions()).param("days", doc.activity().activeDays())
                .param("languages", String.join(",", topLanguages(doc))).update();
        parsed.put(new Key(user.id(), cvId), new Local(doc, builtAt, System.nanoTime(), generations.incrementAndGet()));
        log.debug("CV snapshot {} of {} rebuilt in {} ms", cv == null ? "(default)" : cv.name(), user.login(),
                (System.nanoTime() - started) / 1_000_000);
        return doc;
    }

    /** The three languages with the most lines written, most first. */
    static List<String> topLanguages(CvDocument doc) {
        return doc.totals().languages().entrySet().stream()
                .filter(e -> e.getValue().additions() > 0)
                .sorted(Map.Entry.<String, dev.commitstats.core.mining.LineCount>comparingByValue(
                        Comparator.comparingLong(LineCount::additions))
                        .reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    /**
     * Marks stale the snapshots of the user's CVs that count the repository, when a collection changed their
     * numbers, so that the next read rebuilds them (a command-line collection does this; the server then also
     * rebuilds them at once).
     *
     * @return whether the snapshots had to be marked
     */
    public boolean repositoryCollected(RepositoryCollected event) {
        return !cvsToRebuild(event).isEmpty();
    }

    /**
     * {@link #repositoryCollected}, telling which CVs were marked: the default one and the named ones whose selection
     * holds the repository ({@link #DEFAULT_CV} first); none when the numbers did not change.
     */
    List<Long> cvsToRebuild(RepositoryCollected event) {
        if (!event.changedNumbers()) {
            return List.of();
        }
        List<Long> cvs = new ArrayList<>();
        cvs.add(DEFAULT_CV);
        cvs.addAll(named.counting(event.userId(), event.repositoryId()));
        for (long cvId : cvs) {
            parsed.remove(new Key(event.userId(), cvId));
            jdbc.sql("UPDATE cv_snapshots SET stale = TRUE WHERE user_id = :u AND cv_id = :c")
                    .param("u", event.userId()).param("c", cvId).update();
        }
        return cvs;
    }

    /**
     * Marks stale every snapshot of the user when one of their repositories was deleted with its numbers: whichever
     * CV counted it changed.
     *
     * @return the CVs marked, to rebuild
     */
    public List<Long> repositoryRemoved(RepositoryRemoved event) {
        List<Long> cvs = jdbc.sql("SELECT cv_id FROM cv_snapshots WHERE user_id = :u ORDER BY cv_id")
                .param("u", event.userId()).query(Long.class).list();
        for (long cvId : cvs) {
            parsed.remove(new Key(event.userId(), cvId));
        }
        jdbc.sql("UPDATE cv_snapshots SET stale = TRUE WHERE user_id = :u").param("u", event.userId()).update();
        return cvs;
    }

    /** Forgets what this instance parsed of a snapshot (its CV changed or was removed). */
    void forget(long userId, long cvId) {
        parsed.remove(new Key(userId, cvId));
    }

    /**
     * Where a snapshot stands.
     *
     * @param cvId     {@link #DEFAULT_CV} or a named CV's id
     * @param built    whether a document was ever built
     * @param builtAt  when the document was built, or null
     * @param stale    whether the numbers changed since (or it has gone past the snapshot age)
     * @param building whether a rebuild is under way
     * @param error    why the last rebuild failed, or null
     */
    record State(long cvId, boolean built, @Nullable Instant builtAt, boolean stale, boolean building,
            @Nullable String error) {
    }

    /** The states of the user's snapshots, by CV id; a CV never built has none. */
    Map<Long, State> states(long userId) {
        long now = clock.instant().getEpochSecond();
        Map<Long, State> out = new HashMap<>();
        jdbc.sql("""
                        SELECT cv_id, document IS NOT NULL AS built, built_at, stale, building_since, refresh_error
                        FROM cv_snapshots WHERE user_id = :u""")
                .param("u", userId).query(rs -> {
                    boolean built = rs.getBoolean("built");
                    long builtAt = rs.getLong("built_at");
                    long buildingSince = rs.getLong("building_since");
                    boolean building = !rs.wasNull() && now - buildingSince < BUILDING_AT_MOST.toSeconds();
                    out.put(rs.getLong("cv_id"), new State(rs.getLong("cv_id"), built,
                            built ? Instant.ofEpochSecond(builtAt) : null,
                            rs.getBoolean("stale") || now - builtAt >= maxAge.toSeconds(), building,
                            rs.getString("refresh_error")));
                });
        return out;
    }

    /**
     * A snapshot's headline, as {@code /cvs} lists it: read from its columns, never from the document.
     *
     * @param languages the top three languages, most lines first
     */
    record Headline(long userId, long cvId, long commits, long additions, long activeDays, List<String> languages,
            Instant builtAt) {
    }

    /** The headlines of every built snapshot, most commits first. */
    List<Headline> headlines() {
        return jdbc.sql("""
                        SELECT user_id, cv_id, commits, additions, active_days, languages, built_at FROM cv_snapshots
                        WHERE document IS NOT NULL ORDER BY commits DESC, user_id, cv_id""")
                .query((rs, i) -> {
                    String languages = rs.getString("languages");
                    return new Headline(rs.getLong("user_id"), rs.getLong("cv_id"), rs.getLong("commits"),
                            rs.getLong("additions"), rs.getLong("active_days"),
                            languages == null || languages.isEmpty() ? List.of()
                                    : List.of(languages.split(",")),
                            Instant.ofEpochSecond(rs.getLong("built_at")));
                }).list();
    }
}
