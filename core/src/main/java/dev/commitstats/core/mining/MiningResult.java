package dev.commitstats.core.mining;

import java.util.List;

/**
 * The outcome of one mining run.
 *
 * @param tips          the commit ids the walk started from, in the order of the revisions
 * @param mined         commits mined and delivered to the sink
 * @param skipped       matching commits skipped because the caller had them already
 * @param walked        non-merge commits reachable from the tips (before author and date filtering)
 */
public record MiningResult(List<String> tips, int mined, int skipped, int walked) {
    public MiningResult {
        tips = List.copyOf(tips);
    }
}
