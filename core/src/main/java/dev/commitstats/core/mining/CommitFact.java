package dev.commitstats.core.mining;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.commit.CommitKind;
import dev.commitstats.core.detect.Detection;

/**
 * Everything Commit Stats keeps about one commit: numbers and derived labels, never code, messages or (except the
 * {@link #outliers()}) paths. Immutable.
 *
 * <p>Accounting invariant: the sum over {@link #languages()} plus the sum over {@link #excluded()} equals, line for
 * line, what {@code git log --no-merges --no-renames --numstat} reports for the commit.
 *
 * @param sha                  the commit id
 * @param authorEmail          the author's email as written in the commit; or, for a commit mined for some authors
 *                             ({@link MiningOptions#authorEmails()}) only because the repository's {@code .mailmap}
 *                             maps its author to one of them, that mapped email (as the mailmap writes it): always
 *                             the email the commit was kept for
 * @param authorTime           author time
 * @param authorOffsetMinutes  the author's UTC offset, so a CV can show local working hours
 * @param committerTime        committer time
 * @param parentCount          0 for a root commit, 1 otherwise (merges are not mined)
 * @param kind                 Conventional Commit type and breaking flag
 * @param languages            per language (Linguist name or "Documentation"): lines and files
 * @param excluded             per exclusion bucket: lines and files ({@link ExclusionBucket#BINARY}: files only)
 * @param detections           tools and packages the commit introduced
 * @param outliers             the files in the {@link ExclusionBucket#BULK} bucket
 */
public record CommitFact(
        String sha,
        String authorEmail,
        Instant authorTime,
        int authorOffsetMinutes,
        Instant committerTime,
        int parentCount,
        CommitKind kind,
        Map<String, LineCount> languages,
        Map<ExclusionBucket, LineCount> excluded,
        List<Detection> detections,
        List<OutlierFile> outliers) {

    public CommitFact {
        languages = Map.copyOf(languages);
        excluded = Map.copyOf(excluded);
        detections = List.copyOf(detections);
        outliers = List.copyOf(outliers);
    }

    /** Author time in the author's own offset. */
    public OffsetDateTime authorLocalTime() {
        return authorTime.atOffset(ZoneOffset.ofTotalSeconds(authorOffsetMinutes * 60));
    }

    /** Honest additions: the sum over languages. */
    public long additions() {
        return languages.values().stream().mapToLong(LineCount::additions).sum();
    }

    /** Honest deletions: the sum over languages. */
    public long deletions() {
        return languages.values().stream().mapToLong(LineCount::deletions).sum();
    }

    /** What git's numstat reports: languages plus every exclusion bucket. */
    public long rawAdditions() {
        return additions() + excluded.values().stream().mapToLong(LineCount::additions).sum();
    }

    public long rawDeletions() {
        return deletions() + excluded.values().stream().mapToLong(LineCount::deletions).sum();
    }
}
