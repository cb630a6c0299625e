package dev.commitstats.core.classify;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The colour GitHub Linguist gives each language ({@code color} in its {@code languages.yml}), so that a CV draws
 * languages in the colours developers know from their repositories. Languages Linguist leaves without a colour, and the
 * names Commit Stats adds ({@code Documentation}), get a fixed neutral one. Immutable and thread-safe; the data is
 * loaded once, on first use.
 */
public final class LanguageColors {

    /** The colour of a language without one of its own. */
    public static final String FALLBACK = "#8b949e";

    private static final class Holder {
        static final LanguageColors STANDARD = load();
    }

    private final Map<String, String> colors;

    private LanguageColors(Map<String, String> colors) {
        this.colors = Map.copyOf(colors);
    }

    /** The colours of the bundled Linguist data. */
    public static LanguageColors standard() {
        return Holder.STANDARD;
    }

    /** The language's colour as {@code #rrggbb}; {@link #FALLBACK} for a language without one. */
    public String of(String language) {
        return colors.getOrDefault(language, FALLBACK);
    }

    private static LanguageColors load() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        Map<String, String> colors = new HashMap<>();
        for (Map.Entry<String, Object> e : FileClassifier.yaml(options, "languages.yml").entrySet()) {
            if (e.getValue() instanceof Map<?, ?> attributes && attributes.get("color") instanceof String color
                    && color.matches("#[0-9a-fA-F]{6}")) {
                colors.put(e.getKey(), color.toLowerCase(java.util.Locale.ROOT));
            }
        }
        colors.put("Documentation", "#083fa1"); // Markdown's
        return new LanguageColors(colors);
    }
}
