package dev.commitstats.core.mining;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jgit.lib.AnyObjectId;
import org.jspecify.annotations.Nullable;

/**
 * What to mine.
 *
 * @param revisions     revisions whose history is walked (default {@code HEAD}); ignored with {@code allBranches}
 * @param allBranches   walk every branch ({@code refs/heads/*}) instead; with no branches, {@code HEAD}
 * @param authorEmails  author emails to keep, lower case; empty keeps everyone. A commit is also kept when the
 *                      repository's {@code .mailmap} maps its author to one of them
 * @param since         keep commits authored at or after this instant; null for no bound
 * @param until         keep commits authored at or before this instant; null for no bound
 * @param raw           no rename detection, no exclusions, no detectors: totals equal {@code git log --numstat}
 * @param threads       the most commits one {@code mine} call mines at once: the worker tasks it submits (the
 *                      executor they run on bounds the threads)
 * @param bulkThreshold a single file change with more changed lines than this goes to the bulk bucket
 * @param skips         paths and commits the repository's owner set aside (honest mode only; raw mode ignores them)
 */
public record MiningOptions(
        List<String> revisions,
        boolean allBranches,
        Set<String> authorEmails,
        @Nullable Instant since,
        @Nullable Instant until,
        boolean raw,
        int threads,
        int bulkThreshold,
        SkipRules skips) {

    public static final int DEFAULT_BULK_THRESHOLD = 2000;

    public MiningOptions {
        revisions = revisions == null || revisions.isEmpty() ? List.of("HEAD") : List.copyOf(revisions);
        authorEmails = authorEmails == null ? Set.of()
                : authorEmails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        skips = skips == null ? SkipRules.NONE : skips;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (bulkThreshold < 1) {
            throw new IllegalArgumentException("bulk threshold must be at least 1");
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
    }

    /** Options without skips. */
    public MiningOptions(List<String> revisions, boolean allBranches, Set<String> authorEmails, @Nullable Instant since,
            @Nullable Instant until, boolean raw, int threads, int bulkThreshold) {
        this(revisions, allBranches, authorEmails, since, until, raw, threads, bulkThreshold, SkipRules.NONE);
    }

    /** HEAD, everyone, honest mode, one thread per core. */
    public static MiningOptions defaults() {
        return new MiningOptions(List.of("HEAD"), false, Set.of(), null, null, false,
                Runtime.getRuntime().availableProcessors(), DEFAULT_BULK_THRESHOLD);
    }

    public MiningOptions withRevisions(List<String> revs) {
        return new MiningOptions(revs, false, authorEmails, since, until, raw, threads, bulkThreshold, skips);
    }

    public MiningOptions withAllBranches() {
        return new MiningOptions(revisions, true, authorEmails, since, until, raw, threads, bulkThreshold, skips);
    }

    public MiningOptions withAuthors(Set<String> emails) {
        return new MiningOptions(revisions, allBranches, emails, since, until, raw, threads, bulkThreshold, skips);
    }

    public MiningOptions withPeriod(@Nullable Instant from, @Nullable Instant to) {
        return new MiningOptions(revisions, allBranches, authorEmails, from, to, raw, threads, bulkThreshold, skips);
    }

    public MiningOptions withRaw(boolean rawMode) {
        return new MiningOptions(revisions, allBranches, authorEmails, since, until, rawMode, threads, bulkThreshold, skips);
    }

    public MiningOptions withThreads(int n) {
        return new MiningOptions(revisions, allBranches, authorEmails, since, until, raw, n, bulkThreshold, skips);
    }

    public MiningOptions withBulkThreshold(int lines) {
        return new MiningOptions(revisions, allBranches, authorEmails, since, until, raw, threads, lines, skips);
    }

    public MiningOptions withSkips(SkipRules rules) {
        return new MiningOptions(revisions, allBranches, authorEmails, since, until, raw, threads, bulkThreshold, rules);
    }

    /** Whether the commit is mined: not skipped by its owner, or raw mode, which ignores skips. */
    boolean keepsCommit(AnyObjectId id) {
        return raw || !skips.skipsCommit(id);
    }

    /**
     * True when a commit by this author email is kept whatever the repository's {@code .mailmap} says (a commit may
     * also be kept because the mailmap maps its author to one of {@link #authorEmails()}).
     */
    public boolean keepsAuthor(String email) {
        return authorEmails.isEmpty() || authorEmails.contains(email.toLowerCase(Locale.ROOT));
    }
}
