package dev.commitstats.core.mining;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One path pattern an owner skips in a repository, with the semantics of a {@code .gitignore} line at the root of the
 * repository (paths are relative to the root, {@code /} between folders, never {@code ..}):
 *
 * <ul>
 *   <li>{@code *} matches anything within one path segment (never a {@code /}), {@code ?} one character of a segment,
 *       {@code [abc]}, {@code [a-z]} and {@code [!abc]} (or {@code [^abc]}) one character of a set;</li>
 *   <li>{@code **} as a whole segment matches any number of segments: {@code **}{@code /test} is {@code test}
 *       anywhere, {@code docs/**} everything inside {@code docs}, {@code a/**}{@code /b} zero or more folders between;
 *       elsewhere ({@code a**b}) it is a plain {@code *};</li>
 *   <li>a pattern without a {@code /} (other than a trailing one) matches a name at any depth, like a {@code .gitignore}
 *       line: {@code *.min.js} is every minified file, {@code fixtures} a file or folder of that name anywhere;</li>
 *   <li>a pattern with a {@code /} at its start or in its middle is anchored at the root: {@code /build} and
 *       {@code src/gen} match only there;</li>
 *   <li>a trailing {@code /} matches only a folder: {@code vendor/} skips every folder named {@code vendor} and
 *       everything in it, but not a file named {@code vendor};</li>
 *   <li>a pattern that matches a folder skips everything under it ({@code docs/*} skips {@code docs/api/index.md}
 *       too, as a {@code .gitignore} would).</li>
 * </ul>
 *
 * <p>So {@code vendor/**}, {@code /vendor/} and {@code /vendor} skip the same files as git's {@code git log -- .
 * ':(exclude,glob)vendor/**'}; a pattern without a slash such as {@code *.lock} is git's {@code **}{@code /*.lock}.
 * Backslash escapes, negation ({@code !pattern}) and comments ({@code #}) of {@code .gitignore} are refused rather than
 * half supported: an owner removes a skip by unskipping it.
 *
 * <p>Immutable and thread-safe; compiled once into a regular expression.
 */
public final class PathGlob {

    /** Longest pattern accepted. */
    public static final int MAX_LENGTH = 500;

    private final String pattern;
    private final boolean directoryOnly;
    private final Pattern regex;

    private PathGlob(String pattern, boolean directoryOnly, Pattern regex) {
        this.pattern = pattern;
        this.directoryOnly = directoryOnly;
        this.regex = regex;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @throws IllegalArgumentException saying what is wrong with it: empty, too long, spaces around it, a backslash,
     *         a control character, {@code .} or {@code ..} segments, an empty segment ({@code a//b}), an absolute path
     *         of this machine ({@code C:}, {@code ~}), negation or comment, an unclosed {@code [}
     */
    public static PathGlob of(String pattern) {
        String problem = problem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException("invalid path pattern '" + pattern + "': " + problem);
        }
        String p = pattern;
        boolean directoryOnly = p.endsWith("/");
        if (directoryOnly) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.startsWith("/") || p.indexOf('/') > 0;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (!anchored && !p.startsWith("**/") && !p.equals("**")) {
            p = "**/" + p; // a name at any depth
        }
        try {
            return new PathGlob(pattern, directoryOnly, Pattern.compile(toRegex(p)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid path pattern '" + pattern + "': " + e.getDescription(), e);
        }
    }

    private static String problem(String pattern) {
        if (pattern.isEmpty() || pattern.equals("/")) {
            return "it is empty";
        }
        if (pattern.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (!pattern.strip().equals(pattern)) {
            return "it starts or ends with a space";
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "it contains a control character";
            }
        }
        if (pattern.indexOf('\\') >= 0) {
            return "it contains a backslash: use / between folders (escapes are not supported)";
        }
        if (pattern.matches("^[A-Za-z]:.*") || pattern.startsWith("~")) {
            return "it is a path on this machine: give a path inside the repository, such as vendor/ or docs/*.md";
        }
        if (pattern.startsWith("!")) {
            return "negation is not supported: unskip the pattern it would override instead";
        }
        if (pattern.startsWith("#")) {
            return "it starts with #, which a .gitignore reads as a comment";
        }
        String body = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty folder name (//)";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'" + segment + "' is not allowed: paths start at the root of the repository";
            }
        }
        int open = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (open < 0 && c == '[') {
                open = i;
            } else if (open >= 0 && c == ']' && i > open + 1
                    && !(i == open + 2 && (body.charAt(open + 1) == '!' || body.charAt(open + 1) == '^'))) {
                open = -1;
            } else if (open >= 0 && c == '/') {
                return "a [ is not closed within its folder name";
            }
        }
        return open >= 0 ? "a [ is not closed" : null;
    }

    /** Translates a validated, normalised pattern (no leading or trailing slash) into a regular expression. */
    private static String toRegex(String p) {
        StringBuilder re = new StringBuilder(p.length() * 2);
        String[] segments = p.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String seg = segments[s];
            boolean last = s == segments.length - 1;
            if (seg.equals("**")) {
                if (segments.length == 1) {
                    re.append(".*"); // every path
                } else if (last) {
                    re.append(".*"); // after "x/": anything inside
                } else {
                    re.append("(?:[^/]*/)*"); // zero or more folders
                }
                continue;
            }
            for (int i = 0; i < seg.length(); i++) {
                char c = seg.charAt(i);
                switch (c) {
                    case '*' -> {
                        while (i + 1 < seg.length() && seg.charAt(i + 1) == '*') {
                            i++; // "a**b" is a plain star
                        }
                        re.append("[^/]*");
                    }
                    case '?' -> re.append("[^/]");
                    case '[' -> {
                        int end = classEnd(seg, i);
                        String body = seg.substring(i + 1, end);
                        boolean negated = body.startsWith("!") || body.startsWith("^");
                        if (negated) {
                            body = body.substring(1);
                        }
                        re.append(negated ? "[^/" : "[");
                        for (int k = 0; k < body.length(); k++) {
                            char b = body.charAt(k);
                            if (b == '-' && k > 0 && k < body.length() - 1) {
                                re.append('-');
                            } else {
                                re.append(quoteInClass(b));
                            }
                        }
                        re.append(']');
                        i = end;
                    }
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (!last) {
                re.append('/');
            }
        }
        return re.toString();
    }

    /** The index of the {@code ]} closing the class that opens at {@code open} (a {@code ]} first is a member). */
    private static int classEnd(String seg, int open) {
        int i = open + 1;
        if (i < seg.length() && (seg.charAt(i) == '!' || seg.charAt(i) == '^')) {
            i++;
        }
        i++; // the first member may be ']'
        while (seg.charAt(i) != ']') {
            i++;
        }
        return i;
    }

    private static String quoteInClass(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\x{" + Integer.toHexString(c) + "}";
    }

    /** The pattern as the owner wrote it. */
    public String pattern() {
        return pattern;
    }

    /**
     * Whether the pattern matches exactly this path (relative to the root, no leading slash), a folder when
     * {@code directory}. Folders above it are not looked at: see {@link #skips(String)}.
     */
    public boolean matches(String path, boolean directory) {
        return (directory || !directoryOnly) && regex.matcher(path).matches();
    }

    /** Whether a file at {@code path} is skipped: the pattern matches it, or one of the folders it is in. */
    public boolean skips(String path) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (matches(path.substring(0, slash), true)) {
                return true;
            }
        }
        return matches(path, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathGlob g && g.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
