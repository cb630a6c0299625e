package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.commitstats.core.testing.GitOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The skip patterns' semantics: a table of patterns and paths, and {@code git check-ignore} as the judge. */
class PathGlobTest {

    /** Files of a made-up repository, chosen to sit on every edge of the table below. */
    static final List<String> PATHS = List.of("README.md", "docs/index.md", "docs/api/index.md", "src/docs/x.md",
            "vendor/lib.js", "vendor/sub/deep.js", "src/vendor/a.js", "src/vendorx/a.js", "lib/vendor",
            "app.min.js", "web/js/app.min.js", "web/js/app.js", "build/out.txt", "src/build/out.txt",
            "a/b/c/d.txt", "a/d.txt", "a/x/y/b/z.txt", "a/b.txt", "test/T1.java", "src/test/T2.java",
            "file1.c", "file2.h", "file3.o", "x/file4.c", "Makefile", "docs/Makefile", "data/[x].json");

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.md              | README.md               | true
            *.md              | docs/api/index.md       | true
            *.md              | README.mdx              | false
            /*.md             | README.md               | true
            /*.md             | docs/index.md           | false
            docs/*.md         | docs/index.md           | true
            docs/*.md         | src/docs/x.md           | false
            docs/*            | docs/api/index.md       | true
            docs/             | docs/api/index.md       | true
            docs/             | src/docs/x.md           | true
            /docs/            | src/docs/x.md           | false
            vendor/           | lib/vendor              | false
            vendor            | lib/vendor              | true
            vendor            | src/vendor/a.js         | true
            vendor            | src/vendorx/a.js        | false
            vendor/**         | vendor/sub/deep.js      | true
            vendor/**         | src/vendor/a.js         | false
            **/vendor/**      | src/vendor/a.js         | true
            **/vendor         | lib/vendor              | true
            a/**/d.txt        | a/d.txt                 | true
            a/**/d.txt        | a/b/c/d.txt             | true
            a/**/b            | a/x/y/b/z.txt           | true
            a/**/b            | a/b.txt                 | false
            file?.c           | file1.c                 | true
            file?.c           | x/file4.c               | true
            file[12].[ch]     | file2.h                 | true
            file[!12].c       | x/file4.c               | true
            file[!12].c       | file1.c                 | false
            file[0-9].o       | file3.o                 | true
            web/*.js          | web/js/app.js           | false
            web/**.js         | web/js/app.js           | false
            web/**/*.js       | web/js/app.js           | true
            Makefile          | docs/Makefile           | true
            /Makefile         | docs/Makefile           | false
            data/[[]x].json   | data/[x].json           | true
            **                | a/b/c/d.txt             | true
            """)
    void patternsSkipWhatAGitignoreLineIgnores(String pattern, String path, boolean skipped) {
        assertThat(PathGlob.of(pattern).skips(path)).isEqualTo(skipped);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*.md", "/*.md", "docs/*.md", "docs/*", "docs/", "/docs/", "docs", "vendor/", "vendor",
            "/vendor", "vendor/**", "**/vendor/**", "**/vendor", "a/**/d.txt", "a/**/b", "a/**", "a/*/", "a/b",
            "file?.c", "file[12].[ch]", "file[!12].c", "file[^12].c", "file[0-9].o", "*.min.js", "web/*.js",
            "web/**.js", "web/**/*.js", "Makefile", "/Makefile", "build/", "/build/", "*/out.txt", "src/*/",
            "test", "**/test", "T?.java", "**", "*", "data/[[]x].json", "a**d.txt"})
    void gitCheckIgnoreAgrees(String pattern, @TempDir Path dir) throws Exception {
        Set<String> ours = new TreeSet<>();
        PathGlob glob = PathGlob.of(pattern);
        PATHS.forEach(p -> {
            if (glob.skips(p)) {
                ours.add(p);
            }
        });
        assertThat(ours).isEqualTo(GitOracle.ignoredBy(dir, pattern, PATHS));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                 | it is empty
            /                  | it is empty
            " vendor"          | starts or ends with a space
            ../secret          | '..' is not allowed
            src/../x           | '..' is not allowed
            ./src              | '.' is not allowed
            a//b               | empty folder name
            C:/repo/vendor     | a path on this machine
            ~/repo             | a path on this machine
            vendor\\lib        | backslash
            !vendor            | negation is not supported
            #notes             | comment
            file[12.c          | a [ is not closed
            a[/b]              | not closed within its folder name
            """)
    void invalidPatternsAreRefusedWithTheReason(String pattern, String reason) {
        assertThatThrownBy(() -> PathGlob.of(pattern)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid path pattern '" + pattern + "': ").hasMessageContaining(reason);
    }

    @Test
    void tooLongAndTooManyAreRefused() {
        assertThatThrownBy(() -> PathGlob.of("a".repeat(PathGlob.MAX_LENGTH + 1))).hasMessageContaining("longer than");
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i <= SkipRules.MAX_PATHS; i++) {
            many.add("dir" + i + "/");
        }
        assertThatThrownBy(() -> SkipRules.of(many, List.of())).hasMessage("201 path patterns: at most 200 per repository");
    }

    @Test
    void commitsMustBeFullShasInAnyCase() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        assertThat(SkipRules.of(List.of(), List.of(sha.toUpperCase())).commits()).containsExactly(sha);
        assertThatThrownBy(() -> SkipRules.of(List.of(), List.of("0123abc")))
                .hasMessage("invalid commit '0123abc': give the full 40-character sha (git rev-parse 0123abc prints it)");
        assertThatThrownBy(() -> SkipRules.of(List.of(), List.of("HEAD~2")))
                .hasMessage("invalid commit 'HEAD~2': give the full 40-character sha");
    }
}
