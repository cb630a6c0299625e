package dev.commitstats.core.detect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pyproject.toml}: PEP 621 {@code [project] dependencies} and {@code [project.optional-dependencies]}, PEP 735
 * {@code [dependency-groups]}, and Poetry's {@code [tool.poetry.dependencies]}, legacy
 * {@code [tool.poetry.dev-dependencies]} and {@code [tool.poetry.group.*.dependencies]} keys (except {@code python}).
 * {@code [build-system] requires} is not counted: build back-ends are tooling, not dependencies of the project.
 * Names are normalised per PEP 503.
 */
final class PyprojectParser implements ManifestParser {

    @Override
    public Set<String> dependencies(byte[] content) {
        Set<String> names = new LinkedHashSet<>();
        for (TomlReader.Entry entry : TomlReader.read(Text.decode(content))) {
            List<String> p = entry.path();
            Object value = entry.value();
            int size = p.size();
            if (size == 2 && p.get(0).equals("project") && p.get(1).equals("dependencies")) {
                addRequirements(value, names);
            } else if (size == 3 && p.get(0).equals("project") && p.get(1).equals("optional-dependencies")) {
                addRequirements(value, names);
            } else if (size == 2 && p.get(0).equals("dependency-groups")) {
                addRequirements(value, names);
            } else if (size >= 4 && p.get(0).equals("tool") && p.get(1).equals("poetry")
                    && (p.get(2).equals("dependencies") || p.get(2).equals("dev-dependencies"))) {
                addPoetryKey(p.get(3), names);
            } else if (size >= 6 && p.get(0).equals("tool") && p.get(1).equals("poetry") && p.get(2).equals("group")
                    && p.get(4).equals("dependencies")) {
                addPoetryKey(p.get(5), names);
            }
        }
        return names;
    }

    private static void addRequirements(Object value, Set<String> names) {
        if (!(value instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            if (item instanceof String requirement) {
                String name = Pep508.name(requirement);
                if (name != null) {
                    names.add(name);
                }
            }
        }
    }

    private static void addPoetryKey(String key, Set<String> names) {
        if (!key.equalsIgnoreCase("python") && Pep508.isValidName(key)) {
            names.add(Pep508.normalize(key));
        }
    }
}
