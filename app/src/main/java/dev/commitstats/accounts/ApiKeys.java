package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal API keys: a user creates one with a name and scopes, sends it as {@code Authorization: Bearer KEY}, and
 * revokes it when done. Owns the {@code api_keys} table.
 *
 * <p>A key is {@code cs_} and 32 random bytes in URL-safe Base64. Only its SHA-256 hash is stored: with 256 random
 * bits nothing can be guessed from the hash, so the slow hashes that passwords need would only slow every API call
 * down. The key is returned once, by {@link #create}; its first characters ({@link ApiKey#prefix}) let the owner
 * recognise it. No view, message or log line of this class holds a key. Thread-safe.
 */
public final class ApiKeys {

    static final String KEY_PREFIX = "cs_";
    static final int MAX_NAME = 100;
    /** {@code cs_} and the key's first 8 characters: shown in lists so the owner can tell keys apart */
    private static final int SHOWN = KEY_PREFIX.length() + 8;
    /** last use is written at most once a minute per key, not on every call */
    private static final long LAST_USED_RESOLUTION_SECONDS = 60;

    private static final String COLUMNS = "id, user_id, name, prefix, scopes, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** A new key and, once only, its value. */
    public record Created(ApiKey key, String value) {
        @Override
        public String toString() {
            return "Created[key=" + key + ", value=(hidden)]"; // never the key in a log line or a message
        }
    }

    /**
     * Creates a key for the user.
     *
     * @param name   the owner's name for it; blank for "API key"
     * @param scopes what it may do, at least one
     * @throws UseCaseException ({@code INVALID}) for a name over 100 characters or no scope
     */
    public Created create(long userId, String name, Set<Caller.Scope> scopes) {
        String n = name.strip().isEmpty() ? "API key" : name.strip();
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "a key's name has at most " + MAX_NAME + " characters and no control characters");
        }
        if (scopes.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "a key needs at least one scope: " + Arrays.stream(Caller.Scope.values()).map(Caller.Scope::id)
                            .collect(Collectors.joining(", ")));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.instant().getEpochSecond();
        long id = jdbc.sql("""
                        INSERT INTO api_keys (user_id, name, prefix, key_hash, scopes, created_at)
                        VALUES (:user, :name, :prefix, :hash, :scopes, :now) RETURNING id""")
                .param("user", userId).param("name", n).param("prefix", value.substring(0, SHOWN))
                .param("hash", hash(value)).param("scopes", format(scopes)).param("now", now)
                .query(Long.class).single();
        return new Created(find(userId, id).orElseThrow(), value);
    }

    /** The user's keys, revoked ones included, newest first; never a key's value. */
    public List<ApiKey> list(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = :user ORDER BY id DESC")
                .param("user", userId).query(ApiKeys::key).list();
    }

    /**
     * Revokes one of the user's keys; revoking a revoked key changes nothing.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when the user has no key with this id (another user's key
     *                          included: whether it exists is not the caller's business)
     */
    public ApiKey revoke(long userId, long keyId) {
        ApiKey key = find(userId, keyId).orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND,
                "no API key " + keyId));
        jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
                .param("now", clock.instant().getEpochSecond()).param("id", keyId).param("user", userId).update();
        return find(userId, key.id()).orElseThrow();
    }

    /**
     * The caller a key stands for: its user with the key's scopes; empty for an unknown or revoked key. Records when
     * the key was used (to the minute).
     */
    public Optional<Caller> authenticate(String value) {
        if (!value.startsWith(KEY_PREFIX) || value.length() > 200) {
            return Optional.empty();
        }
        Optional<Found> found = jdbc.sql("""
                        SELECT k.id, k.scopes, k.last_used_at, u.id AS user_id, u.login, u.is_admin
                        FROM api_keys k JOIN users u ON u.id = k.user_id
                        WHERE k.key_hash = :hash AND k.revoked_at IS NULL""")
                .param("hash", hash(value))
                .query((rs, row) -> {
                    long lastUsed = rs.getLong("last_used_at");
                    return new Found(rs.getLong("id"), rs.wasNull() ? null : lastUsed,
                            new Caller(rs.getLong("user_id"), rs.getString("login"), rs.getBoolean("is_admin"),
                                    parse(rs.getString("scopes"))));
                })
                .optional();
        found.ifPresent(f -> {
            long now = clock.instant().getEpochSecond();
            if (f.lastUsed() == null || now - f.lastUsed() >= LAST_USED_RESOLUTION_SECONDS) {
                jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                        .param("now", now).param("id", f.id()).update();
            }
        });
        return found.map(Found::caller);
    }

    private record Found(long id, @Nullable Long lastUsed, Caller caller) {
    }

    /**
     * Scopes as commands and JSON spell them, comma-separated: {@code read,refresh,push}.
     *
     * @throws UseCaseException ({@code INVALID}) naming an unknown scope and the known ones
     */
    public static Set<Caller.Scope> parseScopes(String csv) {
        Set<Caller.Scope> scopes = EnumSet.noneOf(Caller.Scope.class);
        for (String part : csv.split(",")) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            scopes.add(Arrays.stream(Caller.Scope.values()).filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> new UseCaseException(UseCaseException.Kind.INVALID, "unknown scope '"
                            + part.strip() + "': use " + Arrays.stream(Caller.Scope.values()).map(Caller.Scope::id)
                            .collect(Collectors.joining(", ")))));
        }
        return scopes;
    }

    private Optional<ApiKey> find(long userId, long keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND user_id = :user")
                .param("id", keyId).param("user", userId).query(ApiKeys::key).optional();
    }

    private static String format(Set<Caller.Scope> scopes) {
        return scopes.stream().sorted().map(Caller.Scope::id).collect(Collectors.joining(","));
    }

    private static Set<Caller.Scope> parse(String stored) {
        return stored.isEmpty() ? Set.of() : parseScopes(stored);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                parse(rs.getString("scopes")), Instant.ofEpochSecond(rs.getLong("created_at")),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(v);
    }
}
