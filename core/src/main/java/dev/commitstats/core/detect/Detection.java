package dev.commitstats.core.detect;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One tool or package introduced by a commit.
 *
 * @param kind      what was found
 * @param ecosystem {@code null} except for {@link DetectionKind#PACKAGE}: {@code "maven"}, {@code "npm"},
 *                  {@code "pypi"}, {@code "go"} or {@code "cargo"}
 * @param name      for a package its coordinate ({@code group:artifact}, npm name, PEP 503-normalised PyPI name, Go
 *                  module path, crate name); for a tool the repository path of the file that introduced it
 */
public record Detection(DetectionKind kind, @Nullable String ecosystem, String name) {

    /**
     * Validates the components.
     *
     * @param kind      what was found
     * @param ecosystem the package ecosystem, {@code null} for tools
     * @param name      the coordinate or path
     * @throws NullPointerException     if {@code kind} or {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code ecosystem} is present for a tool or missing for a package
     */
    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == DetectionKind.PACKAGE) != (ecosystem != null)) {
            throw new IllegalArgumentException("ecosystem must be set exactly for PACKAGE detections: " + kind);
        }
    }
}
