package dev.commitstats.cv;

import java.time.Duration;

import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How CVs are served, {@code commitstats.cv.*} (environment {@code COMMITSTATS_CV_*}); the README lists them.
 *
 * @param snapshotMaxAge how old a CV snapshot may get before the next read rebuilds it: key metrics and streaks move
 *                       with the calendar even when nothing is collected
 * @param renderingsMaxSize how much memory each instance gives to rendered CVs (JSON, pages, cards) kept per
 *                       snapshot, least recently used out first
 */
@ConfigurationProperties("commitstats.cv")
public record CvSettings(@DefaultValue("1h") Duration snapshotMaxAge,
        @DefaultValue("64MB") DataSize renderingsMaxSize) {

    public CvSettings {
        if (snapshotMaxAge.toSeconds() < 1) {
            throw new IllegalArgumentException("commitstats.cv.snapshot-max-age must be at least 1s");
        }
        if (renderingsMaxSize.isNegative()) {
            throw new IllegalArgumentException("commitstats.cv.renderings-max-size must not be negative");
        }
    }

    /** The defaults. */
    public static CvSettings defaults() {
        return new CvSettings(Duration.ofHours(1), DataSize.ofMegabytes(64));
    }
}
