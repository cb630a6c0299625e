/**
 * Line-counting diff that reproduces the added/deleted counts of {@code git diff --numstat}
 * (git's xdiff, default Myers algorithm, no whitespace options) exactly, without producing an edit script.
 *
 * <p>Entry point: {@link dev.commitstats.core.diff.LineDiffCounter}. The xdiff pipeline it mirrors is
 * {@code xdl_prepare_env} (line classes, prefix/suffix trimming, discarding of unmatched and
 * "multimatch" lines) followed by {@code xdl_recs_cmp}/{@code xdl_split} (Myers with git's cost
 * heuristics) on the surviving lines; see {@code XdiffMyers}.
 */
@NullMarked
package dev.commitstats.core.diff;

import org.jspecify.annotations.NullMarked;
