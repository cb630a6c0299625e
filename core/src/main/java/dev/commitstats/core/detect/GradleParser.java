package dev.commitstats.core.detect;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code build.gradle} and {@code build.gradle.kts}: Maven coordinates declared on dependency configurations.
 *
 * <p>Recognised configurations are {@code implementation}, {@code api}, {@code compileOnly}, {@code compileOnlyApi},
 * {@code runtimeOnly}, {@code kapt}, {@code ksp}, {@code annotationProcessor}, {@code developmentOnly}, the legacy
 * {@code compile}/{@code runtime}/{@code testCompile}/{@code testRuntime}/{@code providedCompile}/{@code providedRuntime},
 * and any configuration named {@code <sourceSet>Implementation}, {@code ...CompileOnly}, {@code ...RuntimeOnly},
 * {@code ...AnnotationProcessor} or {@code ...Api} ({@code testImplementation}, {@code debugImplementation},
 * {@code testFixturesApi}, ...). {@code classpath} (build-script plugins) is not counted. Notations:
 * <ul>
 *   <li>string: {@code implementation 'g:a:v'}, {@code implementation("g:a:v")}, several comma-separated;</li>
 *   <li>map: {@code implementation group: 'g', name: 'a', version: 'v'} and Kotlin's
 *       {@code implementation(group = "g", name = "a")};</li>
 *   <li>wrapped: {@code platform(...)}, {@code enforcedPlatform(...)}, {@code testFixtures(...)}, and Kotlin's
 *       {@code kotlin("stdlib")} shorthand for {@code org.jetbrains.kotlin:kotlin-stdlib}.</li>
 * </ul>
 * Version-catalog accessors ({@code libs.foo}), {@code project(...)}, {@code files(...)} and coordinates whose group or
 * artifact is interpolated are skipped. Comments are removed first (string-aware); occurrences inside string literals
 * are ignored. The scan is a single linear pass without regular expressions.
 */
final class GradleParser implements ManifestParser {

    private static final Set<String> CONFIGURATIONS = Set.of(
            "implementation", "api", "compile", "compileOnly", "compileOnlyApi", "runtimeOnly", "runtime",
            "testCompile", "testRuntime", "kapt", "ksp", "annotationProcessor", "developmentOnly", "providedCompile",
            "providedRuntime", "kaptTest", "kspTest", "coreLibraryDesugaring");
    private static final String[] CONFIGURATION_SUFFIXES =
            {"Implementation", "CompileOnly", "RuntimeOnly", "AnnotationProcessor", "Api"};
    private static final Set<String> WRAPPERS = Set.of("platform", "enforcedPlatform", "testFixtures");
    private static final Set<String> MAP_KEYS =
            Set.of("group", "name", "version", "classifier", "ext", "configuration", "transitive");

    @Override
    public Set<String> dependencies(byte[] content) {
        return new Scanner(stripComments(Text.decode(content))).scan();
    }

    static boolean isConfiguration(String word) {
        if (CONFIGURATIONS.contains(word)) {
            return true;
        }
        for (String suffix : CONFIGURATION_SUFFIXES) {
            if (word.length() > suffix.length() && word.endsWith(suffix) && Character.isLowerCase(word.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** Replaces {@code //} and {@code /* *}{@code /} comments by a space, leaving string literals intact. */
    static String stripComments(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = stringEnd(s, i);
                int stop = end < 0 ? lineEndOf(s, i) : end;
                out.append(s, i, stop);
                i = stop;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                i = lineEndOf(s, i);
                out.append(' ');
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Index just after the string literal opening at {@code start} (single, double or triple quoted), or -1 if a
     * single-line literal is not closed on its line or a triple-quoted one is never closed.
     */
    static int stringEnd(String s, int start) {
        char q = s.charAt(start);
        String triple = String.valueOf(q).repeat(3);
        if (s.startsWith(triple, start)) {
            int end = s.indexOf(triple, start + 3);
            return end < 0 ? -1 : end + 3;
        }
        int n = s.length();
        for (int i = start + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static int lineEndOf(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static final class Scanner {
        private final String s;
        private final int n;
        private final Set<String> coordinates = new LinkedHashSet<>();

        Scanner(String s) {
            this.s = s;
            this.n = s.length();
        }

        Set<String> scan() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = stringEnd(s, i);
                    // an unterminated literal runs to the end of its line (rescanning from i + 1 would be quadratic)
                    i = end < 0 ? Math.max(i + 1, lineEndOf(s, i)) : end;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    i = identifierEnd(i);
                    boolean member = start > 0 && s.charAt(start - 1) == '.';
                    if (!member && isConfiguration(s.substring(start, i))) {
                        i = notation(i);
                    }
                } else {
                    i++;
                }
            }
            return coordinates;
        }

        /** Reads what follows a configuration name; returns where scanning resumes. */
        private int notation(int afterName) {
            int j = skipBlanks(afterName);
            if (j < n && s.charAt(j) == '(') {
                j = skipWhitespace(j + 1);
            } else if (j == afterName) {
                return afterName; // e.g. "implementation.foo" or "implementation=" : not a declaration
            }
            // wrappers: platform(...), enforcedPlatform(...), testFixtures(...), kotlin("x")
            for (int k = 0; k < 2 && j < n && Character.isJavaIdentifierStart(s.charAt(j)); k++) {
                int end = identifierEnd(j);
                String word = s.substring(j, end);
                int afterWord = skipBlanks(end);
                boolean call = afterWord < n && s.charAt(afterWord) == '(';
                if (call && WRAPPERS.contains(word)) {
                    j = skipWhitespace(afterWord + 1);
                } else if (call && word.equals("kotlin")) {
                    int q = skipWhitespace(afterWord + 1);
                    String module = q < n ? stringAt(q) : null;
                    if (module != null && isCoordinatePart(module)) {
                        coordinates.add("org.jetbrains.kotlin:kotlin-" + module);
                    }
                    return end;
                } else if (MAP_KEYS.contains(word)) {
                    return mapNotation(j);
                } else {
                    return end;
                }
            }
            // one or more string notations: 'g:a:v', "g:a:v", ...
            while (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
                String literal = stringAt(j);
                if (literal == null) {
                    return Math.max(j + 1, lineEndOf(s, j));
                }
                addCoordinate(literal);
                j = skipWhitespace(stringEnd(s, j));
                if (j < n && s.charAt(j) == ',') {
                    j = skipWhitespace(j + 1);
                } else {
                    break;
                }
            }
            return j;
        }

        /** {@code group: 'g', name: 'a', version: 'v'} or {@code group = "g", name = "a"}. */
        private int mapNotation(int from) {
            String group = null;
            String name = null;
            int j = from;
            while (j < n && Character.isJavaIdentifierStart(s.charAt(j))) {
                int end = identifierEnd(j);
                String key = s.substring(j, end);
                int sep = skipBlanks(end);
                if (sep >= n || (s.charAt(sep) != ':' && s.charAt(sep) != '=')) {
                    j = end;
                    break;
                }
                j = skipBlanks(sep + 1);
                String value = null;
                if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
                    value = stringAt(j);
                    if (value == null) {
                        break;
                    }
                    j = stringEnd(s, j);
                } else {
                    while (j < n && ",)\n\r".indexOf(s.charAt(j)) < 0) {
                        j++;
                    }
                }
                if (key.equals("group")) {
                    group = value;
                } else if (key.equals("name")) {
                    name = value;
                }
                j = skipWhitespace(j);
                if (j < n && s.charAt(j) == ',') {
                    j = skipWhitespace(j + 1);
                } else {
                    break;
                }
            }
            if (isCoordinatePart(group) && isCoordinatePart(name)) {
                coordinates.add(group + ":" + name);
            }
            return j;
        }

        private void addCoordinate(String literal) {
            int first = literal.indexOf(':');
            if (first <= 0) {
                return;
            }
            int second = literal.indexOf(':', first + 1);
            String group = literal.substring(0, first);
            String artifact = second < 0 ? literal.substring(first + 1) : literal.substring(first + 1, second);
            int at = artifact.indexOf('@');
            if (at >= 0) {
                artifact = artifact.substring(0, at);
            }
            if (isCoordinatePart(group) && isCoordinatePart(artifact)) {
                coordinates.add(group + ":" + artifact);
            }
        }

        /** The content of the single-line string literal at {@code j}, or {@code null}. */
        private @Nullable String stringAt(int j) {
            char q = s.charAt(j);
            if (q != '"' && q != '\'') {
                return null;
            }
            int end = stringEnd(s, j);
            if (end < 0 || s.startsWith(String.valueOf(q).repeat(3), j)) {
                return null;
            }
            return s.substring(j + 1, end - 1);
        }

        private int identifierEnd(int start) {
            int i = start + 1;
            while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private int skipBlanks(int from) {
            int i = from;
            while (i < n && Text.isBlank(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private int skipWhitespace(int from) {
            int i = from;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** A group or artifact id: non-empty, only letters, digits, {@code .}, {@code -} and {@code _}. */
    static boolean isCoordinatePart(String part) {
        if (part == null || part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
