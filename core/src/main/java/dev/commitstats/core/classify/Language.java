package dev.commitstats.core.classify;

import org.jspecify.annotations.Nullable;

/**
 * One language of Linguist's languages.yml (only the fields the classifier uses).
 *
 * @param name             Linguist name
 * @param type             programming, markup, data or prose
 * @param primaryExtension first listed extension (lower case), or null
 * @param popularity       index in popular.yml, or {@link Integer#MAX_VALUE} when not popular
 */
record Language(String name, String type, @Nullable String primaryExtension, int popularity) {

    boolean isProse() {
        return "prose".equals(type);
    }
}
