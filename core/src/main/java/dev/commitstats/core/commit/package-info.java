/**
 * Classifies a commit message by its <a href="https://www.conventionalcommits.org/en/v1.0.0/">Conventional
 * Commits</a> type ({@link dev.commitstats.core.commit.CommitType}) and whether it declares a breaking change.
 *
 * <p>Only the derived {@link dev.commitstats.core.commit.CommitKind} leaves this package; the message itself is
 * never stored. Parsing is a hand-written, linear-time scanner (no regular expressions), so it is safe on messages
 * of any size and content.
 */
@NullMarked
package dev.commitstats.core.commit;

import org.jspecify.annotations.NullMarked;
