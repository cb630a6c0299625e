package dev.commitstats.collection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of {@code POST /api/v1/facts}, {@code commitstats.push.*} (environment {@code COMMITSTATS_PUSH_*}); the README
 * lists them.
 *
 * @param maxFacts the most commit facts one request may carry ({@code commitstats push} sends batches of at most this
 *                 many, as the server's answer to an oversized batch says)
 * @param maxBody  the largest request body read
 */
@ConfigurationProperties("commitstats.push")
public record PushSettings(@DefaultValue("1000") int maxFacts, @DefaultValue("16MB") DataSize maxBody) {

    public PushSettings {
        if (maxFacts < 1 || maxFacts > 100_000) {
            throw new IllegalArgumentException("commitstats.push.max-facts must be between 1 and 100000, not "
                    + maxFacts);
        }
        if (maxBody.toBytes() < 1024 || maxBody.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("commitstats.push.max-body must be between 1KB and 2GB");
        }
    }

    /** The defaults. */
    public static PushSettings defaults() {
        return new PushSettings(1000, DataSize.ofMegabytes(16));
    }
}
