package dev.commitstats.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import dev.commitstats.config.UseCaseException;

/**
 * The IDs {@code commitstats outliers} prints and reads back: {@code <commit>:<path>}, the commit's sha abbreviated
 * like git does (7 characters, more when two of the listed commits share that prefix).
 *
 * <p>Why not a row number: the rows move whenever a collection adds an outlier or a decision is taken elsewhere, so a
 * number typed after the next collection could name another file. The commit and path name the file itself, read well
 * on a terminal, and stay valid across runs. An ID that has become ambiguous since it was printed (a new commit with the
 * same prefix and path) is refused rather than guessed.
 */
public final class OutlierIds {

    /** The length of a printed sha when no other listed commit shares its prefix. */
    static final int ABBREVIATION = 7;

    /** The shortest sha prefix accepted back, as in git. */
    static final int MIN_PREFIX = 4;

    private final List<Outlier> outliers;
    private final Map<String, String> shortShas = new HashMap<>();

    OutlierIds(List<Outlier> outliers) {
        this.outliers = List.copyOf(outliers);
        List<String> shas = new ArrayList<>(new TreeSet<>(outliers.stream().map(Outlier::sha).toList()));
        for (int i = 0; i < shas.size(); i++) {
            String sha = shas.get(i);
            int length = ABBREVIATION;
            // sorted, so the longest prefix shared with any other sha is shared with a neighbour
            if (i > 0) {
                length = Math.max(length, commonPrefix(sha, shas.get(i - 1)) + 1);
            }
            if (i + 1 < shas.size()) {
                length = Math.max(length, commonPrefix(sha, shas.get(i + 1)) + 1);
            }
            shortShas.put(sha, sha.substring(0, Math.min(length, sha.length())));
        }
    }

    /** The outlier's commit, abbreviated as in its ID. */
    public String shortSha(Outlier o) {
        return shortShas.getOrDefault(o.sha(), o.sha());
    }

    /** The outlier's ID: its commit abbreviated, a colon, its path. */
    public String id(Outlier o) {
        return shortSha(o) + ':' + o.path();
    }

    /**
     * The one listed outlier an ID names: a prefix of its commit's sha (at least {@link #MIN_PREFIX} hex digits, any
     * case), a colon, and its exact path.
     *
     * @throws UseCaseException when the ID is malformed, names no listed outlier, or more than one
     */
    Outlier resolve(String id, String login) {
        int colon = id.indexOf(':');
        String prefix = colon < 0 ? "" : id.substring(0, colon).toLowerCase(Locale.ROOT);
        if (colon < 0 || prefix.length() < MIN_PREFIX || !prefix.chars().allMatch(OutlierIds::isHex)
                || colon == id.length() - 1) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "not an outlier ID: '" + id + "' (expected COMMIT:PATH as listed by "
                    + "`commitstats outliers --user " + login + "`); nothing changed");
        }
        String path = id.substring(colon + 1);
        List<Outlier> matches = outliers.stream()
                .filter(o -> o.path().equals(path) && o.sha().startsWith(prefix))
                .toList();
        if (matches.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.NOT_FOUND, "user '" + login + "' has no outlier file " + id
                    + " (list them with `commitstats outliers --user " + login + "`); nothing changed");
        }
        if (matches.size() > 1) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "outlier ID " + id + " is ambiguous (commits "
                    + String.join(", ", matches.stream().map(o -> o.sha().substring(0, 12)).toList())
                    + "): give more of the sha; nothing changed");
        }
        return matches.get(0);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
