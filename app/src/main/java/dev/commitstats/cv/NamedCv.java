package dev.commitstats.cv;

import dev.commitstats.stats.Selection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One of a user's named CVs ({@code /cv/{login}/{name}}): a selection of their numbers shown as a CV of its own, one for
 * a backend role, one for infrastructure work. The default CV ({@code /cv/{login}}) is not one of these: it counts
 * everything and is published with the account.
 *
 * @param id           its id (the snapshot's {@code cv_id})
 * @param userId       its owner
 * @param name         its name, the last part of its address: a lowercase slug
 * @param title        what its page calls it, or null for the name
 * @param repositories the repositories it counts, by id; empty for every active one
 * @param hidden       repositories it leaves out
 * @param emails       the identities it counts; empty for all of the owner's
 * @param from         the first day it counts, or null
 * @param to           the last day it counts, or null
 * @param published    whether anyone may see it
 * @param createdAt    when it was created
 * @param updatedAt    when its definition last changed
 */
public record NamedCv(long id, long userId, String name, @Nullable String title, List<Long> repositories,
        List<Long> hidden, List<String> emails, @Nullable LocalDate from, @Nullable LocalDate to, boolean published,
        Instant createdAt, Instant updatedAt) {

    public NamedCv {
        repositories = List.copyOf(repositories);
        hidden = List.copyOf(hidden);
        emails = List.copyOf(emails);
    }

    /** What its numbers count. */
    public Selection selection() {
        return new Selection(repositories.isEmpty() ? null : Set.copyOf(repositories), Set.copyOf(hidden),
                emails.isEmpty() ? null : Set.copyOf(emails), from, to);
    }

    /** What its document says about it. */
    CvDocument.Named named() {
        return new CvDocument.Named(name, title, from, to);
    }
}
