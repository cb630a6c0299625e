package dev.commitstats.core.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * A set of path regexes compiled once into a single pattern answering "does any of them
 * {@code find()} a match in this path?".
 *
 * <p>A naive alternation of Linguist's ~170 vendor regexes costs hundreds of microseconds per
 * path in java.util.regex (every alternative is tried at every position, and a few have an
 * unanchored {@code (.*?)} prefix, which is quadratic). Two things make it cheap:
 * <ol>
 *   <li>Literal prefilter: for each regex a literal substring every match must contain is
 *       extracted (e.g. {@code "node_modules/"}, {@code ".d.ts"}, {@code "arty/"}); the regex runs
 *       only when {@link String#indexOf(String)} finds it, so a typical path costs a few hundred
 *       {@code indexOf} calls and no regex at all.</li>
 *   <li>The regexes without such a literal are combined into one alternation, factored so that it
 *       is equivalent <em>for find()</em>:</li>
 * </ol>
 * <ul>
 *   <li>alternatives starting with {@code (^|/)} share one {@code (?:^|/)} prefix, so their
 *       bodies are only tried at the start of a path segment;</li>
 *   <li>alternatives starting with {@code ^} share one {@code ^} prefix;</li>
 *   <li>a leading {@code (.*?)}, {@code (.*)} or {@code ([^\s]*)} (which can match the empty
 *       string and so never decides whether a match exists) is dropped.</li>
 * </ul>
 */
final class PathRegexSet {

    private static final String[] SEGMENT_PREFIXES = {"(^|/)", "(^|\\/)", "(?:^|/)", "(?:^|\\/)"};
    private static final String[] EMPTY_PREFIXES = {"(.*?)", "(.*)", "([^\\s]*)", ".*?", ".*"};

    /** A regex guarded by a literal every match contains. */
    private record Guarded(String literal, Pattern pattern) {
    }

    private final Guarded[] guarded;
    private final Pattern pattern;
    private final int compiled;
    private final List<String> rejected;

    private PathRegexSet(Guarded[] guarded, Pattern pattern, int compiled, List<String> rejected) {
        this.guarded = guarded;
        this.pattern = pattern;
        this.compiled = compiled;
        this.rejected = rejected;
    }

    /** From Ruby sources (vendor.yml, documentation.yml). */
    static PathRegexSet fromRuby(List<String> rubySources) {
        List<String> java = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String r : rubySources) {
            try {
                String j = RubyRegex.toJava(r);
                Pattern.compile(j, RubyRegex.FLAGS);
                java.add(j);
            } catch (PatternSyntaxException e) {
                rejected.add(r);
            }
        }
        return build(java, rejected);
    }

    /** From Java sources. */
    static PathRegexSet fromJava(List<String> javaSources) {
        List<String> ok = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String j : javaSources) {
            try {
                Pattern.compile(j, RubyRegex.FLAGS);
                ok.add(j);
            } catch (PatternSyntaxException e) {
                rejected.add(j);
            }
        }
        return build(ok, rejected);
    }

    private static PathRegexSet build(List<String> sources, List<String> rejected) {
        List<Guarded> guarded = new ArrayList<>();
        List<String> segment = new ArrayList<>();
        List<String> start = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String s : sources) {
            String literal = requiredLiteral(s);
            if (literal != null && literal.length() >= 3) {
                guarded.add(new Guarded(literal, Pattern.compile(simplify(s), RubyRegex.FLAGS)));
                continue;
            }
            String body = strip(s, SEGMENT_PREFIXES);
            if (body != null && isolated(body)) {
                segment.add(body);
                continue;
            }
            if (s.startsWith("^") && isolated(s.substring(1))) {
                start.add(s.substring(1));
                continue;
            }
            body = strip(s, EMPTY_PREFIXES);
            rest.add(body != null && isolated(body) ? body : s);
        }
        StringBuilder sb = new StringBuilder();
        group(sb, "(?:^|/)", segment);
        group(sb, "^", start);
        for (String r : rest) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append("(?:").append(r).append(')');
        }
        if (sb.length() == 0) {
            sb.append("(?!)");
        }
        return new PathRegexSet(guarded.toArray(new Guarded[0]),
                Pattern.compile(sb.toString(), RubyRegex.FLAGS), sources.size(), List.copyOf(rejected));
    }

    /** Drops a leading empty-matching prefix, which never decides whether find() succeeds. */
    private static String simplify(String s) {
        String body = strip(s, EMPTY_PREFIXES);
        return body != null && isolated(body) ? body : s;
    }

    /**
     * The longest literal run that every match of {@code regex} must contain, or null. Only the
     * top-level sequence is considered; groups, classes, escapes of letters, anchors and
     * quantified characters end a run. A top-level alternation or an inline flag gives null.
     */
    static @Nullable String requiredLiteral(String regex) {
        String best = null;
        StringBuilder run = new StringBuilder();
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            int next;
            Character literal = null;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = regex.charAt(i + 1);
                if (!Character.isLetterOrDigit(e)) {
                    literal = e;
                }
                next = i + 2;
            } else if (c == '[') {
                next = skipClass(regex, i);
            } else if (c == '(') {
                if (regex.startsWith("(?", i)) {
                    int j = i + 2;
                    while (j < n && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
                        j++;
                    }
                    if (j > i + 2 && j < n && regex.charAt(j) == ')') {
                        return null; // inline flags like (?i) change the meaning of what follows
                    }
                }
                next = skipGroup(regex, i);
            } else if (c == '|') {
                return null;
            } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == ']') {
                next = i + 1;
            } else if (c == '?' || c == '*' || c == '+' || c == '{') {
                // quantifier of the previous atom: that atom is not a required literal
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                run.setLength(0);
                next = c == '{' ? Math.max(regex.indexOf('}', i) + 1, i + 1) : i + 1;
                if (next < n && (regex.charAt(next) == '?' || regex.charAt(next) == '+')) {
                    next++;
                }
                i = next;
                continue;
            } else {
                literal = c;
                next = i + 1;
            }
            if (next < 0) {
                return null;
            }
            if (literal != null) {
                run.append(literal.charValue());
            } else {
                best = longer(best, run);
                run.setLength(0);
            }
            i = next;
        }
        return longer(best, run);
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > (best == null ? 0 : best.length()) ? run.toString() : best;
    }

    private static int skipClass(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '^') {
            j++;
        }
        if (j < s.length() && s.charAt(j) == ']') {
            j++;
        }
        int depth = 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    private static int skipGroup(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = skipClass(s, j);
                if (j < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    private static void group(StringBuilder sb, String prefix, List<String> bodies) {
        if (bodies.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('|');
        }
        sb.append(prefix).append("(?:");
        for (int i = 0; i < bodies.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append("(?:").append(bodies.get(i)).append(')');
        }
        sb.append(')');
    }

    private static @Nullable String strip(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return s.substring(p.length());
            }
        }
        return null;
    }

    /**
     * Whether a remainder stands on its own: it must not contain a top-level alternation
     * (which would bind differently once the prefix is removed) nor back-references (group
     * numbers shift). Conservative: such sources are kept whole.
     */
    private static boolean isolated(String body) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 < body.length() && Character.isDigit(body.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return false;
            }
        }
        return depth == 0;
    }

    boolean find(String path) {
        for (Guarded g : guarded) {
            if (path.indexOf(g.literal()) >= 0 && g.pattern().matcher(path).find()) {
                return true;
            }
        }
        return pattern.matcher(path).find();
    }

    /** Number of regexes behind a literal prefilter. */
    int guardedCount() {
        return guarded.length;
    }

    /** Number of source regexes that compiled and are part of the set. */
    int size() {
        return compiled;
    }

    /** Sources that could not be compiled (expected empty for the bundled data). */
    List<String> rejected() {
        return rejected;
    }

    Pattern pattern() {
        return pattern;
    }
}
