/**
 * Classifies a commit message by its <a href="https://www.conventionalcommits.org/en/v1.0.0/">Conventional
 * Commits</a> type ({@link dev.commitstats.core.commit.CommitType}), declared or inferred from the subject's wording,
 * and whether it declares a breaking change.
 *
 * <p>Only the derived {@link dev.commitstats.core.commit.CommitKind} leaves this package; the message itself is
 * never stored. The header is read by a hand-written, linear-time scanner, and inference runs its regular expressions
 * on at most the first 200 characters of the subject, so parsing is safe on messages of any size and content.
 */
@NullMarked
package dev.commitstats.core.commit;

import org.jspecify.annotations.NullMarked;
