/**
 * Detects the tools (Dockerfiles, Helm charts, Terraform modules, CI pipelines) and third-party packages
 * (Maven, npm, PyPI, Go, Cargo) that a commit introduces, from the files it changes.
 *
 * <p>{@link dev.commitstats.core.detect.Detectors} is the entry point; everything else in the package is a
 * package-private parser. The parsers are written for hostile input: they never throw out of
 * {@link dev.commitstats.core.detect.Detectors#detect}, run in linear time, cap nesting depth and never recurse on
 * input structure. Only derived names (coordinates, paths) leave the package, never file contents.
 */
@NullMarked
package dev.commitstats.core.detect;

import org.jspecify.annotations.NullMarked;
