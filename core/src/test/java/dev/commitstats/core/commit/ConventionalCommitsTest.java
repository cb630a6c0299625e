package dev.commitstats.core.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConventionalCommitsTest {

    private static CommitKind kind(CommitType type, boolean breaking) {
        return new CommitKind(type, breaking, false);
    }

    private static CommitKind inferred(CommitType type, boolean breaking) {
        return new CommitKind(type, breaking, true);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            feat: add login                                  | FEAT
            feat(auth): add login                            | FEAT
            feature: add login                               | FEAT
            Feat: add login                                  | FEAT
            FEAT: add login                                  | FEAT
            fix: off by one                                  | FIX
            Fix: y                                           | FIX
            bugfix: crash on start                           | FIX
            hotfix(prod): crash on start                     | FIX
            refactor: extract method                         | REFACTOR
            refactoring: extract method                      | REFACTOR
            perf: cache results                              | PERF
            performance: cache results                       | PERF
            test: cover edge case                            | TEST
            tests: cover edge case                           | TEST
            docs: readme                                     | DOCS
            doc: readme                                      | DOCS
            style: reformat                                  | STYLE
            build: bump gradle                               | BUILD
            deps: bump jackson                               | BUILD
            build(deps): bump jackson from 2.17 to 2.18      | BUILD
            chore(deps): bump jackson                        | CHORE
            ci: add workflow                                 | CI
            chore: release 1.0                               | CHORE
            revert: feat: add login                          | REVERT
            `Revert "feat: add login"`                       | REVERT
            `revert "feat: add login"`                       | REVERT
            fix : French-style space before colon            | FIX
            fix	:	tabs                                      | FIX
            feat (ui): space before scope                    | FEAT
            fix:no space after colon                         | FIX
            fix:                                             | FIX
            feat(): empty scope                              | FEAT
            feat(a b/c.d-e_f): odd scope                     | FEAT
            feat(ümlaut-模块): unicode scope                  | FEAT
            `   feat: leading spaces`                        | FEAT
            feat: Fix typo in README                         | FEAT
            docs: add tests section                          | DOCS
            chore: Merge branch 'main'                       | CHORE
            """)
    void declaredTypes(String header, CommitType expected) {
        assertThat(ConventionalCommits.parse(header)).isEqualTo(kind(expected, false));
    }

    /** Headers that declare no known type: the type comes from their wording, or they stay OTHER. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Merge branch 'main' into feature                 | CHORE
            Merge pull request #12 from user/feat            | CHORE
            `Merge remote-tracking branch 'origin/main'`     | CHORE
            Fix the login bug                                | FIX
            Fix the login bug: finally                       | FIX
            fix(unclosed: scope                              | FIX
            feat(a)(b): double scope                         | FEAT
            feat!(scope): bang before scope                  | FEAT
            ✨ feat: gitmoji prefix                           | FEAT
            [JIRA-1] fix: ticket prefix                      | FIX
            release: 1.0                                     | CHORE
            Revert the login change                          | REVERT
            """)
    void inferredTypes(String header, CommitType expected) {
        assertThat(ConventionalCommits.parse(header)).isEqualTo(inferred(expected, false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"wip: not a known type", "fixup! feat: add login", "squash! fix: off by one",
            "amend! fix: off by one", "feat-x: hyphenated type", "feat2: digits", "fıx: dotless i", ": empty type",
            "Initial commit", "Update", "Changes from the meeting"})
    void messagesThatSayNothingAreOther(String header) {
        assertThat(ConventionalCommits.parse(header)).isEqualTo(kind(CommitType.OTHER, false));
    }

    @Test
    void aDeclaredTypeIsNeverInferredAndInferenceNeverGivesOther() {
        assertThat(ConventionalCommits.parse("docs: Fix NPE in parser").inferred()).isFalse();
        assertThat(ConventionalCommits.parse("Fix NPE in parser").inferred()).isTrue();
        assertThatThrownBy(() -> new CommitKind(CommitType.OTHER, false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CommitKind(CommitType.FIX, true)).isEqualTo(kind(CommitType.FIX, true));
    }

    @Test
    void bangMarksBreaking() {
        assertThat(ConventionalCommits.parse("feat(scope)!: x")).isEqualTo(kind(CommitType.FEAT, true));
        assertThat(ConventionalCommits.parse("feat!: x")).isEqualTo(kind(CommitType.FEAT, true));
        assertThat(ConventionalCommits.parse("refactor(api) ! : drop v1")).isEqualTo(kind(CommitType.REFACTOR, true));
        assertThat(ConventionalCommits.parse("wip!: unknown type, still breaking"))
                .isEqualTo(kind(CommitType.OTHER, true));
    }

    @Test
    void breakingChangeFooter() {
        assertThat(ConventionalCommits.parse("feat: x\n\nsome body\n\nBREAKING CHANGE: y"))
                .isEqualTo(kind(CommitType.FEAT, true));
        assertThat(ConventionalCommits.parse("fix(api): x\n\nBREAKING-CHANGE: y\nRefs: #1"))
                .isEqualTo(kind(CommitType.FIX, true));
        assertThat(ConventionalCommits.parse("Update everything\n\nBREAKING CHANGE: config renamed"))
                .isEqualTo(kind(CommitType.OTHER, true));
        assertThat(ConventionalCommits.parse("Rename the config keys\n\nBREAKING CHANGE: config renamed"))
                .isEqualTo(inferred(CommitType.REFACTOR, true));
    }

    @Test
    void breakingChangeFooterIsCaseSensitiveAndAnchored() {
        assertThat(ConventionalCommits.parse("feat: x\n\nbreaking change: y")).isEqualTo(kind(CommitType.FEAT, false));
        assertThat(ConventionalCommits.parse("feat: x\n\nBreaking Change: y")).isEqualTo(kind(CommitType.FEAT, false));
        assertThat(ConventionalCommits.parse("feat: x\n\nThis is not a BREAKING CHANGE: y"))
                .isEqualTo(kind(CommitType.FEAT, false));
        assertThat(ConventionalCommits.parse("feat: x\n\nBREAKING CHANGE y")).isEqualTo(kind(CommitType.FEAT, false));
        // the header itself is not a footer
        assertThat(ConventionalCommits.parse("BREAKING CHANGE: y")).isEqualTo(kind(CommitType.OTHER, false));
    }

    @Test
    void revertOfBreakingCommitIsNotBreaking() {
        assertThat(ConventionalCommits.parse("Revert \"feat!: drop v1\"\n\nThis reverts commit abc123."))
                .isEqualTo(kind(CommitType.REVERT, false));
    }

    @Test
    void onlyTheFirstLineIsTheHeader() {
        assertThat(ConventionalCommits.parse("Update stuff\nfeat: not the header")).isEqualTo(kind(CommitType.OTHER, false));
        assertThat(ConventionalCommits.parse("feat: first\n\nfix: mentioned in body\n- chore: too"))
                .isEqualTo(kind(CommitType.FEAT, false));
        // not a conventional header, but its wording starts with a type word
        assertThat(ConventionalCommits.parse("feat(scope\n): split scope")).isEqualTo(inferred(CommitType.FEAT, false));
        assertThat(ConventionalCommits.parse("Update stuff\nFix NPE in parser")).isEqualTo(kind(CommitType.OTHER, false));
    }

    @Test
    void leadingBlankLinesAreSkipped() {
        assertThat(ConventionalCommits.parse("\n\n  \t\nfix: x")).isEqualTo(kind(CommitType.FIX, false));
    }

    @Test
    void crlfLineEndings() {
        assertThat(ConventionalCommits.parse("feat(api)!: x\r\n\r\nbody\r\n"))
                .isEqualTo(kind(CommitType.FEAT, true));
        assertThat(ConventionalCommits.parse("fix: x\r\n\r\nbody line\r\nBREAKING CHANGE: y\r\n"))
                .isEqualTo(kind(CommitType.FIX, true));
        assertThat(ConventionalCommits.parse("\r\n\r\ndocs: x\r\n")).isEqualTo(kind(CommitType.DOCS, false));
        assertThat(ConventionalCommits.parse("fix: old mac\rBREAKING CHANGE: y")).isEqualTo(kind(CommitType.FIX, true));
    }

    @Test
    void unicodeSubjectsAndBodies() {
        assertThat(ConventionalCommits.parse("feat(i18n): 日本語のサポートを追加 🎉\n\nКириллица"))
                .isEqualTo(kind(CommitType.FEAT, false));
        assertThat(ConventionalCommits.parse("fix: emoji 🐛\n\nBREAKING CHANGE: ünïcödé"))
                .isEqualTo(kind(CommitType.FIX, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "\r\n\r\n", "\t \n  ", "!", ":", "(", ")", "()!:"})
    void degenerateMessagesAreOther(String message) {
        assertThat(ConventionalCommits.parse(message)).isEqualTo(kind(CommitType.OTHER, false));
    }

    @Test
    void nullIsOther() {
        assertThat(ConventionalCommits.parse(null)).isEqualTo(kind(CommitType.OTHER, false));
    }

    @ParameterizedTest
    @EnumSource(CommitType.class)
    void jsonNameIsLowerCaseName(CommitType type) {
        assertThat(type.jsonName()).isEqualTo(type.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void jsonNamesAreTheDocumentedOnes() {
        assertThat(Arrays.stream(CommitType.values()).map(CommitType::jsonName))
                .containsExactly("feat", "fix", "refactor", "perf", "test", "docs", "style", "build", "ci", "chore",
                        "revert", "other");
    }

    @Test
    void hugeAdversarialMessagesAreLinear() {
        int n = 1_000_000;
        String[] inputs = {
                "feat(" + "(".repeat(n) + ": x",
                "a".repeat(n) + ": x",
                "feat" + " ".repeat(n) + "x",
                "feat(" + "x".repeat(n),
                "\n".repeat(n) + "fix: x",
                "fix: x" + "\nBREAKING".repeat(n / 9),
                "\r\n ".repeat(n / 3),
        };
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String input : inputs) {
                assertThat(ConventionalCommits.parse(input)).isNotNull();
            }
        });
        assertThat(ConventionalCommits.parse("\n".repeat(1000) + "fix: x")).isEqualTo(kind(CommitType.FIX, false));
    }
}
