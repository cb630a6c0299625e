package dev.commitstats.core.detect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * pip requirements files ({@code requirements*.txt}, {@code requirements/*.txt}): one PEP 508 requirement per
 * logical line. Backslash continuations are joined; comments ({@code #} at the start or after white space), options
 * ({@code -r}, {@code -c}, {@code -e}, {@code --index-url}, ...), URLs, local paths and archive files are skipped.
 * Names are normalised per PEP 503.
 */
final class RequirementsParser implements ManifestParser {

    @Override
    public Set<String> dependencies(byte[] content) {
        Set<String> names = new LinkedHashSet<>();
        List<String> lines = Text.lines(Text.decode(content));
        StringBuilder logical = new StringBuilder();
        for (String line : lines) {
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            addRequirement(logical.toString(), names);
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            addRequirement(logical.toString(), names);
        }
        return names;
    }

    private static void addRequirement(String line, Set<String> names) {
        String requirement = stripComment(line).strip();
        if (requirement.isEmpty() || requirement.startsWith("-")) {
            return;
        }
        String name = Pep508.name(requirement);
        if (name != null) {
            names.add(name);
        }
    }

    /** pip's rule: {@code #} starts a comment at the start of a line or after white space. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
