package dev.commitstats.core.commit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class ConventionalCommitsPropertiesTest {

    @Property(tries = 1000)
    void neverThrowsAndNeverReturnsNullOnArbitraryStrings(@ForAll @StringLength(max = 300) String message) {
        CommitKind kind = ConventionalCommits.parse(message);
        assertThat(kind).isNotNull();
        assertThat(kind.type()).isNotNull();
    }

    @Property(tries = 300)
    void neverThrowsOnConventionalLookingMessages(@ForAll("conventionalish") String message) {
        assertThat(ConventionalCommits.parse(message)).isNotNull();
    }

    @Property(tries = 20)
    void neverThrowsOnHugeMessages(@ForAll("huge") String message) {
        assertThat(ConventionalCommits.parse(message)).isNotNull();
    }

    @Property(tries = 300)
    void typeAndBreakingAreIndependentOfBody(@ForAll("knownType") String type, @ForAll boolean bang,
                                             @ForAll @StringLength(max = 200) String body) {
        String safeBody = body.replace("BREAKING", "breaking");
        CommitKind kind = ConventionalCommits.parse(type + (bang ? "!" : "") + ": subject\n\n" + safeBody);
        assertThat(kind.type()).isNotEqualTo(CommitType.OTHER);
        assertThat(kind.breaking()).isEqualTo(bang);
    }

    @Provide
    Arbitrary<String> knownType() {
        return Arbitraries.of("feat", "FIX", "Docs", "refactor", "perf", "test", "style", "build", "ci", "chore",
                "revert", "feature", "hotfix");
    }

    @Provide
    Arbitrary<String> conventionalish() {
        Arbitrary<String> pieces = Arbitraries.of("feat", "fix", "(", ")", "!", ":", " ", "\t", "\n", "\r", "\r\n",
                "BREAKING CHANGE:", "BREAKING-CHANGE:", "Revert \"", "\"", "scope", "é", "🎉", "fixup! ", "Merge ");
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> huge() {
        Arbitrary<String> unit = Arbitraries.of("(", "a", " ", "\n", "\r\n", "feat(", "!", ":", "B", "BREAKING");
        return Arbitraries.integers().between(10_000, 200_000)
                .flatMap(len -> unit.map(u -> u.repeat(len / u.length())));
    }
}
