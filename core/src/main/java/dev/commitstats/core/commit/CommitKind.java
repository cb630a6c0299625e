package dev.commitstats.core.commit;

import java.util.Objects;

/**
 * What a commit message says about the commit: its conventional type and whether it declares a breaking change.
 *
 * @param type     the conventional type, {@link CommitType#OTHER} when the message is not a conventional commit
 * @param breaking {@code true} when the header carries {@code !} before the colon or the message has a
 *                 {@code BREAKING CHANGE:} / {@code BREAKING-CHANGE:} footer line
 */
public record CommitKind(CommitType type, boolean breaking) {

    /**
     * Validates the components.
     *
     * @param type     the conventional type
     * @param breaking whether the commit declares a breaking change
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public CommitKind {
        Objects.requireNonNull(type, "type");
    }
}
