package dev.commitstats.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLException;

import dev.commitstats.collection.PushedFacts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a Commit Stats server for {@code commitstats push}: asks which commits of a label it has, and sends
 * batches of facts, with the API key as a bearer token. Turns every way a call can fail into one sentence that says
 * what to do: a wrong key, a key without the {@code push} scope, a server that is down or unknown, a TLS problem, the
 * server's own reason for refusing a batch. Not thread-safe.
 */
final class FactsClient {

    static final String KEY_HINT = "create one with `commitstats api-keys create --scopes push`";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int BUSY_RETRIES = 3;

    private final HttpClient http;
    private final URI base;
    private final String apiKey;

    FactsClient(URI base, String apiKey) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = base;
        this.apiKey = apiKey;
    }

    /**
     * The server's base URL: {@code https://host[:port][/path]}, or {@code http://} to this machine only (elsewhere the
     * API key would cross the network in clear).
     *
     * @throws UserFacingException saying what is wrong with it
     */
    static URI serverUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new UserFacingException("--server: not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getUserInfo() != null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new UserFacingException("--server: give the server's address, e.g. https://stats.example.com (not "
                    + text + ")");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new UserFacingException("--server: use https:// for " + uri.getHost()
                    + " (over http the API key would cross the network in clear)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** What the server has of the label. */
    PushedFacts.Known known(String label) {
        return JSON.readValue(post("/api/v1/facts/known", JSON.writeValueAsString(Map.of("repository", label))),
                PushedFacts.Known.class);
    }

    /** Sends one batch; the server stores it whole or not at all. */
    PushedFacts.Stored send(PushedFacts.Batch batch) {
        return JSON.readValue(post("/api/v1/facts", JSON.writeValueAsString(batch)), PushedFacts.Stored.class);
    }

    private String post(String path, String body) {
        URI uri = URI.create(base + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = exchange(request);
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if ((status == 409 || status == 503) && attempt < BUSY_RETRIES) {
                pause(attempt); // another push of the same label, or a busy database: both pass
                continue;
            }
            throw refused(status, detail(response.body()));
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        String server = base.toString();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new UserFacingException("cannot reach the server at " + server + ": no answer within 15 s");
        } catch (HttpTimeoutException e) {
            throw new UserFacingException("the server at " + server + " did not answer in time; run push again to "
                    + "send the rest (what it stored stays)");
        } catch (SSLException e) {
            throw new UserFacingException("TLS problem with " + server + ": " + e.getMessage()
                    + " (is its certificate valid and trusted by this Java? is it really https on that port?)", e);
        } catch (ConnectException e) {
            if (causedBy(e, UnresolvedAddressException.class)) {
                throw new UserFacingException("cannot reach the server: unknown host " + base.getHost(), e);
            }
            throw new UserFacingException("cannot reach the server at " + server + ": connection refused (is it "
                    + "running, and is the address right?)", e);
        } catch (IOException e) {
            if (causedBy(e, SSLException.class)) {
                throw new UserFacingException("TLS problem with " + server + ": " + e.getMessage(), e);
            }
            throw new UserFacingException("the connection to " + server + " failed: " + e.getMessage()
                    + "; run push again to send the rest (what the server stored stays)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted; run push again to send the rest", e);
        }
    }

    private UserFacingException refused(int status, String detail) {
        return switch (status) {
            case 401 -> new UserFacingException("the server refused the API key: " + KEY_HINT);
            case 403 -> new UserFacingException("the server refused: " + (detail.isEmpty() ? "forbidden" : detail)
                    + " (" + KEY_HINT + ")");
            case 404 -> new UserFacingException("the server at " + base + " has no push API (HTTP 404): is it a "
                    + "Commit Stats server, and up to date?");
            default -> status >= 400 && status < 500
                    ? new UserFacingException("the server refused the facts (HTTP " + status + "): "
                            + (detail.isEmpty() ? "no reason given" : detail))
                    : new UserFacingException("the server failed (HTTP " + status + ")"
                            + (detail.isEmpty() ? "" : ": " + detail)
                            + "; run push again later to send the rest (what it stored stays)");
        };
    }

    /** The {@code detail} of a problem document, or nothing. */
    private static String detail(String body) {
        try {
            var node = JSON.readTree(body);
            return node != null && node.path("detail").isString() ? node.path("detail").asString() : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(1000L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted; run push again to send the rest", e);
        }
    }
}
