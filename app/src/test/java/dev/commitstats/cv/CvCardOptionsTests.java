package dev.commitstats.cv;

import static dev.commitstats.cv.CvCardTests.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import dev.commitstats.cv.CvCardOptions.Item;
import dev.commitstats.cv.CvCardOptions.Layout;
import dev.commitstats.cv.CvCardOptions.NumberFormat;
import dev.commitstats.cv.CvCardOptions.Theme;
import org.junit.jupiter.api.Test;

/** The card's query parameters: defaults, and a fallback or a clamp for every value that cannot be used. */
class CvCardOptionsTests {

    @Test
    void withoutParametersTheCardHasItsDefaults() {
        CvCardOptions options = CvCardOptions.defaults();
        assertThat(options.theme()).isEqualTo(Theme.LIGHT);
        assertThat(options.items()).containsExactly(Item.COMMITS, Item.LINES, Item.DAYS, Item.STREAK, Item.SPAN,
                Item.LANGUAGES);
        assertThat(options.layout()).isEqualTo(Layout.NORMAL);
        assertThat(options.langsCount()).isEqualTo(5);
        assertThat(options.numberFormat()).isEqualTo(NumberFormat.SHORT);
        assertThat(options.hideTitle()).isFalse();
        assertThat(options.hideBorder()).isFalse();
        assertThat(options.borderRadius()).isEqualTo(4.5);
        assertThat(options("unknown=1&theme=&layout=&langs_count=&border_radius=")).isEqualTo(options);
    }

    @Test
    void namesIgnoreCaseAndBlanksAndUnknownNamesFallBackToTheDefault() {
        assertThat(options("theme=%20DARK%20".replace("%20", " ")).theme()).isEqualTo(Theme.DARK);
        assertThat(options("theme=High_Contrast").theme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(options("theme=default").theme()).isEqualTo(Theme.LIGHT);
        assertThat(options("theme=radical").theme()).isEqualTo(Theme.LIGHT);
        assertThat(options("theme=dimmed&theme=dark").theme()).as("the first value counts").isEqualTo(Theme.DIMMED);
        assertThat(options("layout=Compact").layout()).isEqualTo(Layout.COMPACT);
        assertThat(options("layout=donut").layout()).isEqualTo(Layout.NORMAL);
        assertThat(options("number_format=LONG").numberFormat()).isEqualTo(NumberFormat.LONG);
        assertThat(options("number_format=metric").numberFormat()).isEqualTo(NumberFormat.SHORT);
    }

    @Test
    void numbersAreClampedToTheirRangeAndNonNumbersFallBack() {
        assertThat(options("langs_count=0").langsCount()).isEqualTo(1);
        assertThat(options("langs_count=-3").langsCount()).isEqualTo(1);
        assertThat(options("langs_count=99").langsCount()).isEqualTo(10);
        assertThat(options("langs_count=7").langsCount()).isEqualTo(7);
        assertThat(options("langs_count=seven").langsCount()).isEqualTo(5);
        assertThat(options("langs_count=3.5").langsCount()).isEqualTo(5);
        assertThat(options("langs_count=99999999999999999999999").langsCount()).isEqualTo(5);
        assertThat(options("border_radius=-5").borderRadius()).isZero();
        assertThat(options("border_radius=10.25").borderRadius()).isEqualTo(10.25);
        assertThat(options("border_radius=1000").borderRadius()).isEqualTo(30);
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1e3", "0x10", "4,5", "abc"}) {
            assertThat(options("border_radius=" + bad).borderRadius()).as(bad).isEqualTo(4.5);
        }
    }

    @Test
    void switchesAreOnOnlyForTrue() {
        assertThat(options("hide_title=true").hideTitle()).isTrue();
        assertThat(options("hide_title=TRUE").hideTitle()).isTrue();
        assertThat(options("hide_border=true").hideBorder()).isTrue();
        for (String other : new String[] {"false", "1", "yes", "", "maybe"}) {
            assertThat(options("hide_title=" + other).hideTitle()).as(other).isFalse();
        }
    }

    @Test
    void hideAndShowListsChangeTheItemsAndHideWins() {
        assertThat(options("show=repositories,current_streak,deletions").items()).containsExactly(Item.COMMITS,
                Item.LINES, Item.DELETIONS, Item.DAYS, Item.STREAK, Item.CURRENT_STREAK, Item.REPOSITORIES, Item.SPAN,
                Item.LANGUAGES);
        assertThat(options("hide=commits,lines,days,streak,span,languages").items()).isEmpty();
        assertThat(options("hide=commits&hide=lines").items()).doesNotContain(Item.COMMITS, Item.LINES);
        assertThat(options("show=deletions&hide=deletions,days").items()).doesNotContain(Item.DELETIONS, Item.DAYS);
        assertThat(options("hide=everything,,%2C&show=stars").items()).isEqualTo(EnumSet.of(Item.COMMITS,
                Item.LINES, Item.DAYS, Item.STREAK, Item.SPAN, Item.LANGUAGES));
    }
}
