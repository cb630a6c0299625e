package dev.commitstats.web;

import java.util.List;
import java.util.Optional;

/**
 * A published CV to show on the home page as an example, from the feature that keeps CVs (the {@code cv} module
 * implements it; {@code web} knows nothing of CVs).
 */
public interface HomeSample {

    /**
     * The sample.
     *
     * @param displayName whose CV it is
     * @param path        its page, e.g. {@code /cv/ada}
     * @param cardPath    its SVG card, e.g. {@code /cv/ada/card.svg}
     * @param commits     its commits
     * @param additions   lines written (honest count)
     * @param activeDays  commit days
     * @param languages   its top languages
     */
    record Sample(String displayName, String path, String cardPath, long commits, long additions, long activeDays,
            List<String> languages) {

        public Sample {
            languages = List.copyOf(languages);
        }
    }

    /** A published CV with the most commits, or empty when none is published. */
    Optional<Sample> sample();
}
