package dev.commitstats.core.classify;

import java.util.Objects;

/**
 * The classification of one file.
 *
 * @param language  the Linguist language name (e.g. {@code "Java"}, {@code "C++"}), the pseudo
 *                  language {@code "Documentation"} for documentation paths and prose languages,
 *                  or {@code "Other"} when nothing is known; never null
 * @param exclusion whether the file is excluded from language statistics; never null
 */
public record FileClass(String language, Exclusion exclusion) {

    /** Pseudo language of documentation files (documentation.yml paths and prose languages). */
    public static final String DOCUMENTATION = "Documentation";

    /** Pseudo language of files nothing is known about. */
    public static final String OTHER = "Other";

    /**
     * Canonical constructor.
     *
     * @throws NullPointerException if an argument is null
     */
    public FileClass {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(exclusion, "exclusion");
    }
}
