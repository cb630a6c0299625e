package dev.commitstats.collection;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.tokens.TokenCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each user's webhook secret: created or rotated on request and shown once, with the setup of each host; kept
 * encrypted with the instance keyset (bound to the user), because verifying an HMAC needs the secret itself. The
 * user's webhook URLs carry a random public hook id, so a delivery finds its user and secret in one lookup instead of
 * trying every user's secret. Owns the {@code webhook_secrets} table. Thread-safe.
 */
public final class WebhookSecrets {

    private static final String PURPOSE = "webhook";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new secret, shown once.
     *
     * @param hookId the public id in the user's webhook URLs (it stays the same when the secret is rotated)
     * @param secret the secret to paste into each host's webhook settings
     * @param setup  what to enter on each host
     */
    public record Created(String hookId, String secret, List<ProviderSetup> setup) {
        @Override
        public String toString() {
            return "Created[hookId=" + hookId + ", secret=***]";
        }
    }

    /**
     * How to set the webhook up on one host.
     *
     * @param provider    the host ({@code github}, {@code gitlab}, {@code gitea}, {@code bitbucket}, {@code azure-devops})
     * @param payloadUrl  the URL to enter
     * @param contentType the content type to choose
     * @param secret      where the secret goes
     * @param events      which events to send
     */
    public record ProviderSetup(String provider, String payloadUrl, String contentType, String secret, String events) {
    }

    /** A user's hook as a delivery needs it. */
    record Hook(long userId, String secret) {
        @Override
        public String toString() {
            return "Hook[userId=" + userId + ", secret=***]";
        }
    }

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final UserAccounts accounts;
    private final Clock clock;

    WebhookSecrets(DataSource dataSource, TokenCipher cipher, UserAccounts accounts, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = cipher;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Creates the user's webhook secret, or replaces it (deliveries signed with the old one are refused from now on).
     *
     * @param baseUrl the server's public address, e.g. {@code https://stats.example.com}, for the payload URLs
     * @throws dev.commitstats.config.UseCaseException ({@code NOT_FOUND}) for an unknown user
     */
    public Created rotate(long userId, String baseUrl) {
        accounts.requireUser(userId);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String newHookId = HexFormat.of().formatHex(id);
        jdbc.sql("""
                        INSERT INTO webhook_secrets (user_id, hook_id, secret_ciphertext, created_at)
                        VALUES (:u, :h, :c, :at)
                        ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = excluded.secret_ciphertext,
                            created_at = excluded.created_at""")
                .param("u", userId).param("h", newHookId).param("c", cipher.encryptSecret(PURPOSE, userId, secret))
                .param("at", clock.instant().toEpochMilli()).update();
        String hookId = jdbc.sql("SELECT hook_id FROM webhook_secrets WHERE user_id = :u").param("u", userId)
                .query(String.class).single();
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        List<ProviderSetup> setup = Arrays.stream(WebhookProvider.values())
                .map(p -> new ProviderSetup(p.id(), base + "/webhooks/" + p.id() + "/" + hookId, p.contentType(),
                        secretPlace(p), p.events()))
                .toList();
        return new Created(hookId, secret, setup);
    }

    /** Whether the user has a webhook secret. */
    public boolean exists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_secrets WHERE user_id = :u").param("u", userId)
                .query(Integer.class).single() > 0;
    }

    /** The hook with this public id, or empty for an unknown (or malformed) id. */
    Optional<Hook> find(String hookId) {
        if (!hookId.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id, secret_ciphertext FROM webhook_secrets WHERE hook_id = :h")
                .param("h", hookId)
                .query((rs, i) -> new Hook(rs.getLong("user_id"),
                        cipher.decryptSecret(PURPOSE, rs.getLong("user_id"), rs.getString("secret_ciphertext"))))
                .optional();
    }

    private static String secretPlace(WebhookProvider p) {
        return switch (p) {
            case GITHUB -> "Secret (signs each delivery: X-Hub-Signature-256)";
            case GITLAB -> "Secret token (sent as X-Gitlab-Token)";
            case GITEA -> "Secret (signs each delivery: X-Gitea-Signature)";
            case BITBUCKET -> "Secret (signs each delivery: X-Hub-Signature)";
            case AZURE_DEVOPS -> "Basic authentication: any user name, the secret as password (HTTPS only)";
        };
    }
}
