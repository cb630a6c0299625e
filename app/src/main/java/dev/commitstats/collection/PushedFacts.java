package dev.commitstats.collection;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.classify.FileClassifier;
import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.ExclusionBucket;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryCursor;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.stats.CommitFactStore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commit facts mined on a user's own machine ({@code commitstats push}) and uploaded to {@code POST /api/v1/facts}:
 * the server side of local mining. A batch names its repository by a label the user chose; the first batch registers
 * a repository of kind {@link SourceKind#PUSHED} ({@code push:LABEL}) that the server never fetches or collects. Facts
 * are written through {@link CommitFactStore#writeBatch} like a collection's (upserts keyed by repository and sha, the
 * rollups, and copy detection, so a commit also pushed or collected in another of the user's repositories counts
 * once), then {@link RepositoryCollected} is published so that the CV follows.
 *
 * <p>Every field of a batch is checked before anything is written ({@link #read}); a batch with one bad field is
 * refused whole, naming the field ({@code facts[3].languages.Java.additions: must be >= 0}), and one batch is one
 * transaction. Writing a batch again changes nothing, so a client that was interrupted simply asks which commits the
 * server has ({@link #known}) and sends the rest. Thread-safe; {@link #close()} stops the claim renewals.
 */
public final class PushedFacts implements AutoCloseable {

    /** The largest count of lines or files accepted for one language or bucket of one commit. */
    public static final long MAX_COUNT = 1_000_000_000L;
    /** The most languages (or buckets) one commit may list. */
    public static final int MAX_LANGUAGES = 300;
    /** The most detections one commit may list. */
    public static final int MAX_DETECTIONS = 1_000;
    /** The longest repository label. */
    public static final int MAX_LABEL = 100;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Set<String> ECOSYSTEMS = Set.of("maven", "npm", "pypi", "go", "cargo");
    private static final Set<String> COMMIT_FIELDS = Set.of("sha", "authorEmail", "authorTime", "authorOffsetMinutes",
            "committerTime", "parentCount", "type", "typeInferred", "breaking", "languages", "excluded", "detections");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

    /**
     * A batch of pushed facts: the body of {@code POST /api/v1/facts}.
     *
     * @param repository   the repository's label: 1 to {@value #MAX_LABEL} letters, digits, {@code .}, {@code _} and
     *                     {@code -}, starting with a letter or digit
     * @param rulesVersion the counting rules the facts were mined with ({@code MiningRules.VERSION} of the client)
     * @param facts        the commits, at most {@code commitstats.push.max-facts} (1000 by default)
     */
    @Schema(description = "A batch of commit facts mined on your machine")
    public record Batch(@Schema(example = "payroll") String repository, @Schema(example = "4") int rulesVersion,
            List<PushedCommit> facts) {
        public Batch {
            facts = List.copyOf(facts);
        }
    }

    /**
     * What the server did with a batch.
     *
     * @param repository   the label
     * @param repositoryId the repository's id (as {@code /api/v1/repositories} lists it)
     * @param received     the facts in the batch
     * @param newCommits   commits stored for the first time
     * @param totalCommits commits stored for the repository afterwards
     */
    public record Stored(String repository, long repositoryId, int received, int newCommits, long totalCommits) {
    }

    /**
     * What the server has of a label, so that a push sends only what is new.
     *
     * @param repository   the label
     * @param exists       whether a repository has that label (pushed before)
     * @param rulesVersion the counting rules of the facts it holds, or null; a client with other rules sends all again
     * @param shas         the commits stored, sorted
     * @param emails       the user's emails (what a push mines by when it is given none)
     */
    public record Known(String repository, boolean exists, @Nullable Integer rulesVersion, List<String> shas,
            List<String> emails) {
    }

    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final CommitFactStore store;
    private final RepositoryClaims claims;
    private final CollectionRuns runs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PushSettings settings;

    public PushedFacts(DataSource dataSource, UserAccounts accounts, RepositoryRegistry registry,
            CommitFactStore store, CollectionRuns runs, ApplicationEventPublisher events, Clock clock,
            CollectionSettings collection, PushSettings settings) {
        this.accounts = accounts;
        this.registry = registry;
        this.store = store;
        this.claims = new RepositoryClaims(dataSource, clock, collection.lease());
        this.runs = runs;
        this.events = events;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.settings = settings;
    }

    /** The limits in effect. */
    public PushSettings settings() {
        return settings;
    }

    /**
     * Checks a repository label.
     *
     * @return the label
     * @throws UseCaseException ({@code INVALID}) saying what is wrong with it
     */
    public static String requireLabel(@Nullable String label) {
        return label(label, "repository");
    }

    /**
     * Parses and checks a batch, every field of it, without writing anything.
     *
     * @param body the request body, JSON
     * @throws UseCaseException ({@code INVALID}) naming the first field that is wrong
     */
    public Batch read(byte[] body) {
        if (body.length > settings.maxBody().toBytes()) {
            throw invalid("body", "larger than " + settings.maxBody().toBytes() + " bytes: send fewer facts per "
                    + "request");
        }
        return read(parse(body), settings.maxFacts(), clock.instant());
    }

    /** Parses a JSON body strictly (duplicate keys refused). */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw invalid("body", "empty: send a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw invalid("body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The label a request body names: {@code {"repository": "LABEL"}} (the body of {@code POST /api/v1/facts/known}).
     */
    public static String readLabel(byte[] body) {
        JsonNode node = parse(body);
        object(node, "body");
        for (String name : node.propertyNames()) {
            if (!name.equals("repository")) {
                throw invalid(name, "unknown field");
            }
        }
        return label(node.get("repository") == null || !node.get("repository").isString() ? null
                : node.get("repository").asString(), "repository");
    }

    static Batch read(JsonNode body, int maxFacts, Instant now) {
        object(body, "body");
        for (String name : body.propertyNames()) {
            if (!Set.of("repository", "rulesVersion", "facts").contains(name)) {
                throw invalid(name, "unknown field");
            }
        }
        String label = label(string(body, "repository", "repository", 1_000), "repository");
        int rulesVersion = (int) integer(body, "rulesVersion", "rulesVersion", 1, 1_000_000);
        JsonNode facts = required(body, "facts", "facts");
        if (!facts.isArray()) {
            throw invalid("facts", "must be an array");
        }
        if (facts.size() > maxFacts) {
            throw invalid("facts", "at most " + maxFacts + " facts per request, not " + facts.size());
        }
        Instant latest = now.plus(Duration.ofDays(1));
        List<PushedCommit> commits = new ArrayList<>(facts.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            PushedCommit c = commit(facts.get(i), "facts[" + i + "]", latest);
            Integer before = seen.putIfAbsent(c.sha(), i);
            if (before != null) {
                throw invalid("facts[" + i + "].sha", "the same commit as facts[" + before + "]");
            }
            commits.add(c);
        }
        return new Batch(label, rulesVersion, commits);
    }

    private static PushedCommit commit(JsonNode node, String at, Instant latest) {
        object(node, at);
        for (String name : node.propertyNames()) {
            if (!COMMIT_FIELDS.contains(name)) {
                throw invalid(at + "." + name, "unknown field (a pushed commit carries numbers only)");
            }
        }
        String sha = string(node, "sha", at + ".sha", 40);
        if (!SHA.matcher(sha).matches()) {
            throw invalid(at + ".sha", "must be 40 lowercase hex digits");
        }
        String email = string(node, "authorEmail", at + ".authorEmail", 254);
        try {
            email = UserAccounts.requireEmail(email);
        } catch (UseCaseException e) {
            throw invalid(at + ".authorEmail", "not an email address");
        }
        Instant authorTime = time(node, "authorTime", at, latest);
        int offset = (int) integer(node, "authorOffsetMinutes", at + ".authorOffsetMinutes", -18 * 60, 18 * 60);
        Instant committerTime = time(node, "committerTime", at, latest);
        int parents = (int) integer(node, "parentCount", at + ".parentCount", 0, 1);
        String type = string(node, "type", at + ".type", 20);
        CommitType commitType = java.util.Arrays.stream(CommitType.values())
                .filter(t -> t.jsonName().equals(type)).findFirst()
                .orElseThrow(() -> invalid(at + ".type", "unknown commit type '" + shorten(type)
                        + "' (one of " + String.join(", ", java.util.Arrays.stream(CommitType.values())
                        .map(CommitType::jsonName).toList()) + ")"));
        boolean inferred = bool(node, "typeInferred", at + ".typeInferred");
        if (inferred && commitType == CommitType.OTHER) {
            throw invalid(at + ".typeInferred", "'other' is never inferred");
        }
        boolean breaking = bool(node, "breaking", at + ".breaking");
        FileClassifier languagesKnown = FileClassifier.standard();
        Map<String, PushedCommit.Count> languages = counts(node, "languages", at, name -> {
            if (!languagesKnown.knowsLanguage(name)) {
                throw invalid(at + ".languages", "unknown language '" + shorten(name) + "'");
            }
        });
        Map<String, PushedCommit.Count> excluded = counts(node, "excluded", at, name -> {
            if (java.util.Arrays.stream(ExclusionBucket.values()).noneMatch(b -> b.jsonName().equals(name))) {
                throw invalid(at + ".excluded", "unknown bucket '" + shorten(name) + "' (vendored, generated, "
                        + "moved, bulk or binary)");
            }
        });
        List<PushedCommit.PushedDetection> detections = detections(node, at + ".detections");
        return new PushedCommit(sha, email, authorTime.toString(), offset, committerTime.toString(), parents,
                type, inferred, breaking, languages, excluded, detections);
    }

    private static Map<String, PushedCommit.Count> counts(JsonNode node, String field, String at,
            java.util.function.Consumer<String> checkName) {
        JsonNode map = required(node, field, at + "." + field);
        String path = at + "." + field;
        object(map, path);
        if (map.size() > MAX_LANGUAGES) {
            throw invalid(path, "at most " + MAX_LANGUAGES + " entries");
        }
        Map<String, PushedCommit.Count> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            checkName.accept(e.getKey());
            String p = path + "." + e.getKey();
            JsonNode n = e.getValue();
            object(n, p);
            for (String name : n.propertyNames()) {
                if (!Set.of("additions", "deletions", "files").contains(name)) {
                    throw invalid(p + "." + name, "unknown field");
                }
            }
            counts.put(e.getKey(), new PushedCommit.Count(integer(n, "additions", p + ".additions", 0, MAX_COUNT),
                    integer(n, "deletions", p + ".deletions", 0, MAX_COUNT),
                    integer(n, "files", p + ".files", 0, MAX_COUNT)));
        }
        return counts;
    }

    private static List<PushedCommit.PushedDetection> detections(JsonNode node, String path) {
        JsonNode list = required(node, "detections", path);
        if (!list.isArray()) {
            throw invalid(path, "must be an array");
        }
        if (list.size() > MAX_DETECTIONS) {
            throw invalid(path, "at most " + MAX_DETECTIONS + " detections per commit");
        }
        List<PushedCommit.PushedDetection> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode d = list.get(i);
            object(d, p);
            for (String name : d.propertyNames()) {
                if (!Set.of("kind", "ecosystem", "name").contains(name)) {
                    throw invalid(p + "." + name, "unknown field");
                }
            }
            String kindName = string(d, "kind", p + ".kind", 40);
            DetectionKind kind = java.util.Arrays.stream(DetectionKind.values())
                    .filter(k -> k.jsonName().equals(kindName)).findFirst()
                    .orElseThrow(() -> invalid(p + ".kind", "unknown detection kind '" + shorten(kindName) + "'"));
            if (kind == DetectionKind.PACKAGE) {
                String ecosystem = string(d, "ecosystem", p + ".ecosystem", 20);
                if (!ECOSYSTEMS.contains(ecosystem)) {
                    throw invalid(p + ".ecosystem", "unknown ecosystem (maven, npm, pypi, go or cargo)");
                }
                String name = string(d, "name", p + ".name", 300);
                if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                    throw invalid(p + ".name", "must be a package name");
                }
                out.add(new PushedCommit.PushedDetection(kind.jsonName(), ecosystem, name));
            } else {
                for (String f : List.of("ecosystem", "name")) {
                    if (d.has(f) && !d.get(f).isNull()) {
                        throw invalid(p + "." + f, "only a package has one (a tool is counted by its kind)");
                    }
                }
                out.add(new PushedCommit.PushedDetection(kind.jsonName(), null, null));
            }
        }
        return out;
    }

    private static Instant time(JsonNode node, String field, String at, Instant latest) {
        String p = at + "." + field;
        String text = string(node, field, p, 64);
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(p, "not an ISO-8601 date-time such as 2024-03-05T08:12:00Z");
        }
        if (t.isBefore(Instant.EPOCH) || t.isAfter(latest)) {
            throw invalid(p, "must be between 1970-01-01 and tomorrow");
        }
        return t;
    }

    private static String label(@Nullable String label, String field) {
        if (label == null || label.isEmpty()) {
            throw invalid(field, "a label is required: 1 to " + MAX_LABEL + " letters, digits, '.', '_' or '-'");
        }
        if (label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
            throw invalid(field, "'" + shorten(label) + "' is not a label: 1 to " + MAX_LABEL
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return label;
    }

    private static void object(@Nullable JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be an object");
        }
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw invalid(path, "is required");
        }
        return v;
    }

    private static String string(JsonNode node, String field, String path, int maxLength) {
        JsonNode v = required(node, field, path);
        if (!v.isString()) {
            throw invalid(path, "must be a string");
        }
        String s = v.asString();
        if (s.length() > maxLength) {
            throw invalid(path, "longer than " + maxLength + " characters");
        }
        return s;
    }

    private static long integer(JsonNode node, String field, String path, long min, long max) {
        JsonNode v = required(node, field, path);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(path, "must be a whole number");
        }
        long n = v.longValue();
        if (n < min) {
            throw invalid(path, "must be >= " + min);
        }
        if (n > max) {
            throw invalid(path, "must be <= " + max);
        }
        return n;
    }

    private static boolean bool(JsonNode node, String field, String path) {
        JsonNode v = required(node, field, path);
        if (!v.isBoolean()) {
            throw invalid(path, "must be true or false");
        }
        return v.booleanValue();
    }

    private static String shorten(String s) {
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    private static UseCaseException invalid(String path, String problem) {
        return new UseCaseException(UseCaseException.Kind.INVALID, shorten(path) + ": " + problem);
    }

    /**
     * What the server has of the user's repository with this label.
     *
     * @throws UseCaseException ({@code INVALID}) for a malformed label
     */
    public Known known(long userId, String label) {
        requireLabel(label);
        List<String> emails = accounts.identities(userId);
        Optional<Repository> repository = registry.findByCloneUrl(userId, cloneUrl(label));
        if (repository.isEmpty()) {
            return new Known(label, false, null, List.of(), emails);
        }
        long id = repository.get().id();
        java.util.OptionalInt rules = registry.minedRulesVersion(id);
        return new Known(label, true, rules.isPresent() ? rules.getAsInt() : null,
                store.storedShas(id).stream().sorted().toList(), emails);
    }

    /**
     * Stores a checked batch ({@link #read}) for the user: registers the label's repository on its first batch, adds
     * the facts' emails to the user's emails (as {@code collect --email} does), and writes the facts, the cursor, the
     * rules version and the push time in one transaction.
     *
     * @throws UseCaseException ({@code CONFLICT}) when the repository is being removed, or pushed by another request,
     *                          for longer than a few seconds; or when the label names a repository that is not pushed
     */
    public Stored push(long userId, Batch batch) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        Repository repository = registered(userId, batch.repository());
        long id = repository.id();
        Optional<RepositoryClaims.Claim> claim;
        try {
            claim = claims.claim(id, CLAIM_WAIT, () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UseCaseException(UseCaseException.Kind.CONFLICT, "interrupted; nothing was stored");
        }
        if (claim.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.CONFLICT, "repository '" + batch.repository()
                    + "' is being pushed or removed by another request; nothing was stored, try again");
        }
        long before;
        long after;
        try (RepositoryClaims.Claim held = claim.get()) {
            before = store.countCommits(id);
            List<CommitFact> facts = batch.facts().stream().map(PushedCommit::toFact).toList();
            Set<String> emails = new LinkedHashSet<>();
            facts.forEach(f -> emails.add(f.authorEmail()));
            RepositoryCursor cursor = cursorAfter(registry.cursor(id), facts);
            transactions.executeWithoutResult(status -> {
                accounts.addIdentities(userId, emails);
                store.writeBatch(id, facts, cursor);
                registry.saveMinedRulesVersion(id, batch.rulesVersion());
                registry.savePushedAt(id, startedAt);
            });
            after = store.countCommits(id);
        }
        int newCommits = (int) (after - before);
        int recounted = batch.facts().size() - newCommits;
        CollectionOutcome outcome = CollectionOutcome.collected(id, newCommits, 0, recounted, after,
                Duration.ofNanos(System.nanoTime() - started));
        runs.record(id, CollectionTrigger.PUSH, startedAt, outcome);
        if (!batch.facts().isEmpty()) {
            events.publishEvent(new RepositoryCollected(id, userId, CollectionTrigger.PUSH, newCommits, 0, recounted,
                    after, clock.instant()));
        }
        return new Stored(batch.repository(), id, batch.facts().size(), newCommits, after);
    }

    /** The stored clone URL of a pushed repository. */
    static String cloneUrl(String label) {
        return "push:" + label;
    }

    private Repository registered(long userId, String label) {
        String url = cloneUrl(label);
        Optional<Repository> found = registry.findByCloneUrl(userId, url);
        if (found.isEmpty()) {
            try {
                registry.registerRepository(userId, new NewRepository(url, SourceKind.PUSHED, label, null, true,
                        true));
            } catch (IllegalArgumentException e) {
                // registered by a concurrent first push of the same label: use theirs
            }
            found = registry.findByCloneUrl(userId, url);
        }
        Repository r = found.orElseThrow(() -> new IllegalStateException("repository " + url + " vanished"));
        if (r.kind() != SourceKind.PUSHED) {
            throw new UseCaseException(UseCaseException.Kind.CONFLICT, "'" + label
                    + "' names a repository that is not pushed");
        }
        return r;
    }

    /** The newest commit (by committer time) of the stored cursor and the batch, complete and up to date. */
    private static RepositoryCursor cursorAfter(RepositoryCursor cursor, List<CommitFact> facts) {
        String sha = cursor.lastCommitSha();
        Instant time = cursor.lastCommitTime();
        for (CommitFact f : facts) {
            if (time == null || f.committerTime().isAfter(time)) {
                time = f.committerTime();
                sha = f.sha();
            }
        }
        return new RepositoryCursor(sha, time, true, RepositoryStatus.UP_TO_DATE);
    }

    @Override
    public void close() {
        claims.close();
    }
}
