package dev.commitstats.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageColorsTest {

    @Test
    void languagesHaveLinguistsColours() {
        LanguageColors colors = LanguageColors.standard();
        assertThat(colors.of("Java")).isEqualTo("#b07219");
        assertThat(colors.of("Go")).isEqualTo("#00add8");
        assertThat(colors.of("Documentation")).isEqualTo("#083fa1");
    }

    @Test
    void aLanguageWithoutColourGetsTheFallback() {
        assertThat(LanguageColors.standard().of("No Such Language")).isEqualTo(LanguageColors.FALLBACK);
    }
}
