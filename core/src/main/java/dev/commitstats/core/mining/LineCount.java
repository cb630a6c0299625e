package dev.commitstats.core.mining;

/**
 * Lines added and deleted, and files touched, in one language or one exclusion bucket.
 *
 * @param additions lines added
 * @param deletions lines deleted
 * @param files     files touched
 */
public record LineCount(long additions, long deletions, long files) {

    public static final LineCount ZERO = new LineCount(0, 0, 0);

    public LineCount {
        if (additions < 0 || deletions < 0 || files < 0) {
            throw new IllegalArgumentException("negative count: " + additions + "/" + deletions + "/" + files);
        }
    }

    public LineCount plus(LineCount o) {
        return new LineCount(additions + o.additions, deletions + o.deletions, files + o.files);
    }

    public long changed() {
        return additions + deletions;
    }
}
