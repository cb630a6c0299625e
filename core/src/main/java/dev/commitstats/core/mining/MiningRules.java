package dev.commitstats.core.mining;

/**
 * The version of the counting rules: what a commit's fact says for given repository contents (line counting,
 * classification data, exclusion buckets, rename and copy detection, detectors, commit types, which commits are an
 * author's). Stored facts mined under another version are mined again, so that every number of a user follows one
 * set of rules.
 *
 * <p>Raise {@link #VERSION} with any change that makes the same commit produce a different {@link CommitFact}, or
 * that changes which commits are mined for the same authors.
 *
 * <p>A repository's {@code .mailmap} is part of its contents, not of the rules: when a new commit changes it, the
 * commits it newly attributes to an author are simply new to a caller that has stored the others, and are mined as
 * such. Facts already stored keep the email they were mined under (see {@link CommitFact#authorEmail()}), including
 * those of commits that a mapping since removed would no longer attribute to the author.
 */
public final class MiningRules {

    /**
     * 1: renames as moved lines; 2: copies as moved lines too (git's {@code -C50%}); 3: commit types inferred from the
     * wording of messages that declare none ("Fix NPE in parser" is a fix, not {@code other}), marked as inferred;
     * 4: a commit is also an author's when the repository's {@code .mailmap} (at HEAD) maps its author to one of
     * their emails, and its fact then records that email.
     */
    public static final int VERSION = 4;

    private MiningRules() {
    }
}
