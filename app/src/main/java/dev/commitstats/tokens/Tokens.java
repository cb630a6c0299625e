package dev.commitstats.tokens;

import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.Providers;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users' personal access tokens: add one (checked against its host's "current user" endpoint and stored with the
 * verdict, valid or not), list them, check them again, replace a secret (the same token, so its repositories and
 * their facts stay), remove one, and rotate the encryption keys. Owns the {@code tokens} table.
 *
 * <p>A secret is write-only: it goes in through {@link #add} and {@link #replaceSecret}, is stored only as a Tink
 * ciphertext bound to its user and token id ({@link TokenCipher}), and comes out only through {@link #account}, for
 * discovery and collection. No view, message, exception or log line of this class holds it.
 *
 * <p>A check calls the host and can take seconds: it runs before the transaction that stores its verdict, never
 * inside one. Thread-safe.
 */
public final class Tokens {

    static final int MAX_NAME = 100;
    private static final int MAX_USERNAME = 200;
    private static final int MAX_SECRET = 4096;

    private static final String COLUMNS = """
            id, user_id, name, provider, base_url, username, status, status_message, account_login, scopes, warning,
            expires_at, checked_at, retry_at, created_at""";

    private static final String INSERT = """
            INSERT INTO tokens (user_id, name, provider, base_url, username, secret, status, status_message,
                                account_login, scopes, warning, expires_at, checked_at, retry_at, created_at,
                                updated_at)
            VALUES (:user, :name, :provider, :base, :username, '', :status, :message, :login, :scopes, :warning,
                    :expires, :now, :retry, :now, :now)
            ON CONFLICT (user_id, name) DO NOTHING
            RETURNING id""";

    private static final String STORE_SECRET = "UPDATE tokens SET secret = :secret, updated_at = :now WHERE id = :id";

    private static final String STORE_CHECK = """
            UPDATE tokens SET status = :status, status_message = :message, account_login = :login, scopes = :scopes,
                              warning = :warning, expires_at = :expires, checked_at = :now, retry_at = :retry,
                              updated_at = :now
            WHERE id = :id AND user_id = :user""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TokenCipher cipher;
    private final Providers providers;
    private final OutboundPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Tokens(DataSource dataSource, TokenCipher cipher, Providers providers, OutboundPolicy policy,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.cipher = cipher;
        this.providers = providers;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks a new token with its host and stores it with the verdict, also when the host refused it (the user sees
     * why and can replace the secret).
     *
     * @param secret the token; surrounding whitespace is ignored
     * @throws UseCaseException ({@code INVALID}) for a blank or too long name, a malformed or refused base URL, a
     *                          missing one for {@code gitea} and {@code git}, an empty secret or one with whitespace
     *                          inside; ({@code CONFLICT}) when the user has a token of that name
     */
    public TokenView add(long userId, NewToken token, String secret) {
        validate(userId, token);
        String name = requireName(token.name());
        String base = baseUrl(token.provider(), token.baseUrl());
        String username = username(token.username());
        String clear = requireSecret(secret);
        TokenCheck check = check(new ProviderAccount(token.provider(), URI.create(base), username, clear));
        long now = clock.instant().getEpochSecond();
        long id = Objects.requireNonNull(transactions.execute(tx -> {
            long inserted = jdbc.sql(INSERT).param("user", userId).param("name", name)
                    .param("provider", token.provider().id()).param("base", base).param("username", username)
                    .param("status", check.status().id()).param("message", check.message())
                    .param("login", check.accountLogin()).param("scopes", scopes(check.scopes()))
                    .param("warning", check.warning()).param("expires", epoch(check.expiresAt()))
                    .param("retry", epoch(check.retryAt())).param("now", now)
                    .query(Long.class).optional()
                    .orElseThrow(() -> taken(name));
            // the ciphertext is bound to the row's id, which exists only now
            jdbc.sql(STORE_SECRET).param("secret", cipher.encrypt(clear, userId, inserted)).param("now", now)
                    .param("id", inserted).update();
            return inserted;
        }));
        return token(userId, id);
    }

    /**
     * Refuses what {@link #add} would refuse about {@code token} before anything else happens, so that a user is not
     * asked for the secret of a token that cannot be added.
     *
     * @throws UseCaseException as {@link #add} does, except for the secret
     */
    public void validate(long userId, NewToken token) {
        String name = requireName(token.name());
        baseUrl(token.provider(), token.baseUrl());
        username(token.username());
        if (byName(userId, name).isPresent()) {
            throw taken(name);
        }
    }

    /** The user's tokens, by name. */
    public List<TokenView> list(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE user_id = :user ORDER BY name, id")
                .param("user", userId).query(Tokens::view).list();
    }

    /**
     * One of the user's tokens.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no token with this id, also when someone else has
     */
    public TokenView token(long userId, long tokenId) {
        return find(userId, tokenId).orElseThrow(() -> notFound(tokenId));
    }

    /** The user's token of this name (surrounding whitespace ignored), if any. */
    public Optional<TokenView> byName(long userId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE user_id = :user AND name = :name")
                .param("user", userId).param("name", name.strip()).query(Tokens::view).optional();
    }

    /**
     * Checks a token with its host again and stores the verdict.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no such token
     * @throws TokenCipher.CipherException when its secret does not decrypt with this instance's keyset
     */
    public TokenView check(long userId, long tokenId) {
        TokenView before = token(userId, tokenId);
        TokenCheck check = check(account(before.id()));
        storeCheck(userId, tokenId, check, clock.instant().getEpochSecond());
        return token(userId, tokenId);
    }

    /**
     * Replaces a token's secret, keeping the token (its id, name, repositories and their facts): checks the new
     * secret with the host, stores it with the verdict, then publishes {@link TokenReplaced}.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no such token; ({@code INVALID}) for an empty
     *                          secret or one with whitespace inside
     */
    public TokenView replaceSecret(long userId, long tokenId, String secret) {
        String clear = requireSecret(secret);
        TokenView token = token(userId, tokenId);
        TokenCheck check = check(new ProviderAccount(token.provider(), URI.create(token.baseUrl()),
                token.username(), clear));
        long now = clock.instant().getEpochSecond();
        transactions.executeWithoutResult(tx -> {
            int n = jdbc.sql(STORE_SECRET + " AND user_id = :user")
                    .param("secret", cipher.encrypt(clear, userId, tokenId)).param("now", now)
                    .param("id", tokenId).param("user", userId).update();
            if (n == 0) {
                throw notFound(tokenId); // removed meanwhile
            }
            storeCheck(userId, tokenId, check, now);
        });
        events.publishEvent(new TokenReplaced(userId, tokenId));
        return token(userId, tokenId);
    }

    /**
     * Removes one of the user's tokens.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no such token
     */
    public void remove(long userId, long tokenId) {
        int n = jdbc.sql("DELETE FROM tokens WHERE id = :id AND user_id = :user")
                .param("id", tokenId).param("user", userId).update();
        if (n == 0) {
            throw notFound(tokenId);
        }
    }

    /**
     * The token's account with its decrypted secret, <b>for discovery and collection only</b>: to call the host's API
     * and to fetch over HTTPS, handed straight to the provider or to git. Never show, store, log or put it in a message
     * (its {@code toString()} leaves the secret out).
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when there is no such token (removed meanwhile)
     * @throws TokenCipher.CipherException when its secret does not decrypt with this instance's keyset
     */
    public ProviderAccount account(long tokenId) {
        record Row(long userId, String provider, String baseUrl, @Nullable String username, String secret) {
        }
        Row row = jdbc.sql("SELECT user_id, provider, base_url, username, secret FROM tokens WHERE id = :id")
                .param("id", tokenId)
                .query((rs, i) -> new Row(rs.getLong("user_id"), rs.getString("provider"), rs.getString("base_url"),
                        rs.getString("username"), rs.getString("secret")))
                .optional().orElseThrow(() -> notFound(tokenId));
        return new ProviderAccount(kind(row.provider()), URI.create(row.baseUrl()), row.username(),
                cipher.decrypt(row.secret(), row.userId(), tokenId));
    }

    /**
     * Adds a new primary key to the keyset and re-encrypts every token with it. The keyset is saved first (over the
     * data dir's keyset file, or into {@code keysetOut} for a keyset from {@code COMMITSTATS_KEYSET}) and keeps the
     * old keys, so every ciphertext decrypts at every step; then all tokens are re-encrypted in one transaction, which
     * a token that does not decrypt rolls back.
     *
     * @param keysetOut where to write the rotated keyset: required when the keyset comes from the environment, refused
     *                  when it is the data dir's file
     * @throws TokenCipher.CipherException when the keyset cannot be saved or a token does not decrypt
     */
    public KeyRotation rotateKeys(@Nullable Path keysetOut) {
        Path written = cipher.rotate(keysetOut);
        record Row(long id, long userId, String secret) {
        }
        int n = Objects.requireNonNull(transactions.execute(tx -> {
            List<Row> rows = jdbc.sql("SELECT id, user_id, secret FROM tokens ORDER BY id")
                    .query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("secret")))
                    .list();
            long now = clock.instant().getEpochSecond();
            for (Row r : rows) {
                String clear = cipher.decrypt(r.secret(), r.userId(), r.id());
                jdbc.sql(STORE_SECRET).param("secret", cipher.encrypt(clear, r.userId(), r.id()))
                        .param("now", now).param("id", r.id()).update();
            }
            return rows.size();
        }));
        return new KeyRotation(n, written, cipher.fromEnvironment(), cipher.keyCount());
    }

    private Optional<TokenView> find(long userId, long tokenId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE id = :id AND user_id = :user")
                .param("id", tokenId).param("user", userId).query(Tokens::view).optional();
    }

    private void storeCheck(long userId, long tokenId, TokenCheck check, long now) {
        int n = jdbc.sql(STORE_CHECK).param("status", check.status().id()).param("message", check.message())
                .param("login", check.accountLogin()).param("scopes", scopes(check.scopes()))
                .param("warning", check.warning()).param("expires", epoch(check.expiresAt()))
                .param("retry", epoch(check.retryAt())).param("now", now)
                .param("id", tokenId).param("user", userId).update();
        if (n == 0) {
            throw notFound(tokenId); // removed while it was being checked
        }
    }

    /** The host's verdict; a kind this instance has no provider for yet is "unreachable", not a crash. */
    private TokenCheck check(ProviderAccount account) {
        Provider provider;
        try {
            provider = providers.provider(account.kind());
        } catch (IllegalStateException e) {
            return new TokenCheck(TokenStatus.UNREACHABLE, "not checked: this instance cannot talk to "
                    + account.kind().displayName() + " hosts yet", null, null, List.of(), null, null);
        }
        return provider.check(account);
    }

    static String requireName(String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            throw invalid("a token name must not be empty");
        }
        if (n.length() > MAX_NAME) {
            throw invalid("a token name must be at most " + MAX_NAME + " characters");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw invalid("a token name must be one line without control characters");
        }
        return n;
    }

    /** The secret without surrounding whitespace; no message here may quote it. */
    static String requireSecret(String secret) {
        String s = secret.strip();
        if (s.isEmpty()) {
            throw invalid("the token must not be empty");
        }
        if (s.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            throw invalid("the token must not contain spaces, tabs or line breaks: paste it alone on one line");
        }
        if (s.length() > MAX_SECRET) {
            throw invalid("the token is longer than " + MAX_SECRET + " characters");
        }
        return s;
    }

    /** The host's web address: the given one (checked) or the hosted service's. */
    String baseUrl(ProviderKind kind, @Nullable String given) {
        if (given == null || given.isBlank()) {
            String hosted = kind.defaultBaseUrl();
            if (hosted == null) {
                throw invalid("a base URL is required for " + kind.id() + " tokens, e.g. https://git.example.com");
            }
            return hosted;
        }
        URI uri;
        try {
            uri = new URI(given.strip());
        } catch (URISyntaxException e) {
            throw invalid("the base URL is not a valid URL"); // not quoted: it could hold a password
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("the base URL must not contain a user name or password: give the user name apart and the "
                    + "token as the secret");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("the base URL must not contain a query or a fragment");
        }
        try {
            policy.checkUrl(uri);
        } catch (OutboundPolicy.RefusedException e) {
            throw invalid("the base URL is refused: " + e.getMessage());
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static @Nullable String username(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String u = given.strip();
        if (u.length() > MAX_USERNAME || u.chars().anyMatch(Character::isISOControl)) {
            throw invalid("the user name must be one line of at most " + MAX_USERNAME + " characters");
        }
        return u;
    }

    private static @Nullable String scopes(List<String> scopes) {
        return scopes.isEmpty() ? null : String.join(",", scopes);
    }

    private static @Nullable Long epoch(@Nullable Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(v);
    }

    private static ProviderKind kind(String id) {
        return ProviderKind.byId(id).orElseThrow(() -> new IllegalStateException("unknown provider " + id));
    }

    private static TokenView view(ResultSet rs, int row) throws SQLException {
        String scopes = rs.getString("scopes");
        return new TokenView(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                kind(rs.getString("provider")), rs.getString("base_url"), rs.getString("username"),
                TokenStatus.fromId(rs.getString("status")), rs.getString("status_message"),
                rs.getString("account_login"),
                scopes == null ? List.of() : Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getString("warning"), instant(rs, "expires_at"), instant(rs, "checked_at"),
                instant(rs, "retry_at"), Instant.ofEpochSecond(rs.getLong("created_at")));
    }

    private static UseCaseException invalid(String message) {
        return new UseCaseException(UseCaseException.Kind.INVALID, message);
    }

    private static UseCaseException taken(String name) {
        return new UseCaseException(UseCaseException.Kind.CONFLICT, "you already have a token named '" + name + "'");
    }

    private static UseCaseException notFound(long tokenId) {
        return new UseCaseException(UseCaseException.Kind.NOT_FOUND, "no token " + tokenId);
    }
}
