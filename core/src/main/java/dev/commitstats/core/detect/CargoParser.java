package dev.commitstats.core.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Cargo.toml}: crates of {@code [dependencies]}, {@code [dev-dependencies]}, {@code [build-dependencies]}
 * (and Cargo's legacy {@code dev_dependencies} / {@code build_dependencies} spellings), their
 * {@code [target.'cfg(...)'.*]} variants and {@code [workspace.dependencies]}, in both the key form
 * ({@code serde = "1"}, {@code serde = { ... }}) and the table form ({@code [dependencies.serde]}). A dependency
 * renamed with {@code package = "real-name"} is reported under its real crate name.
 */
final class CargoParser implements ManifestParser {

    private static final Set<String> SECTIONS = Set.of(
            "dependencies", "dev-dependencies", "build-dependencies", "dev_dependencies", "build_dependencies");

    @Override
    public Set<String> dependencies(byte[] content) {
        // (section prefix + key) -> crate name, in order of appearance
        Map<List<String>, String> crates = new LinkedHashMap<>();
        for (TomlReader.Entry entry : TomlReader.read(Text.decode(content))) {
            List<String> p = entry.path();
            int prefix = sectionPrefixLength(p);
            if (prefix < 0 || p.size() <= prefix) {
                continue;
            }
            List<String> key = new ArrayList<>(p.subList(0, prefix + 1));
            String alias = p.get(prefix);
            if (alias.isEmpty()) {
                continue;
            }
            crates.putIfAbsent(key, alias);
            if (p.size() == prefix + 2 && p.get(prefix + 1).equals("package")
                    && entry.value() instanceof String real && !real.isBlank()) {
                crates.put(key, real.strip());
            }
        }
        return new LinkedHashSet<>(crates.values());
    }

    /** Length of the dependency-section prefix of {@code path}, or -1 if it is not in a dependency section. */
    private static int sectionPrefixLength(List<String> p) {
        if (!p.isEmpty() && SECTIONS.contains(p.get(0))) {
            return 1;
        }
        if (p.size() >= 2 && p.get(0).equals("workspace") && p.get(1).equals("dependencies")) {
            return 2;
        }
        if (p.size() >= 3 && p.get(0).equals("target") && SECTIONS.contains(p.get(2))) {
            return 3;
        }
        return -1;
    }
}
