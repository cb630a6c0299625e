package dev.commitstats.core.commit;

import java.util.Locale;

/**
 * The Conventional Commits type of a commit, after alias resolution (see {@link ConventionalCommits} for the
 * accepted spellings). {@link #OTHER} covers every message that is not a recognised conventional commit.
 */
public enum CommitType {
    /** A new feature ({@code feat}, {@code feature}). */
    FEAT,
    /** A bug fix ({@code fix}, {@code bugfix}, {@code hotfix}). */
    FIX,
    /** A code change that neither fixes a bug nor adds a feature ({@code refactor}, {@code refactoring}). */
    REFACTOR,
    /** A performance improvement ({@code perf}, {@code performance}). */
    PERF,
    /** Adding or correcting tests ({@code test}, {@code tests}). */
    TEST,
    /** Documentation only ({@code docs}, {@code doc}). */
    DOCS,
    /** Formatting, white space and the like ({@code style}). */
    STYLE,
    /** Build system or external dependencies ({@code build}, {@code deps}). */
    BUILD,
    /** CI configuration ({@code ci}). */
    CI,
    /** Maintenance that touches neither sources nor tests ({@code chore}). */
    CHORE,
    /** Reverts an earlier commit ({@code revert}, or git's own {@code Revert "..."} header). */
    REVERT,
    /** Anything that is not a recognised conventional commit. */
    OTHER;

    private final String jsonName = name().toLowerCase(Locale.ROOT);

    /**
     * The lower-case name used in JSON output and storage, e.g. {@code "feat"} or {@code "other"}.
     *
     * @return the JSON name of this type, never {@code null}
     */
    public String jsonName() {
        return jsonName;
    }
}
