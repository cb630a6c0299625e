package dev.commitstats.core.mining;

import java.util.Locale;

/**
 * Where changed lines go when they are not counted as written. Every changed line of a commit lands in exactly one
 * language or exactly one of these buckets; binary files count files, not lines.
 */
public enum ExclusionBucket {
    /** Third-party code kept in the repository (vendor/, node_modules/, ...). */
    VENDORED,
    /** Lock files, minified files, protobuf output, files with a "generated" header. */
    GENERATED,
    /**
     * Lines that only moved: with a renamed file (both sides), or into an added file that copies a file the same
     * commit modifies or deletes (additions only; the copy's other lines count as written). Git's rename and copy
     * detection at 50% similarity ({@code -M50% -C50%}), renames first.
     */
    MOVED,
    /** A single file change over the bulk threshold (an imported data file, a dump). */
    BULK,
    /** Binary files: git counts no lines for them; the bucket counts files. */
    BINARY;

    /** The name used in JSON, CSV and the database. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExclusionBucket fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
