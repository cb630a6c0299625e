package dev.commitstats.core.detect;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code go.mod}: module paths of {@code require} directives, both the single-line form and {@code require ( ... )}
 * blocks.
 *
 * <p>Requirements marked {@code // indirect} are skipped: since Go 1.17 {@code go mod tidy} writes every transitive
 * dependency into {@code go.mod} with that marker, so counting them would credit a developer with packages they never
 * chose. A requirement that loses its marker (becomes direct) is reported as newly introduced. {@code replace},
 * {@code exclude}, {@code retract}, {@code tool} and other directives are ignored, including their blocks.
 */
final class GoModParser implements ManifestParser {

    @Override
    public Set<String> dependencies(byte[] content) {
        Set<String> modules = new LinkedHashSet<>();
        boolean inRequire = false;
        boolean inOtherBlock = false;
        for (String raw : Text.lines(Text.decode(content))) {
            int comment = raw.indexOf("//");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            String remark = comment >= 0 ? raw.substring(comment + 2).strip() : "";
            if (inRequire || inOtherBlock) {
                if (line.startsWith(")")) {
                    inRequire = false;
                    inOtherBlock = false;
                } else if (inRequire) {
                    addRequirement(line, remark, modules);
                }
                continue;
            }
            String verb = firstWord(line);
            String rest = line.substring(verb.length()).strip();
            if (rest.equals("(")) {
                inRequire = verb.equals("require");
                inOtherBlock = !inRequire;
            } else if (verb.equals("require")) {
                addRequirement(rest, remark, modules);
            }
        }
        return modules;
    }

    private static void addRequirement(String spec, String remark, Set<String> modules) {
        if (remark.equals("indirect") || remark.startsWith("indirect;")) {
            return;
        }
        String path;
        String version;
        if (spec.startsWith("\"") || spec.startsWith("`")) {
            int close = spec.indexOf(spec.charAt(0), 1);
            if (close < 0) {
                return;
            }
            path = spec.substring(1, close);
            version = spec.substring(close + 1).strip();
        } else {
            path = firstWord(spec);
            version = spec.substring(path.length()).strip();
        }
        if (path.isEmpty() || version.isEmpty() || version.indexOf(' ') >= 0 || version.indexOf('\t') >= 0
                || !isModulePath(path)) {
            return;
        }
        modules.add(path);
    }

    private static boolean isModulePath(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '`' || c == '(' || c == ')') {
                return false;
            }
        }
        return true;
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '(') {
            i++;
        }
        return s.substring(0, i);
    }
}
