package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.collection.RepositoryCollected;
import java.time.Clock;
import java.time.Duration;
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

    private static final String UPSERT = """
            INSERT INTO cv_snapshots (user_id, document, built_at, stale) VALUES (:u, :d, :t, FALSE)
            ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, built_at = excluded.built_at,
                stale = FALSE""";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final CvDocuments documents;
    private final Clock clock;
    private final Duration maxAge;
    /** Made on first use: a command that only marks snapshots stale never loads Jackson. */
    private volatile @Nullable JsonMapper json;
    private final ConcurrentHashMap<Long, Local> parsed = new ConcurrentHashMap<>();

    /** @param generation numbers each document this instance parsed or built, so renderings never mix two */
    private record Local(CvDocument document, long builtAt, long readAtNanos, long generation) {
    }

    private final AtomicLong generations = new AtomicLong();

    /** @param maxAge how old a snapshot may get before a read rebuilds it */
    public CvSnapshots(DataSource dataSource, UserAccounts accounts, CvDocuments documents, Clock clock,
            Duration maxAge) {
        this.jdbc = JdbcClient.create(dataSource);
        this.accounts = accounts;
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
     * A published CV with the identity of the snapshot it comes from, for what is derived from it and kept (see
     * {@link CvRenderings}).
     *
     * @param document the CV
     * @param userId   its owner
     * @param builtAt  when its snapshot was built (epoch seconds)
     * @param generation this instance's number for the document: another document, another number (two rebuilds in
     *                   one second share {@code builtAt})
     */
    record Published(CvDocument document, long userId, long builtAt, long generation) {

        /** A key naming this document and what is derived from it, e.g. {@code key("json")}. */
        String key(String rendering) {
            return rendering + ":" + userId + ":" + generation;
        }

        /** A validator for HTTP caches: the same while the snapshot is, on every instance. */
        String etag(String rendering) {
            return "\"" + rendering + "-" + userId + "-" + builtAt + "\"";
        }
    }

    /** {@link #published} with the snapshot's identity. */
    Optional<Published> publishedSnapshot(String login) {
        Optional<User> user = accounts.find(login);
        if (user.isEmpty() || !user.get().published()) {
            return Optional.empty();
        }
        return Optional.of(current(user.get()));
    }

    private Published current(User user) {
        Local local = parsed.get(user.id());
        if (local != null && System.nanoTime() - local.readAtNanos() < LOCAL.toNanos()) {
            return new Published(local.document(), user.id(), local.builtAt(), local.generation());
        }
        long now = clock.instant().getEpochSecond();
        // the state first: the document (hundreds of KB) is read only when it is not the one this instance holds
        Optional<State> state = jdbc.sql("SELECT built_at, stale FROM cv_snapshots WHERE user_id = :u")
                .param("u", user.id())
                .query((rs, i) -> new State(rs.getLong("built_at"), rs.getBoolean("stale")))
                .optional();
        if (state.isPresent() && !state.get().stale() && now - state.get().builtAt() < maxAge.toSeconds()) {
            long builtAt = state.get().builtAt();
            boolean same = local != null && local.builtAt() == builtAt;
            CvDocument doc = same ? local.document() : readStored(user, builtAt);
            if (doc != null) {
                long generation = same ? local.generation() : generations.incrementAndGet();
                parsed.put(user.id(), new Local(doc, builtAt, System.nanoTime(), generation));
                return new Published(doc, user.id(), builtAt, generation);
            }
        }
        CvDocument rebuilt = rebuild(user);
        Local made = parsed.get(user.id());
        return new Published(rebuilt, user.id(), rebuilt.generatedAt().getEpochSecond(),
                made != null && made.document() == rebuilt ? made.generation() : generations.incrementAndGet());
    }

    private record State(long builtAt, boolean stale) {
    }

    /** The stored document if it is still the one built at {@code builtAt}; null otherwise or when unreadable. */
    private @Nullable CvDocument readStored(User user, long builtAt) {
        return jdbc.sql("SELECT document FROM cv_snapshots WHERE user_id = :u AND built_at = :t")
                .param("u", user.id()).param("t", builtAt).query(String.class).optional()
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
        return rebuild(accounts.requireUser(userId));
    }

    private CvDocument rebuild(User user) {
        long started = System.nanoTime();
        CvDocument doc = documents.build(user.login(), SERIES, CvDocument.Audience.PUBLIC);
        long builtAt = doc.generatedAt().getEpochSecond();
        jdbc.sql(UPSERT).param("u", user.id()).param("d", json().writeValueAsString(doc)).param("t", builtAt).update();
        parsed.put(user.id(), new Local(doc, builtAt, System.nanoTime(), generations.incrementAndGet()));
        log.debug("CV snapshot of {} rebuilt in {} ms", user.login(), (System.nanoTime() - started) / 1_000_000);
        return doc;
    }

    /**
     * Marks the user's snapshot stale when a collection changed their numbers, so that the next read rebuilds it (a
     * command-line collection does this; the server then also rebuilds it at once).
     *
     * @return whether the snapshot had to be marked
     */
    public boolean repositoryCollected(RepositoryCollected event) {
        if (!event.changedNumbers()) {
            return false;
        }
        parsed.remove(event.userId());
        jdbc.sql("UPDATE cv_snapshots SET stale = TRUE WHERE user_id = :u").param("u", event.userId()).update();
        return true;
    }
}
