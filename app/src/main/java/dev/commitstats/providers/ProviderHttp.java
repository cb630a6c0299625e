package dev.commitstats.providers;

import dev.commitstats.config.OutboundPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' one way to the network: GET requests through the {@link OutboundPolicy} (https, no internal
 * addresses), redirects followed hop by hop (credentials dropped when the host changes), conditional requests with
 * {@code ETag}/{@code If-None-Match} answered from a small in-memory cache on {@code 304}, rate limits
 * ({@code Retry-After}, {@code X-RateLimit-Reset}, {@code RateLimit-Reset}) waited out when they lift within
 * {@code maxRateLimitWait} and raised as {@link ProviderException.Kind#RATE_LIMITED} otherwise ("until 14:05" in the
 * clock's zone), and transient failures (network, 5xx) retried twice with backoff. Nothing here logs a header or a
 * body. Thread-safe.
 */
public final class ProviderHttp {

    /** Waits; replaced in tests so that rate-limit waits take no time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * An answer, after redirects, rate-limit waits and the ETag cache.
     *
     * @param status    the HTTP status ({@code 200} also for a {@code 304} answered from the cache)
     * @param headers   response headers, names case-insensitive
     * @param body      the body as text
     * @param fromCache whether the host said "not modified" and the body is the cached one
     */
    public record Response(int status, Map<String, List<String>> headers, String body, boolean fromCache) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON. */
        public JsonNode json(String host, String what) throws ProviderException {
            try {
                return MAPPER.readTree(body);
            } catch (JacksonException e) {
                throw new ProviderException(ProviderException.Kind.MALFORMED,
                        host + " answered " + what + " with malformed JSON");
            }
        }

        /** The {@code rel="next"} target of an RFC 8288 {@code Link} header (GitHub, GitLab, Gitea), if any. */
        public Optional<URI> nextLink() {
            for (String value : headers.getOrDefault("Link", List.of())) {
                Matcher m = LINK.matcher(value);
                while (m.find()) {
                    if (m.group(2).matches("(?i).*\\bnext\\b.*")) {
                        return Optional.of(URI.create(m.group(1)));
                    }
                }
            }
            return Optional.empty();
        }
    }

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]*)\"?");
    private static final int MAX_BODY = 32 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;
    private static final int TRANSIENT_RETRIES = 2;
    private static final int RATE_LIMIT_RETRIES = 3;
    // conditional requests save rate limit, not memory: bound the cached bodies' total size (a page of 100
    // repositories is about 600 KB of JSON), evicting the least recently used
    private static final long CACHE_CHARS = 48L * 1024 * 1024;

    private final OutboundPolicy policy;
    private final Clock clock;
    private final Duration maxRateLimitWait;
    private final Sleeper sleeper;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final LinkedHashMap<String, Cached> etags = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedChars;

    private record Cached(String etag, Response response) {
    }

    public ProviderHttp(OutboundPolicy policy, Clock clock, Duration maxRateLimitWait, Sleeper sleeper,
            Duration connectTimeout, Duration readTimeout) {
        this.policy = policy;
        this.clock = clock;
        this.maxRateLimitWait = maxRateLimitWait;
        this.sleeper = sleeper;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** With real sleeps, 10 s to connect and 30 s to read. */
    public ProviderHttp(OutboundPolicy policy, Clock clock, Duration maxRateLimitWait) {
        this(policy, clock, maxRateLimitWait, d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    public Clock clock() {
        return clock;
    }

    /**
     * GETs {@code uri} with these request headers (authorization included). Answers every status the host gives
     * except rate limits and transient failures, which are handled as the class says; the caller maps the rest.
     *
     * @throws ProviderException RATE_LIMITED, UNAVAILABLE (network, 5xx after retries), REFUSED (policy)
     */
    public Response get(URI uri, Map<String, String> headers) throws ProviderException {
        String key = cacheKey(uri, headers);
        int rateLimited = 0;
        int transientFailures = 0;
        while (true) {
            Cached cached = cached(key);
            Response r;
            try {
                r = follow(uri, headers, cached == null ? null : cached.etag());
            } catch (OutboundPolicy.RefusedException e) {
                throw new ProviderException(ProviderException.Kind.REFUSED, e.getMessage());
            } catch (java.net.UnknownHostException e) {
                // a name that does not resolve now will not in two seconds either: say so at once
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "could not reach " + uri.getHost()
                        + ": the host name does not resolve");
            } catch (IOException e) {
                if (transientFailures++ < TRANSIENT_RETRIES) {
                    pause(Duration.ofSeconds(transientFailures));
                    continue;
                }
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "could not reach " + uri.getHost()
                        + ": " + describe(e));
            }
            if (r.status() == 304 && cached != null) {
                return new Response(200, cached.response().headers(), cached.response().body(), true);
            }
            Optional<Instant> limitedUntil = rateLimitedUntil(r);
            if (limitedUntil.isPresent()) {
                Instant until = limitedUntil.get();
                Duration wait = Duration.between(clock.instant(), until);
                if (wait.isNegative()) {
                    wait = Duration.ofSeconds(1);
                }
                if (rateLimited++ < RATE_LIMIT_RETRIES && wait.compareTo(maxRateLimitWait) <= 0) {
                    pause(wait);
                    continue;
                }
                throw ProviderException.rateLimited(uri.getHost(), until, clock.getZone());
            }
            if (r.status() >= 500) {
                if (transientFailures++ < TRANSIENT_RETRIES) {
                    pause(Duration.ofSeconds(transientFailures));
                    continue;
                }
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, uri.getHost() + " answered "
                        + r.status() + " for " + uri.getPath());
            }
            if (r.ok()) {
                r.header("ETag").ifPresent(etag -> cache(key, new Cached(etag, r)));
            }
            return r;
        }
    }

    private @Nullable Cached cached(String key) {
        synchronized (etags) {
            return etags.get(key);
        }
    }

    private void cache(String key, Cached entry) {
        if (entry.response().body().length() > CACHE_CHARS / 4) {
            return;
        }
        synchronized (etags) {
            Cached old = etags.put(key, entry);
            cachedChars += entry.response().body().length() - (old == null ? 0 : old.response().body().length());
            var eldest = etags.entrySet().iterator();
            while (cachedChars > CACHE_CHARS && eldest.hasNext()) {
                cachedChars -= eldest.next().getValue().response().body().length();
                eldest.remove();
            }
        }
    }

    /**
     * Maps an unsuccessful answer to the exception a provider raises: 401 UNAUTHORIZED, 403 FORBIDDEN, 404/410
     * NOT_FOUND, anything else MALFORMED. The host's own {@code message} (JSON) is quoted when there is one.
     */
    public static ProviderException failure(Response r, String host, String what) {
        String said = hostMessage(r).map(m -> ": " + m).orElse("");
        return switch (r.status()) {
            case 401 -> new ProviderException(ProviderException.Kind.UNAUTHORIZED,
                    host + " rejected the token (401)" + said);
            case 403 -> new ProviderException(ProviderException.Kind.FORBIDDEN,
                    host + " refused " + what + " (403)" + said);
            case 404, 410 -> new ProviderException(ProviderException.Kind.NOT_FOUND,
                    host + " has no " + what + " for this token (" + r.status() + ")" + said);
            default -> new ProviderException(ProviderException.Kind.MALFORMED,
                    host + " answered " + r.status() + " for " + what + said);
        };
    }

    /** The host's explanation in a JSON error body ({@code message}, {@code error}, {@code error_description}). */
    public static Optional<String> hostMessage(Response r) {
        try {
            JsonNode n = MAPPER.readTree(r.body());
            for (String field : List.of("message", "error_description", "error")) {
                JsonNode v = n.get(field);
                if (v != null && v.isObject()) {
                    // Bitbucket's {"error": {"message": ...}}, GitLab's {"message": {"error": ...}}
                    v = v.get("message") != null ? v.get("message") : v.get("error");
                }
                if (v != null && v.isString() && !v.asString().isBlank()) {
                    String s = v.asString().strip().replaceAll("[\\p{Cntrl}]", " ");
                    return Optional.of(s.length() > 200 ? s.substring(0, 200) + "…" : s);
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // not JSON: say nothing rather than echo an HTML page
        }
        return Optional.empty();
    }

    /** When a 403/429 answer's rate limit lifts, if it is one. */
    Optional<Instant> rateLimitedUntil(Response r) {
        if (r.status() != 429 && r.status() != 403) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Instant> retryAfter = r.header("Retry-After").flatMap(v -> retryAfter(v, now));
        Optional<String> remaining = r.header("X-RateLimit-Remaining").or(() -> r.header("RateLimit-Remaining"));
        Optional<Instant> reset = r.header("X-RateLimit-Reset").or(() -> r.header("RateLimit-Reset"))
                .flatMap(v -> epochOrDelta(v, now));
        boolean exhausted = remaining.map(v -> v.trim().equals("0")).orElse(false);
        boolean secondary = r.status() == 403 && r.body().toLowerCase(Locale.ROOT).contains("rate limit");
        if (r.status() == 429 || retryAfter.isPresent() || exhausted || secondary) {
            return Optional.of(retryAfter.or(() -> reset).orElse(now.plusSeconds(60)));
        }
        return Optional.empty();
    }

    private static Optional<Instant> retryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(v)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Epoch seconds (GitHub, GitLab) or, for small numbers, seconds from now (the IETF draft's RateLimit-Reset). */
    private static Optional<Instant> epochOrDelta(String value, Instant now) {
        String v = value.trim();
        if (!v.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(v);
        return Optional.of(n > 1_000_000_000L ? Instant.ofEpochSecond(n) : now.plusSeconds(n));
    }

    private Response follow(URI start, Map<String, String> headers, @Nullable String etag) throws IOException {
        URI uri = start;
        Map<String, String> sent = headers;
        for (int hop = 0; ; hop++) {
            HttpURLConnection c = policy.open(uri);
            try {
                c.setConnectTimeout((int) connectTimeout.toMillis());
                c.setReadTimeout((int) readTimeout.toMillis());
                c.setRequestProperty("User-Agent", "commitstats");
                c.setRequestProperty("Accept-Encoding", "identity");
                sent.forEach(c::setRequestProperty);
                if (etag != null && hop == 0) {
                    c.setRequestProperty("If-None-Match", etag);
                }
                int status = c.getResponseCode();
                Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                c.getHeaderFields().forEach((name, values) -> {
                    if (name != null) {
                        h.put(name, List.copyOf(values));
                    }
                });
                if (status >= 300 && status < 400 && status != 304 && h.containsKey("Location")) {
                    if (hop >= MAX_REDIRECTS) {
                        throw new IOException("too many redirects");
                    }
                    URI next = uri.resolve(h.get("Location").get(0));
                    if (!sameOrigin(uri, next)) {
                        sent = withoutCredentials(sent);
                    }
                    uri = next;
                    continue;
                }
                String body = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
                return new Response(status, Collections.unmodifiableMap(h), body, false);
            } finally {
                c.disconnect();
            }
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()));
    }

    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase("Authorization") || k.equalsIgnoreCase("PRIVATE-TOKEN"));
        return copy;
    }

    private static String read(@Nullable InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    throw new IOException("answer larger than " + MAX_BODY / (1024 * 1024) + " MiB");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private void pause(Duration d) throws ProviderException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "interrupted");
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return m == null || m.isBlank() ? kind : kind + " (" + m.replaceAll("[\\p{Cntrl}]", " ") + ")";
    }

    /** The URL and a digest of the request headers: one token's cached answer is never served to another. */
    private static String cacheKey(URI uri, Map<String, String> headers) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(headers).forEach((k, v) -> {
                d.update(k.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(v.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            });
            return uri + "\n" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
