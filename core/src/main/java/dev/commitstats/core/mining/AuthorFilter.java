package dev.commitstats.core.mining;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which commits are the user's, and the email their facts record. Without {@link MiningOptions#authorEmails()},
 * everyone's, each under its email as written. With them, a commit is the user's when its author email is one of
 * them, or when the repository's {@link Mailmap} maps its author (name and email) to one of them: a commit made under
 * an old address that the repository attributes to the user is theirs.
 *
 * <p>The second rule alone is what {@code git log --use-mailmap --author=...} selects (and plain {@code git log
 * --author=...} since git 2.23, whose {@code log.mailmap} defaults to true); the first is kept besides it so that a
 * {@code .mailmap} that maps one of the user's own addresses elsewhere does not take their commits away. A
 * kept commit records the email it was kept for: its own when that one matches, else the mapped one, so that a
 * caller who later selects facts by the user's emails finds it.
 *
 * <p>Immutable and thread-safe: one instance serves the walk and every worker of a mining run.
 */
final class AuthorFilter {

    private static final AuthorFilter EVERYONE = new AuthorFilter(MiningOptions.defaults(), Mailmap.EMPTY);

    private final MiningOptions options;
    private final Mailmap mailmap;

    private AuthorFilter(MiningOptions options, Mailmap mailmap) {
        this.options = options;
        this.mailmap = mailmap;
    }

    /** Keeps the commits of {@code options}' authors, and those that {@code mailmap} maps to them. */
    static AuthorFilter of(MiningOptions options, Mailmap mailmap) {
        return new AuthorFilter(options, mailmap);
    }

    /** Every author, under the email as written. */
    static AuthorFilter everyone() {
        return EVERYONE;
    }

    /**
     * The email to record for a commit whose author is {@code name <email>}: {@code email} when it is one of the
     * authors' (or every author is kept), the mailmap's email for it when that one is, and null when the commit is
     * not kept.
     */
    @Nullable String keptEmail(String name, String email) {
        if (options.keepsAuthor(email)) {
            return email;
        }
        if (mailmap.isEmpty()) {
            return null; // most repositories: no second lookup
        }
        String mapped = mailmap.mappedEmail(name, email);
        return mapped != null && options.authorEmails().contains(mapped.toLowerCase(Locale.ROOT)) ? mapped : null;
    }
}
