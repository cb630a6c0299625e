/**
 * Mining a git repository into {@link dev.commitstats.core.mining.CommitFact}s: the commit walk and whose commits it
 * keeps (the authors' emails and the repository's {@code .mailmap}), the per-file line counts (git-exact), the honest
 * accounting into languages and exclusion buckets, and totals over many facts.
 *
 * <p>Owns the mining threads' contract: {@link dev.commitstats.core.mining.RepositoryMiner} mines on an executor the
 * caller supplies ({@link dev.commitstats.core.mining.MiningWorkers#pool(int)}), and the process sizes JGit's global
 * caches once at start-up ({@link dev.commitstats.core.mining.GitCaches#install()}).
 */
@NullMarked
package dev.commitstats.core.mining;

import org.jspecify.annotations.NullMarked;
