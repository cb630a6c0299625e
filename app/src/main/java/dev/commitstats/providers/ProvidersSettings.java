package dev.commitstats.providers;

import dev.commitstats.config.OutboundPolicy;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commitstats.providers.*}: how the server talks to git hosts.
 *
 * @param allowedHosts     {@code host} or {@code host:port} entries an admin allows although they resolve to internal
 *                         addresses (a self-managed GitLab on the company network); they may also use plain http.
 *                         Environment: {@code COMMITSTATS_PROVIDERS_ALLOWED_HOSTS=git.corp,10.0.0.5:8443}
 * @param maxRateLimitWait a rate limit that lifts within this time is waited out; a longer one fails the call with
 *                         "rate limited until ..." and the work is rescheduled
 */
@ConfigurationProperties("commitstats.providers")
public record ProvidersSettings(@DefaultValue("") List<String> allowedHosts,
        @DefaultValue("60s") Duration maxRateLimitWait) {

    public ProvidersSettings {
        allowedHosts = List.copyOf(allowedHosts);
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("commitstats.providers.max-rate-limit-wait must not be negative");
        }
    }

    /** The outbound policy these settings describe. */
    public OutboundPolicy outboundPolicy() {
        return OutboundPolicy.allowing(allowedHosts);
    }
}
