package dev.commitstats.core.mining;

/**
 * The version of the counting rules: what a commit's fact says for given repository contents (line counting,
 * classification data, exclusion buckets, rename and copy detection, detectors, commit types). Stored facts mined under
 * another version are mined again, so that every number of a user follows one set of rules.
 *
 * <p>Raise {@link #VERSION} with any change that makes the same commit produce a different {@link CommitFact}.
 */
public final class MiningRules {

    /**
     * 1: renames as moved lines; 2: copies as moved lines too (git's {@code -C50%}); 3: commit types inferred from the
     * wording of messages that declare none ("Fix NPE in parser" is a fix, not {@code other}), marked as inferred.
     */
    public static final int VERSION = 3;

    private MiningRules() {
    }
}
