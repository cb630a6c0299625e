package dev.commitstats.core.detect;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The distribution name at the start of a PEP 508 requirement, normalised per PEP 503. */
final class Pep508 {

    private Pep508() {
    }

    /**
     * The normalised project name a requirement string starts with ({@code "Django[bcrypt]>=4; python_version>'3'"}
     * gives {@code "django"}), or {@code null} when the string does not start with a valid name followed by a
     * specifier, extras, marker, {@code @ url} or its end (URLs, paths, archives and options give {@code null}).
     */
    static @Nullable String name(String requirement) {
        int n = requirement.length();
        int i = 0;
        while (i < n && Character.isWhitespace(requirement.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < n && isNameChar(requirement.charAt(i))) {
            i++;
        }
        if (i == start || !isAlnum(requirement.charAt(start)) || !isAlnum(requirement.charAt(i - 1))) {
            return null;
        }
        if (i < n) {
            char next = requirement.charAt(i);
            if (!Character.isWhitespace(next) && "[(<>=!~;@,".indexOf(next) < 0) {
                return null;
            }
        }
        String raw = requirement.substring(start, i);
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl") || lower.endsWith(".zip") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")
                || lower.endsWith(".tar.bz2") || lower.endsWith(".tar.xz") || lower.endsWith(".tar")) {
            return null;
        }
        return normalize(raw);
    }

    /** PEP 503: lower case, and every run of {@code -}, {@code _} and {@code .} becomes a single {@code -}. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inRun) {
                    sb.append('-');
                    inRun = true;
                }
            } else {
                sb.append(Character.toLowerCase(c));
                inRun = false;
            }
        }
        return sb.toString();
    }

    /** Is {@code name} (a Poetry table key) a valid PEP 508 name? */
    static boolean isValidName(String name) {
        int n = name.length();
        if (n == 0 || !isAlnum(name.charAt(0)) || !isAlnum(name.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return isAlnum(c) || c == '-' || c == '_' || c == '.';
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
