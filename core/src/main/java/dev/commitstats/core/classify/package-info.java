/**
 * Classification of changed files: which language a path is written in, and whether it is
 * vendored, generated or documentation.
 *
 * <p>The data comes from GitHub Linguist's maintained data set ({@code languages.yml},
 * {@code vendor.yml}, {@code documentation.yml}, {@code heuristics.yml}, {@code popular.yml}),
 * bundled as resources under {@code dev/commitstats/core/classify/linguist/} (MIT licence, see
 * the {@code NOTICE} file there). Linguist's "generated" rules, which live in Ruby code
 * ({@code lib/linguist/generated.rb}), are re-implemented in Java.
 *
 * <p>Entry point: {@link dev.commitstats.core.classify.FileClassifier#standard()}. Everything
 * public here is immutable and thread-safe.
 */
@NullMarked
package dev.commitstats.core.classify;

import org.jspecify.annotations.NullMarked;
