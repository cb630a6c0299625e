package dev.commitstats.core.commit;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the <a href="https://www.conventionalcommits.org/en/v1.0.0/">Conventional Commits</a> type and breaking-change
 * flag out of a commit message, and infers a type from the wording of a message that declares none.
 *
 * <h2>Header</h2>
 * The header is the first non-blank line of the message (leading blank lines are skipped; {@code \n}, {@code \r\n}
 * and a lone {@code \r} all end a line), with surrounding white space ignored. It is recognised when it has the shape
 * <pre>
 *   type [ "(" scope ")" ] [ "!" ] ":" subject
 * </pre>
 * where
 * <ul>
 *   <li>{@code type} is a run of ASCII letters, matched case-insensitively ({@code Fix: y} is a fix);</li>
 *   <li>{@code scope} is any text without {@code ')'} (it may be empty, contain spaces or non-ASCII characters);</li>
 *   <li>spaces and tabs are tolerated between the parts, so {@code fix : x} and {@code feat (api): x} are accepted
 *       (both occur in real histories); no space is required after the colon and the subject may be empty.</li>
 * </ul>
 *
 * <h2>Types and aliases</h2>
 * <table>
 *   <caption>accepted type words</caption>
 *   <tr><th>type</th><th>words</th></tr>
 *   <tr><td>FEAT</td><td>feat, feature</td></tr>
 *   <tr><td>FIX</td><td>fix, bugfix, hotfix</td></tr>
 *   <tr><td>REFACTOR</td><td>refactor, refactoring</td></tr>
 *   <tr><td>PERF</td><td>perf, performance</td></tr>
 *   <tr><td>TEST</td><td>test, tests</td></tr>
 *   <tr><td>DOCS</td><td>docs, doc</td></tr>
 *   <tr><td>STYLE</td><td>style</td></tr>
 *   <tr><td>BUILD</td><td>build, deps (Angular's convention files external dependencies under {@code build})</td></tr>
 *   <tr><td>CI</td><td>ci</td></tr>
 *   <tr><td>CHORE</td><td>chore</td></tr>
 *   <tr><td>REVERT</td><td>revert, and git's own {@code Revert "..."} header (any case)</td></tr>
 * </table>
 * The type word decides, never the scope: {@code chore(deps): ...} is a CHORE and {@code build(deps): ...} a BUILD.
 * Such a type is <em>declared</em>, and always wins.
 *
 * <h2>Inferred types</h2>
 * A header that declares no known type — a well-formed header with an unknown type ({@code wip: x}), a prefix before
 * the type (gitmoji {@code ✨ feat: x}, ticket ids {@code [JIRA-1] fix: x}), and every message that does not follow
 * Conventional Commits ({@code Fix NPE in parser}, {@code Merge branch ...}) — gets the type its wording suggests,
 * marked {@link CommitKind#inferred()}, or OTHER when the wording says nothing; see {@code MessageTypeInference} for
 * the rules and their precedence. Autosquash commits ({@code fixup! ...}, {@code squash! ...}, {@code amend! ...})
 * stay OTHER: they are amendments of another commit that were meant to disappear, so they are not credited with the
 * type of the commit they amend (and {@code fixup!} is not read as a fix). git's own {@code Revert "..."} header counts
 * as declared, as it did before inference: git writes it.
 *
 * <h2>Breaking changes</h2>
 * A commit is breaking when its header is well-formed (whatever the type) and has {@code !} right before the colon,
 * or when any line after the header starts with {@code BREAKING CHANGE:} or {@code BREAKING-CHANGE:} (case-sensitive,
 * at the start of the line, as the specification's footer tokens). The footer rule applies to non-conventional
 * headers too: the message still says the change is breaking. A {@code !} inside a quoted {@code Revert "feat!: x"}
 * header belongs to the reverted commit and does not count.
 *
 * <p>The header is parsed by a single linear scan without regular expressions; inference reads at most the first
 * 200 characters of the header. Parsing never throws and never returns
 * {@code null}.
 */
public final class ConventionalCommits {

    private static final CommitKind OTHER = new CommitKind(CommitType.OTHER, false, false);

    private static final Map<String, CommitType> TYPES = Map.ofEntries(
            Map.entry("feat", CommitType.FEAT),
            Map.entry("feature", CommitType.FEAT),
            Map.entry("fix", CommitType.FIX),
            Map.entry("bugfix", CommitType.FIX),
            Map.entry("hotfix", CommitType.FIX),
            Map.entry("refactor", CommitType.REFACTOR),
            Map.entry("refactoring", CommitType.REFACTOR),
            Map.entry("perf", CommitType.PERF),
            Map.entry("performance", CommitType.PERF),
            Map.entry("test", CommitType.TEST),
            Map.entry("tests", CommitType.TEST),
            Map.entry("docs", CommitType.DOCS),
            Map.entry("doc", CommitType.DOCS),
            Map.entry("style", CommitType.STYLE),
            Map.entry("build", CommitType.BUILD),
            Map.entry("deps", CommitType.BUILD),
            Map.entry("ci", CommitType.CI),
            Map.entry("chore", CommitType.CHORE),
            Map.entry("revert", CommitType.REVERT));

    /** Longest type word in {@link #TYPES}; longer words cannot match, so they are not lower-cased. */
    private static final int MAX_TYPE_LENGTH = 11;

    private static final String GIT_REVERT_PREFIX = "revert \"";
    private static final String BREAKING_CHANGE = "BREAKING CHANGE:";
    private static final String BREAKING_CHANGE_HYPHEN = "BREAKING-CHANGE:";

    private ConventionalCommits() {
    }

    /**
     * Classifies a commit message.
     *
     * @param message the full commit message (header, body and footers); may be {@code null}
     * @return the kind of the commit; OTHER, neither breaking nor inferred, for a {@code null} or empty message. Never
     *         {@code null}.
     */
    public static CommitKind parse(@Nullable String message) {
        if (message == null || message.isEmpty()) {
            return OTHER;
        }
        try {
            return parseNonEmpty(message);
        } catch (RuntimeException e) {
            // defensive: the scanner is written not to throw, but a statistic must never fail a mining run
            return OTHER;
        }
    }

    private static CommitKind parseNonEmpty(String s) {
        int n = s.length();
        int start = 0;
        int end;
        // find the first non-blank line and trim it
        while (true) {
            end = lineEnd(s, start);
            int first = start;
            while (first < end && Character.isWhitespace(s.charAt(first))) {
                first++;
            }
            if (first < end) {
                start = first;
                break;
            }
            if (end >= n) {
                return OTHER; // blank message
            }
            start = nextLineStart(s, end);
        }
        int headerEnd = end;
        while (headerEnd > start && Character.isWhitespace(s.charAt(headerEnd - 1))) {
            headerEnd--;
        }

        CommitType type;
        boolean bang = false;
        if (s.regionMatches(true, start, GIT_REVERT_PREFIX, 0, GIT_REVERT_PREFIX.length())) {
            type = CommitType.REVERT;
        } else {
            long header = scanHeader(s, start, headerEnd);
            if (header < 0) {
                type = CommitType.OTHER;
            } else {
                int typeEnd = (int) (header >>> 1);
                bang = (header & 1) != 0;
                type = typeOf(s, start, typeEnd);
            }
        }
        boolean breaking = bang || hasBreakingFooter(s, end);
        if (type != CommitType.OTHER) {
            return new CommitKind(type, breaking, false);
        }
        CommitType inferred = MessageTypeInference.infer(
                s.substring(start, Math.min(headerEnd, start + MessageTypeInference.MAX_SUBJECT)));
        return breaking || inferred != CommitType.OTHER
                ? new CommitKind(inferred, breaking, inferred != CommitType.OTHER) : OTHER;
    }

    /**
     * The type a Conventional Commits type word stands for, in any case ({@code Feat}, {@code bugfix}).
     *
     * @return the type, or {@code null} when the word is not one of the accepted type words
     */
    static @Nullable CommitType typeWord(String word) {
        if (word.length() > MAX_TYPE_LENGTH) {
            return null;
        }
        return TYPES.get(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Scans {@code type [(scope)] [!] :} in {@code s[from, to)}.
     *
     * @return {@code -1} if the header does not have the conventional shape, otherwise
     *         {@code (typeEnd << 1) | (bang ? 1 : 0)}
     */
    private static long scanHeader(String s, int from, int to) {
        int i = from;
        while (i < to && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return -1;
        }
        int typeEnd = i;
        i = skipBlanks(s, i, to);
        if (i < to && s.charAt(i) == '(') {
            int close = s.indexOf(')', i + 1);
            if (close < 0 || close >= to) {
                return -1;
            }
            i = skipBlanks(s, close + 1, to);
        }
        boolean bang = false;
        if (i < to && s.charAt(i) == '!') {
            bang = true;
            i = skipBlanks(s, i + 1, to);
        }
        if (i >= to || s.charAt(i) != ':') {
            return -1;
        }
        return ((long) typeEnd << 1) | (bang ? 1 : 0);
    }

    private static CommitType typeOf(String s, int from, int to) {
        if (to - from > MAX_TYPE_LENGTH) {
            return CommitType.OTHER;
        }
        CommitType type = TYPES.get(s.substring(from, to).toLowerCase(Locale.ROOT));
        return type == null ? CommitType.OTHER : type;
    }

    /** Does any line that starts at or after {@code from} start with a breaking-change footer token? */
    private static boolean hasBreakingFooter(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if ((c == '\n' || c == '\r') && i + 1 < n && s.charAt(i + 1) == 'B'
                    && (s.startsWith(BREAKING_CHANGE, i + 1) || s.startsWith(BREAKING_CHANGE_HYPHEN, i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first {@code \n} or {@code \r} at or after {@code from}, or the length of {@code s}. */
    private static int lineEnd(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return n;
    }

    private static int nextLineStart(String s, int lineEnd) {
        if (s.charAt(lineEnd) == '\r' && lineEnd + 1 < s.length() && s.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return lineEnd + 1;
    }

    private static int skipBlanks(String s, int from, int to) {
        int i = from;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
