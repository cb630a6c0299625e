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

    @Property(tries = 1000)
    void inferenceNeverThrowsOnArbitraryStrings(@ForAll @StringLength(max = 300) String subject) {
        assertThat(MessageTypeInference.infer(subject)).isNotNull();
    }

    @Property(tries = 1000)
    void inferenceNeverThrowsOnSubjectsMadeOfItsOwnNoiseAndWords(@ForAll("subjectish") String subject) {
        assertThat(MessageTypeInference.infer(subject)).isNotNull();
        CommitKind kind = ConventionalCommits.parse(subject);
        if (kind.inferred()) {
            assertThat(kind.type()).isNotEqualTo(CommitType.OTHER);
        }
    }

    @Property(tries = 1000)
    void aDeclaredTypeAlwaysWins(@ForAll("knownType") String type, @ForAll("scope") String scope,
                                 @ForAll boolean bang, @ForAll @StringLength(max = 200) String subject) {
        CommitKind kind = ConventionalCommits.parse(type + scope + (bang ? "!" : "") + ": " + subject);
        assertThat(kind.type()).isEqualTo(ConventionalCommits.typeWord(type));
        assertThat(kind.inferred()).isFalse();
    }

    @Provide
    Arbitrary<String> scope() {
        return Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '/').ofMaxLength(12)
                        .map(s -> "(" + s + ")"));
    }

    @Provide
    Arbitrary<String> subjectish() {
        Arbitrary<String> pieces = Arbitraries.of("fix", "Add", "tests", "docs", "README", " ", "  ", "\t", ":", "!",
                "[", "]", "[ci skip]", "LANG-12", "#7", "(", ")", "-", "* ", "✨", "♻️", "\uFE0F", ":bug:", ":",
                "net", "/", ".", "from 1.2 to 1.3", "Merge branch", "Revert", "fixup!", "in", "the", "é", "🎉",
                "\uD83D", "Bump", "v1.2.3", "-SNAPSHOT", "null check", "faster", "Make", "final");
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
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
