package dev.commitstats.collection;

import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a push webhook: checks the delivery proves the user's secret, reads the payload, ignores a delivery seen
 * before, finds the user's repositories the payload names (by clone or web URL) and enqueues a collection of each.
 * Nothing is written before the delivery is verified and parsed, so a forged, malformed or oversized delivery
 * changes no state. Every outcome is counted by provider and result. Thread-safe.
 */
final class Webhooks {

    /** How a delivery ended, with the HTTP status it is answered with. */
    enum Result {
        ACCEPTED(202), DUPLICATE(200), IGNORED(202), PONG(200), UNAUTHORIZED(401), MALFORMED(400), TOO_LARGE(400),
        UNKNOWN_PROVIDER(404);

        final int status;

        Result(int status) {
            this.status = status;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What became of a delivery.
     *
     * @param result       how it ended
     * @param message      one line for the host's delivery log
     * @param repositories the repositories a collection was enqueued for
     */
    record Delivery(Result result, String message, List<Long> repositories) {
        Delivery {
            repositories = List.copyOf(repositories);
        }

        static Delivery of(Result result, String message) {
            return new Delivery(result, message, List.of());
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookSecrets secrets;
    private final WebhookDeliveries deliveries;
    private final RepositoryRegistry registry;
    private final CollectionJobs jobs;
    private final CollectionMetrics metrics;
    private final long maxBody;

    Webhooks(WebhookSecrets secrets, WebhookDeliveries deliveries, RepositoryRegistry registry, CollectionJobs jobs,
            CollectionMetrics metrics, long maxBody) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.registry = registry;
        this.jobs = jobs;
        this.metrics = metrics;
        this.maxBody = maxBody;
    }

    /** The largest body accepted, in bytes; the controller reads one more to tell a larger one. */
    long maxBody() {
        return maxBody;
    }

    /**
     * Handles one delivery.
     *
     * @param providerId the host, from the URL
     * @param hookId     the user's public hook id, from the URL, or null when the URL has none
     * @param headers    the request's headers, looked up case-insensitively
     * @param body       the raw body, at most {@link #maxBody()} + 1 bytes
     */
    Delivery receive(String providerId, @Nullable String hookId, UnaryOperator<@Nullable String> headers, byte[] body) {
        Optional<WebhookProvider> found = WebhookProvider.of(providerId);
        if (found.isEmpty()) {
            return counted("unknown", Delivery.of(Result.UNKNOWN_PROVIDER, "no such webhook: " + providerId
                    + " (github, gitlab, gitea, bitbucket or azure-devops)"));
        }
        WebhookProvider provider = found.get();
        return counted(provider.id(), handle(provider, hookId, headers, body));
    }

    private Delivery handle(WebhookProvider provider, @Nullable String hookId,
            UnaryOperator<@Nullable String> headers, byte[] body) {
        if (body.length > maxBody) {
            return Delivery.of(Result.TOO_LARGE, "the body is larger than " + maxBody + " bytes");
        }
        Optional<WebhookSecrets.Hook> hook = hookId == null ? Optional.empty() : secrets.find(hookId);
        if (hook.isEmpty() || !provider.verify(headers, body, hook.get().secret())) {
            return Delivery.of(Result.UNAUTHORIZED, "the delivery is not signed with your webhook secret "
                    + "(use the payload URL and secret shown when the secret was created)");
        }
        JsonNode payload;
        try {
            payload = body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            return Delivery.of(Result.MALFORMED, "the body is not a JSON object (choose the content type "
                    + provider.contentType() + ")");
        }
        WebhookProvider.Event event = provider.event(headers, payload);
        if (event == WebhookProvider.Event.PING) {
            return Delivery.of(Result.PONG, "pong");
        }
        if (event == WebhookProvider.Event.OTHER) {
            return Delivery.of(Result.IGNORED, "not a push event: nothing to collect");
        }
        String deliveryId = provider.deliveryId(headers, payload);
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 200) {
            return Delivery.of(Result.MALFORMED, "the delivery has no usable delivery id");
        }
        List<String> urls = provider.repositoryUrls(payload);
        if (urls.isEmpty()) {
            return Delivery.of(Result.MALFORMED, "the payload names no repository URL");
        }
        if (!deliveries.firstTime(provider, deliveryId)) {
            return Delivery.of(Result.DUPLICATE, "delivery " + deliveryId + " was received before");
        }
        Set<String> wanted = new HashSet<>();
        urls.forEach(u -> wanted.add(normalize(u)));
        List<Long> matching = registry.repositories(hook.get().userId()).stream()
                .filter(Repository::active)
                .filter(r -> wanted.contains(normalize(r.cloneUrl()))
                        || r.host().webUrl() != null && wanted.contains(normalize(r.host().webUrl())))
                .map(Repository::id).toList();
        if (matching.isEmpty()) {
            return Delivery.of(Result.IGNORED, "none of your active repositories has this URL");
        }
        matching.forEach(id -> jobs.enqueueCollect(id, CollectionTrigger.WEBHOOK));
        return new Delivery(Result.ACCEPTED, "collection enqueued", matching);
    }

    private Delivery counted(String provider, Delivery delivery) {
        metrics.webhookDelivery(provider, delivery.result().id());
        return delivery;
    }

    /**
     * A repository URL reduced to what identifies it: scheme and host in lower case, no user info, no default port,
     * no trailing slash or {@code .git}. Clone and web URLs of one repository then compare equal.
     */
    static String normalize(String url) {
        String s = url.strip();
        try {
            URI u = new URI(s);
            if (u.getHost() != null) {
                String scheme = Objects.requireNonNullElse(u.getScheme(), "https").toLowerCase(Locale.ROOT);
                int port = u.getPort();
                boolean defaultPort = port == -1 || scheme.equals("https") && port == 443
                        || scheme.equals("http") && port == 80;
                String path = u.getRawPath() == null ? "" : u.getRawPath();
                s = scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
            }
        } catch (URISyntaxException e) {
            // compared as given
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        return s;
    }
}
