package dev.commitstats.core.commit;

import java.util.Objects;

/**
 * What a commit message says about the commit: its type, whether the type was declared or inferred, and whether it
 * declares a breaking change.
 *
 * @param type     the type: declared by a Conventional Commits header, or else inferred from the subject's wording
 *                 (see {@link ConventionalCommits}); {@link CommitType#OTHER} when neither applies
 * @param breaking {@code true} when the header carries {@code !} before the colon or the message has a
 *                 {@code BREAKING CHANGE:} / {@code BREAKING-CHANGE:} footer line
 * @param inferred {@code true} when the type was inferred from a message that declares none (e.g. "Fix NPE in
 *                 parser" read as a {@link CommitType#FIX}); never true for {@link CommitType#OTHER}, and false for a
 *                 declared type
 */
public record CommitKind(CommitType type, boolean breaking, boolean inferred) {

    /**
     * Validates the components.
     *
     * @param type     the type
     * @param breaking whether the commit declares a breaking change
     * @param inferred whether the type was inferred rather than declared
     * @throws NullPointerException     if {@code type} is {@code null}
     * @throws IllegalArgumentException if {@code inferred} is set for {@link CommitType#OTHER}: nothing was inferred
     */
    public CommitKind {
        Objects.requireNonNull(type, "type");
        if (inferred && type == CommitType.OTHER) {
            throw new IllegalArgumentException("an inferred type cannot be OTHER");
        }
    }

    /**
     * A declared type (or {@link CommitType#OTHER}): the same as {@code new CommitKind(type, breaking, false)}.
     *
     * @param type     the type
     * @param breaking whether the commit declares a breaking change
     */
    public CommitKind(CommitType type, boolean breaking) {
        this(type, breaking, false);
    }
}
