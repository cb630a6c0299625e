/**
 * The framework-free mining engine: reads a git repository and turns each commit into a {@code CommitFact}
 * (numbers only, never code or messages). No Spring, no SQL.
 */
@NullMarked
package dev.commitstats.core;

import org.jspecify.annotations.NullMarked;
