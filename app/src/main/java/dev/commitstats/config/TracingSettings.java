package dev.commitstats.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tracing of the server, {@code commitstats.tracing.*} (environment {@code COMMITSTATS_TRACING_*}); the README's
 * "Tracing" says what is traced. Off unless an endpoint is set: then no span is sampled and no exporter exists.
 *
 * @param endpoint            where spans are sent, OTLP over HTTP (protobuf), e.g.
 *                            {@code http://collector:4318/v1/traces}; empty (the default) turns tracing off
 * @param samplingProbability the share of traces recorded when tracing is on, 0 to 1; a span whose parent (an incoming
 *                            {@code traceparent}) says sampled or not follows its parent
 * @param headers             headers sent with every export, e.g. an {@code Authorization} for a hosted collector
 */
@ConfigurationProperties("commitstats.tracing")
public record TracingSettings(
        @DefaultValue("") String endpoint,
        @DefaultValue("1.0") double samplingProbability,
        Map<String, String> headers) {

    public TracingSettings {
        endpoint = endpoint.strip();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (!(samplingProbability >= 0 && samplingProbability <= 1)) {
            throw new IllegalArgumentException("commitstats.tracing.sampling-probability must be between 0 and 1, not "
                    + samplingProbability);
        }
        if (!endpoint.isEmpty()) {
            URI uri;
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("commitstats.tracing.endpoint is not a URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("commitstats.tracing.endpoint must be an http:// or https:// URL "
                        + "such as http://collector:4318/v1/traces");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("commitstats.tracing.endpoint must not hold credentials: put them "
                        + "in commitstats.tracing.headers (e.g. COMMITSTATS_TRACING_HEADERS_AUTHORIZATION)");
            }
        }
    }

    /** Tracing off, as by default. */
    public static TracingSettings defaults() {
        return new TracingSettings("", 1.0, Map.of());
    }

    /** Whether spans are recorded and exported: an endpoint is set and the probability is above 0. */
    public boolean enabled() {
        return !endpoint.isEmpty() && samplingProbability > 0;
    }

    /** The endpoint's scheme, host and port, for a log line (the path may hold a tenant's id). */
    public String endpointOrigin() {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
