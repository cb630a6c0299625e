package dev.commitstats.core.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Converts Ruby (Onigmo) regular expressions, as written in Linguist's YAML files, to
 * {@link java.util.regex} syntax.
 *
 * <p>Semantic differences handled:
 * <ul>
 *   <li>Ruby's {@code ^} and {@code $} always match at line boundaries (only {@code \n}): we
 *       compile with {@link Pattern#MULTILINE} and {@link Pattern#UNIX_LINES}.</li>
 *   <li>Ruby's {@code m} flag is Java's {@code s} (dot matches newline).</li>
 *   <li>{@code \h}/{@code \H} are hex digits in Ruby (horizontal whitespace in Java).</li>
 *   <li>A &#123; that does not start a quantifier is a literal in Ruby, an error in Java;
 *       {@code {,n}} means {@code {0,n}} in Ruby.</li>
 *   <li>POSIX brackets ({@code [[:alpha:]]}), {@code \p{^X}}, {@code &#92;u{...}}, group names
 *       with underscores, {@code \v}.</li>
 * </ul>
 * Constructs Java cannot express ({@code \K}, subexpression calls {@code \g<..>}, absence
 * operator {@code (?~..)}) make {@link #compile} throw {@link PatternSyntaxException}.
 *
 * <p>{@code \A}, {@code \z}, {@code \Z}, {@code \b}, {@code \d}, {@code \w}, {@code \s}, possessive
 * quantifiers, atomic groups and look-around have the same meaning in both dialects (ASCII
 * {@code \d \w \s}).
 */
final class RubyRegex {

    /** Flags reproducing Ruby's default line semantics. */
    static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;

    private RubyRegex() {
    }

    /**
     * Compiles one Ruby regex.
     *
     * @throws PatternSyntaxException when it cannot be expressed in Java
     */
    static Pattern compile(String ruby) {
        return Pattern.compile(toJava(ruby), FLAGS);
    }

    /**
     * Union of several Ruby regexes (like Ruby's {@code Regexp.union}); each alternative keeps
     * its own inline flags because Java scopes inline flags to the enclosing group.
     */
    static Pattern union(List<String> rubies) {
        return Pattern.compile(unionSource(rubies), FLAGS);
    }

    static String unionSource(List<String> rubies) {
        StringBuilder sb = new StringBuilder();
        for (String r : rubies) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append("(?:").append(toJava(r)).append(')');
        }
        return sb.toString();
    }

    /**
     * Translates the syntax.
     *
     * @throws PatternSyntaxException for constructs without a Java equivalent
     */
    static String toJava(String ruby) {
        StringBuilder out = new StringBuilder(ruby.length() + 16);
        int classDepth = 0;
        int n = ruby.length();
        int i = 0;
        while (i < n) {
            char c = ruby.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new PatternSyntaxException("trailing backslash", ruby, i);
                }
                char e = ruby.charAt(i + 1);
                switch (e) {
                    case 'h' -> out.append(classDepth > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]");
                    case 'H' -> {
                        if (classDepth > 0) {
                            throw new PatternSyntaxException("\\H inside a class", ruby, i);
                        }
                        out.append("[^0-9a-fA-F]");
                    }
                    case 'v' -> out.append("\\x0B");
                    case 'K' -> throw new PatternSyntaxException("\\K is not supported", ruby, i);
                    case 'g' -> throw new PatternSyntaxException("subexpression call", ruby, i);
                    case 'k' -> {
                        int end = ruby.indexOf('>', i);
                        if (i + 2 < n && ruby.charAt(i + 2) == '<' && end > 0) {
                            out.append("\\k<").append(groupName(ruby.substring(i + 3, end))).append('>');
                            i = end + 1;
                            continue;
                        }
                        out.append("\\k");
                    }
                    case 'u' -> {
                        if (i + 2 < n && ruby.charAt(i + 2) == '{') {
                            int end = ruby.indexOf('}', i);
                            if (end < 0) {
                                throw new PatternSyntaxException("bad \\u{", ruby, i);
                            }
                            out.append("\\x{").append(ruby, i + 3, end).append('}');
                            i = end + 1;
                            continue;
                        }
                        out.append("\\u");
                    }
                    case 'p' -> {
                        if (i + 3 < n && ruby.charAt(i + 2) == '{' && ruby.charAt(i + 3) == '^') {
                            out.append("\\P{");
                            i += 4;
                            continue;
                        }
                        out.append("\\p");
                    }
                    default -> out.append(c).append(e);
                }
                i += 2;
                continue;
            }
            if (classDepth > 0) {
                if (c == '[') {
                    if (i + 1 < n && ruby.charAt(i + 1) == ':') {
                        int end = ruby.indexOf(":]", i + 2);
                        if (end < 0) {
                            throw new PatternSyntaxException("bad POSIX bracket", ruby, i);
                        }
                        out.append(posix(ruby.substring(i + 2, end), ruby, i));
                        i = end + 2;
                        continue;
                    }
                    classDepth++;
                    out.append(c);
                    i = openClassBody(ruby, i + 1, out);
                    continue;
                }
                if (c == ']') {
                    classDepth--;
                }
                out.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    classDepth++;
                    out.append(c);
                    i = openClassBody(ruby, i + 1, out);
                    continue;
                }
                case '(' -> {
                    if (i + 1 < n && ruby.charAt(i + 1) == '?') {
                        i = group(ruby, i, out);
                        continue;
                    }
                    out.append(c);
                }
                case '{' -> {
                    int end = quantifierEnd(ruby, i);
                    if (end < 0) {
                        out.append("\\{");
                    } else {
                        String q = ruby.substring(i, end);
                        out.append(q.startsWith("{,") ? "{0" + q.substring(1) : q);
                        i = end;
                        continue;
                    }
                }
                case '}' -> out.append("\\}");
                default -> out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** Handles a leading {@code ^} and a leading literal {@code ]} of a character class. */
    private static int openClassBody(String ruby, int i, StringBuilder out) {
        if (i < ruby.length() && ruby.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < ruby.length() && ruby.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        return i;
    }

    /** Index after a {@code {m}}, {@code {m,}}, {@code {m,n}} or {@code {,n}} quantifier, or -1. */
    private static int quantifierEnd(String s, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
            j++;
            digits++;
        }
        if (j < s.length() && s.charAt(j) == ',') {
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
                j++;
                digits++;
            }
        }
        if (digits == 0 || j >= s.length() || s.charAt(j) != '}') {
            return -1;
        }
        return j + 1;
    }

    /** Translates the opening of a {@code (?...} group; returns the index to continue at. */
    private static int group(String ruby, int i, StringBuilder out) {
        int n = ruby.length();
        int j = i + 2;
        if (j >= n) {
            throw new PatternSyntaxException("unterminated group", ruby, i);
        }
        char k = ruby.charAt(j);
        if (k == '#') {
            int end = ruby.indexOf(')', j);
            if (end < 0) {
                throw new PatternSyntaxException("unterminated comment", ruby, i);
            }
            return end + 1;
        }
        if (k == '~') {
            throw new PatternSyntaxException("absence operator", ruby, i);
        }
        if (k == '<' && j + 1 < n && ruby.charAt(j + 1) != '=' && ruby.charAt(j + 1) != '!') {
            int end = ruby.indexOf('>', j);
            if (end < 0) {
                throw new PatternSyntaxException("unterminated group name", ruby, i);
            }
            out.append("(?<").append(groupName(ruby.substring(j + 1, end))).append('>');
            return end + 1;
        }
        if (k == 'i' || k == 'm' || k == 'x' || k == '-') {
            int end = j;
            while (end < n && "imx-".indexOf(ruby.charAt(end)) >= 0) {
                end++;
            }
            if (end < n && (ruby.charAt(end) == ':' || ruby.charAt(end) == ')')) {
                out.append("(?").append(ruby.substring(j, end).replace('m', 's'));
                return end;
            }
        }
        out.append("(?");
        return j;
    }

    private static String groupName(String ruby) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ruby.length(); i++) {
            char c = ruby.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 'g');
        }
        return sb.toString();
    }

    private static String posix(String name, String ruby, int at) {
        boolean negated = name.startsWith("^");
        String base = negated ? name.substring(1) : name;
        String prop = switch (base.toLowerCase(Locale.ROOT)) {
            case "alpha" -> "Alpha";
            case "digit" -> "Digit";
            case "alnum" -> "Alnum";
            case "upper" -> "Upper";
            case "lower" -> "Lower";
            case "space" -> "Space";
            case "punct" -> "Punct";
            case "xdigit" -> "XDigit";
            case "cntrl" -> "Cntrl";
            case "print" -> "Print";
            case "graph" -> "Graph";
            case "blank" -> "Blank";
            case "ascii" -> "ASCII";
            case "word" -> null;
            default -> throw new PatternSyntaxException("unknown POSIX class " + name, ruby, at);
        };
        if (prop == null) {
            return negated ? "\\W" : "\\w";
        }
        return (negated ? "\\P{" : "\\p{") + prop + "}";
    }
}
