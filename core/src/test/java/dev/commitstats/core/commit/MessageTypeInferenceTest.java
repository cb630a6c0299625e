package dev.commitstats.core.commit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTypeInferenceTest {

    /** Subjects in the styles of Apache Commons, Linux, Spring, Rails and npm projects, written for this test. */
    @ParameterizedTest(name = "[{index}] {0} -> {1} (inferred: {2})")
    @CsvFileSource(resources = "commit-messages.csv", delimiter = '|', quoteCharacter = '~')
    void realWorldStyleMessages(String message, CommitType type, boolean inferred) {
        CommitKind kind = ConventionalCommits.parse(message);
        assertThat(kind.type()).isEqualTo(type);
        assertThat(kind.inferred()).isEqualTo(inferred);
    }

    @Test
    void everyRuleDecidesItsOwnExample() {
        // a rule hidden behind an earlier one would never decide anything
        for (MessageTypeInference.Rule rule : MessageTypeInference.RULES) {
            assertThat(MessageTypeInference.ruleFor(rule.example())).as(rule.example()).isSameAs(rule);
        }
    }

    @Test
    void theRulesInferEveryTypeButOther() {
        Set<CommitType> types = EnumSet.noneOf(CommitType.class);
        MessageTypeInference.RULES.forEach(r -> types.add(r.type()));
        assertThat(types).containsExactlyInAnyOrder(CommitType.values());
    }

    @Test
    void theTableIsLargeEnoughToMeanSomething() throws Exception {
        try (var in = getClass().getResourceAsStream("commit-messages.csv")) {
            long rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertThat(rows).isGreaterThanOrEqualTo(80);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {":bug: x", "🐛 x", ":sparkles: x", "✨ x", "♻️ x", "⬆️ x", ":memo: x", "✅ x",
            ":construction_worker: x", "⏪ x", "🔖 x", ":zap: x", ":art: x"})
    void gitmojiDecides(String subject) {
        assertThat(MessageTypeInference.infer(subject)).isNotEqualTo(CommitType.OTHER);
        assertThat(MessageTypeInference.ruleFor(subject)).isNull();
    }

    @Test
    void aMarkerWinsOverTheWording() {
        assertThat(MessageTypeInference.infer("[DOCS] Fix NPE in the example")).isEqualTo(CommitType.DOCS);
        assertThat(MessageTypeInference.infer(":bug: Add a null guard")).isEqualTo(CommitType.FIX);
        assertThat(MessageTypeInference.infer("Javadoc: add missing test")).isEqualTo(CommitType.DOCS);
    }

    @Test
    void skipCiMarkersAreNoise() {
        assertThat(MessageTypeInference.infer("[ci skip] Fix typo")).isEqualTo(CommitType.DOCS);
        assertThat(MessageTypeInference.infer("Add tests [skip ci]")).isEqualTo(CommitType.TEST);
    }

    @Test
    void onlyTheStartOfALongSubjectIsRead() {
        String longSubject = "x ".repeat(MessageTypeInference.MAX_SUBJECT) + "Fix NPE";
        assertThat(MessageTypeInference.infer(longSubject)).isEqualTo(CommitType.OTHER);
        assertThat(MessageTypeInference.infer("Fix NPE " + "x".repeat(100_000))).isEqualTo(CommitType.FIX);
    }

    @Test
    void manyTagsAreStrippedOnlyUpToALimit() {
        assertThat(MessageTypeInference.infer("[a][b][c] Fix NPE")).isEqualTo(CommitType.FIX);
        assertThat(MessageTypeInference.infer("[a]".repeat(1000) + " Fix NPE")).isEqualTo(CommitType.OTHER);
    }
}
