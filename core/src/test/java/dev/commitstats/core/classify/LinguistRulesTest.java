package dev.commitstats.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The bundled data loads, and every regex compiles to java.util.regex. */
class LinguistRulesTest {

    private static final FileClassifier C = FileClassifier.standard();

    @Test
    void everyVendorRegexCompiles() {
        List<String> vendor = FileClassifier.bundledList("vendor.yml");
        assertThat(vendor).hasSizeGreaterThan(100);
        assertThat(FileClassifier.compileEach(vendor)).isEqualTo(vendor.size());
        assertThat(C.vendoredRules().size()).isEqualTo(vendor.size());
        assertThat(C.vendoredRules().rejected()).isEmpty();
        assertThat(C.vendoredRules().guardedCount()).isGreaterThan(vendor.size() / 2);
    }

    @Test
    void everyDocumentationRegexCompiles() {
        List<String> docs = FileClassifier.bundledList("documentation.yml");
        assertThat(docs).hasSizeGreaterThan(10);
        assertThat(FileClassifier.compileEach(docs)).isEqualTo(docs.size());
        assertThat(C.documentationRules().size()).isEqualTo(docs.size());
        assertThat(C.documentationRules().rejected()).isEmpty();
    }

    @Test
    void everyGeneratedPathRuleCompiles() {
        assertThat(C.generatedRules().pathRules().rejected()).isEmpty();
        assertThat(C.generatedRules().pathRules().size()).isEqualTo(GeneratedRules.PATH_RULES.size());
        assertThat(C.generatedRules().pathRuleCount()).isGreaterThan(70);
    }

    @Test
    void languagesAndHeuristicsLoad() {
        assertThat(C.languageCount()).isGreaterThan(700);
        assertThat(C.heuristics().size()).isGreaterThan(100);
        assertThat(C.heuristics().loadedRules()).isGreaterThan(300);
        // only the IPv4/CIDR rule using a Ruby subexpression call (\g<version>) cannot be expressed
        assertThat(C.heuristics().skippedRules()).isLessThanOrEqualTo(1);
    }

    @Test
    void rubySyntaxIsTranslated() {
        assertThat(RubyRegex.toJava("^{\"version\":\\d+,")).isEqualTo("^\\{\"version\":\\d+,");
        assertThat(RubyRegex.toJava("a{,3}b{2}c{1,}")).isEqualTo("a{0,3}b{2}c{1,}");
        assertThat(RubyRegex.toJava("\\h+[\\h_]")).isEqualTo("[0-9a-fA-F]+[0-9a-fA-F_]");
        assertThat(RubyRegex.toJava("(?m)a.b(?mi:c)")).isEqualTo("(?s)a.b(?si:c)");
        assertThat(RubyRegex.toJava("[[:alpha:][:^digit:]]")).isEqualTo("[\\p{Alpha}\\P{Digit}]");
        assertThat(RubyRegex.toJava("(?<my_name>x)\\k<my_name>")).isEqualTo("(?<myname>x)\\k<myname>");
        assertThat(RubyRegex.toJava("a(?# comment )b")).isEqualTo("ab");
        assertThat(RubyRegex.toJava("[]a]")).isEqualTo("[\\]a]");
        assertThatThrownBy(() -> RubyRegex.compile("a\\Kb")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> RubyRegex.compile("(?<v>x)\\g<v>")).isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void rubyLineAnchorsAreKept() {
        Pattern p = RubyRegex.compile("^foo$");
        assertThat(p.matcher("bar\nfoo\nbaz").find()).isTrue();
        assertThat(p.matcher("bar\rfoo").find()).isFalse(); // Ruby lines end at \n only
        assertThat(RubyRegex.compile("\\Afoo").matcher("x\nfoo").find()).isFalse();
    }

    @Test
    void requiredLiterals() {
        assertThat(PathRegexSet.requiredLiteral("(^|/)node_modules/")).isEqualTo("node_modules/");
        assertThat(PathRegexSet.requiredLiteral("(3rd|[Tt]hird)[-_]?[Pp]arty/")).isEqualTo("arty/");
        assertThat(PathRegexSet.requiredLiteral("(.*?)\\.d\\.ts$")).isEqualTo(".d.ts");
        assertThat(PathRegexSet.requiredLiteral("(^|/)docs?/_?(build)/")).isEqualTo("doc");
        assertThat(PathRegexSet.requiredLiteral("(^|/)[Vv]+endor/")).isEqualTo("endor/");
        assertThat(PathRegexSet.requiredLiteral("abc+defg")).isEqualTo("defg");
        assertThat(PathRegexSet.requiredLiteral("x\\.yz?w")).isEqualTo("x.y");
        assertThat(PathRegexSet.requiredLiteral("foo|barbaz")).isNull();
        assertThat(PathRegexSet.requiredLiteral("(?i)foo")).isNull();
        assertThat(PathRegexSet.requiredLiteral("(?i:foo)")).isNull();
    }

    @Test
    void pathSetAgreesWithItsRegexesOneByOne() {
        List<String> vendor = FileClassifier.bundledList("vendor.yml");
        PathRegexSet set = PathRegexSet.fromRuby(vendor);
        List<Pattern> each = vendor.stream().map(RubyRegex::compile).toList();
        for (String path : PathSamples.PATHS) {
            boolean expected = each.stream().anyMatch(p -> p.matcher(path).find());
            assertThat(set.find(path)).as(path).isEqualTo(expected);
        }
    }
}
