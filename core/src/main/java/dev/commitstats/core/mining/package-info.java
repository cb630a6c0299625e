/**
 * Mining a git repository into {@link dev.commitstats.core.mining.CommitFact}s: the commit walk, the per-file line
 * counts (git-exact), the honest accounting into languages and exclusion buckets, and totals over many facts.
 */
package dev.commitstats.core.mining;
