package dev.commitstats.cv;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How CVs are served, {@code commitstats.cv.*} (environment {@code COMMITSTATS_CV_*}); the README lists them.
 *
 * @param snapshotMaxAge how old a CV snapshot may get before the next read rebuilds it: key metrics and streaks move
 *                       with the calendar even when nothing is collected
 */
@ConfigurationProperties("commitstats.cv")
public record CvSettings(@DefaultValue("1h") Duration snapshotMaxAge) {

    public CvSettings {
        if (snapshotMaxAge.toSeconds() < 1) {
            throw new IllegalArgumentException("commitstats.cv.snapshot-max-age must be at least 1s");
        }
    }

    /** The defaults. */
    public static CvSettings defaults() {
        return new CvSettings(Duration.ofHours(1));
    }
}
