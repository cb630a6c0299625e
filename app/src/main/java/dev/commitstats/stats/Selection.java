package dev.commitstats.stats;

import dev.commitstats.accounts.UserAccounts;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which of a user's numbers an aggregate counts: a narrowing of "every active repository, every identity, all time"
 * ({@link #ALL}, what the default CV shows). A named CV ("backend", "infrastructure") passes its own. Every aggregate
 * of {@link StatsQueries} and {@link RepositoryProfiles} follows it, so every total of such a CV is the total over its
 * selection. Immutable.
 *
 * @param repositories the repositories counted, by id, or null for every active one; an inactive or foreign id counts
 *                     nothing (switching a repository off takes it out of every CV)
 * @param hidden       repositories left out, by id
 * @param emails       the identities counted (normalized), or null for every identity of the user; an email that is
 *                     not (or no longer) one of theirs counts nothing
 * @param from         the first local day counted, or null for no bound
 * @param to           the last local day counted, or null for no bound; key-metric windows and streaks end on it when
 *                     it is before today
 */
public record Selection(@Nullable Set<Long> repositories, Set<Long> hidden, @Nullable Set<String> emails,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    /** Everything: the default CV's numbers. */
    public static final Selection ALL = new Selection(null, Set.of(), null, null, null);

    public Selection {
        repositories = repositories == null ? null : Set.copyOf(new TreeSet<>(repositories));
        hidden = Set.copyOf(hidden);
        if (emails != null) {
            Set<String> normalized = new LinkedHashSet<>();
            emails.forEach(e -> normalized.add(UserAccounts.normalizeEmail(e)));
            emails = Set.copyOf(normalized);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts on " + from + ", after its end " + to);
        }
    }

    /** Whether this is {@link #ALL}: the aggregates then run exactly the default CV's queries. */
    public boolean isAll() {
        return repositories == null && hidden.isEmpty() && emails == null && !hasPeriod();
    }

    /** Whether the days are bounded. */
    public boolean hasPeriod() {
        return from != null || to != null;
    }

    /** The repositories counted among the user's active ones, ascending. */
    List<Long> repositoriesAmong(List<Long> active) {
        return active.stream().filter(id -> (repositories == null || repositories.contains(id))
                && !hidden.contains(id)).toList();
    }

    /** The emails counted among the user's identities, in their order. */
    List<String> emailsAmong(List<String> identities) {
        return emails == null ? identities : identities.stream().filter(emails::contains).toList();
    }

    /** Whether a selection that counts these repositories counts this one. */
    public boolean counts(long repositoryId) {
        return (repositories == null || repositories.contains(repositoryId)) && !hidden.contains(repositoryId);
    }

    /** The first day counted as an epoch day; a bound far before any commit when open. */
    long fromDay() {
        return from == null ? Integer.MIN_VALUE : from.toEpochDay();
    }

    /** The last day counted as an epoch day; a bound far after any commit when open. */
    long toDay() {
        return to == null ? Integer.MAX_VALUE : to.toEpochDay();
    }
}
