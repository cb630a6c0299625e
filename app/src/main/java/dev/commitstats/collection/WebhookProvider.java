package dev.commitstats.collection;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The hosts that send push webhooks, each with its documented way of proving a delivery came from the host (an
 * HMAC-SHA256 of the raw body, or the secret itself in a header or as the basic-auth password), naming the delivery
 * and the event, and carrying the repository's URLs in the payload. Secrets and signatures are compared in constant
 * time. Headers are read through a case-insensitive lookup.
 */
enum WebhookProvider {

    /** {@code X-Hub-Signature-256: sha256=<hex>}, {@code X-GitHub-Delivery}, {@code X-GitHub-Event: push|ping}. */
    GITHUB("github", "application/json", "push") {
        @Override
        boolean verify(UnaryOperator<@Nullable String> headers, byte[] body, String secret) {
            return hmacMatches(prefixed(headers.apply("X-Hub-Signature-256"), "sha256="), body, secret);
        }

        @Override
        @Nullable String deliveryId(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            return headers.apply("X-GitHub-Delivery");
        }

        @Override
        Event event(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            String e = lower(headers.apply("X-GitHub-Event"));
            return e.equals("push") ? Event.PUSH : e.equals("ping") ? Event.PING : Event.OTHER;
        }

        @Override
        List<String> repositoryUrls(JsonNode payload) {
            JsonNode r = payload.path("repository");
            return texts(r.path("clone_url"), r.path("html_url"), r.path("url"));
        }
    },

    /** {@code X-Gitlab-Token: <secret>}, {@code X-Gitlab-Event-UUID}, {@code X-Gitlab-Event: Push Hook}. */
    GITLAB("gitlab", "application/json", "Push events") {
        @Override
        boolean verify(UnaryOperator<@Nullable String> headers, byte[] body, String secret) {
            return equalsConstantTime(headers.apply("X-Gitlab-Token"), secret);
        }

        @Override
        @Nullable String deliveryId(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            String uuid = headers.apply("X-Gitlab-Event-UUID");
            return uuid != null ? uuid : headers.apply("Idempotency-Key");
        }

        @Override
        Event event(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            String e = lower(headers.apply("X-Gitlab-Event"));
            return e.equals("push hook") || e.equals("tag push hook") ? Event.PUSH : Event.OTHER;
        }

        @Override
        List<String> repositoryUrls(JsonNode payload) {
            JsonNode p = payload.path("project");
            JsonNode r = payload.path("repository");
            return texts(p.path("git_http_url"), p.path("web_url"), r.path("git_http_url"), r.path("homepage"));
        }
    },

    /** {@code X-Gitea-Signature: <hex>}, {@code X-Gitea-Delivery}, {@code X-Gitea-Event: push}. */
    GITEA("gitea", "application/json", "Push events") {
        @Override
        boolean verify(UnaryOperator<@Nullable String> headers, byte[] body, String secret) {
            return hmacMatches(headers.apply("X-Gitea-Signature"), body, secret);
        }

        @Override
        @Nullable String deliveryId(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            return headers.apply("X-Gitea-Delivery");
        }

        @Override
        Event event(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            return lower(headers.apply("X-Gitea-Event")).equals("push") ? Event.PUSH : Event.OTHER;
        }

        @Override
        List<String> repositoryUrls(JsonNode payload) {
            JsonNode r = payload.path("repository");
            return texts(r.path("clone_url"), r.path("html_url"));
        }
    },

    /** Bitbucket Cloud: {@code X-Hub-Signature: sha256=<hex>}, {@code X-Request-UUID}, {@code X-Event-Key: repo:push}. */
    BITBUCKET("bitbucket", "application/json", "Repository: Push") {
        @Override
        boolean verify(UnaryOperator<@Nullable String> headers, byte[] body, String secret) {
            return hmacMatches(prefixed(headers.apply("X-Hub-Signature"), "sha256="), body, secret);
        }

        @Override
        @Nullable String deliveryId(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            return headers.apply("X-Request-UUID");
        }

        @Override
        Event event(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            return lower(headers.apply("X-Event-Key")).equals("repo:push") ? Event.PUSH : Event.OTHER;
        }

        @Override
        List<String> repositoryUrls(JsonNode payload) {
            return texts(payload.path("repository").path("links").path("html").path("href"));
        }
    },

    /** Azure DevOps service hook: basic auth with the secret as password; {@code id} and {@code eventType} in the body. */
    AZURE_DEVOPS("azure-devops", "application/json", "Code pushed (git.push)") {
        @Override
        boolean verify(UnaryOperator<@Nullable String> headers, byte[] body, String secret) {
            String auth = headers.apply("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            return colon >= 0 && equalsConstantTime(decoded.substring(colon + 1), secret);
        }

        @Override
        @Nullable String deliveryId(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            JsonNode id = payload.path("id");
            return id.isString() ? id.asString() : null;
        }

        @Override
        Event event(UnaryOperator<@Nullable String> headers, JsonNode payload) {
            return payload.path("eventType").asString("").equals("git.push") ? Event.PUSH : Event.OTHER;
        }

        @Override
        List<String> repositoryUrls(JsonNode payload) {
            JsonNode r = payload.path("resource").path("repository");
            return texts(r.path("remoteUrl"), r.path("webUrl"));
        }
    };

    /** What a delivery announces, as far as collection is concerned. */
    enum Event {
        PUSH, PING, OTHER
    }

    private final String id;
    private final String contentType;
    private final String events;

    WebhookProvider(String id, String contentType, String events) {
        this.id = id;
        this.contentType = contentType;
        this.events = events;
    }

    /** The name in the URL ({@code /webhooks/<id>/...}) and in metrics. */
    String id() {
        return id;
    }

    /** The content type to choose when setting the webhook up. */
    String contentType() {
        return contentType;
    }

    /** The events to choose when setting the webhook up, as the host's settings page names them. */
    String events() {
        return events;
    }

    static Optional<WebhookProvider> of(String id) {
        for (WebhookProvider p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether the delivery proves it knows the user's secret. */
    abstract boolean verify(UnaryOperator<@Nullable String> headers, byte[] body, String secret);

    /** The host's id of this delivery (the same on a redelivery), or null when missing. */
    abstract @Nullable String deliveryId(UnaryOperator<@Nullable String> headers, JsonNode payload);

    abstract Event event(UnaryOperator<@Nullable String> headers, JsonNode payload);

    /** The repository's clone and web URLs the payload names. */
    abstract List<String> repositoryUrls(JsonNode payload);

    static String hmacHex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean hmacMatches(@Nullable String hex, byte[] body, String secret) {
        if (hex == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, HexFormat.of().parseHex(hmacHex(body, secret)));
    }

    private static @Nullable String prefixed(@Nullable String value, String prefix) {
        return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : null;
    }

    private static boolean equalsConstantTime(@Nullable String given, String secret) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String lower(@Nullable String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> texts(JsonNode... nodes) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (n.isString() && !n.asString().isBlank()) {
                out.add(n.asString());
            }
        }
        return out;
    }
}
