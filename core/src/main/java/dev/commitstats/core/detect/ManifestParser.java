package dev.commitstats.core.detect;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Reads the set of declared dependency names out of one manifest format. */
@FunctionalInterface
interface ManifestParser {

    /**
     * @param content the raw file content, never {@code null}
     * @return the dependency names in order of appearance (an empty set when there are none), or {@code null} when
     *         the content is malformed. May throw a {@link RuntimeException} on malformed content too; the caller
     *         treats both the same.
     */
    @Nullable Set<String> dependencies(byte[] content);
}
