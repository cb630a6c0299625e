package dev.commitstats.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** {@link Detectors#detect} never throws and never returns {@code null}, whatever the content. */
class DetectorsFuzzTest {

    private static final Detectors DETECTORS = Detectors.standard();

    static final List<String> PATHS = List.of(
            "pom.xml", "build.gradle", "app/build.gradle.kts", "package.json", "requirements.txt",
            "requirements/dev.txt", "pyproject.toml", "go.mod", "Cargo.toml", "Dockerfile", "charts/x/Chart.yaml",
            "main.tf", ".github/workflows/ci.yml", "README.md");

    /** Tokens that steer random input into the interesting parts of each grammar. */
    private static final List<String> TOKENS = List.of(
            "{", "}", "[", "]", "(", ")", "\"", "'", "'''", "\"\"\"", ":", "=", ",", ".", "\\", "\\u00", "#", "//",
            "/*", "*/", "\n", "\r\n", " ", "\t", "-", "@", "${", "<", ">", "/>", "</", "<!--", "-->", "<!DOCTYPE",
            "<project>", "</project>", "<dependencies>", "</dependencies>", "<dependency>", "</dependency>",
            "<groupId>", "</groupId>", "<artifactId>", "</artifactId>", "${project.groupId}", "\"dependencies\"",
            "\"devDependencies\"", "\"react\"", "\"1.0\"", "true", "null", "-0.5e+3", "implementation", "api",
            "platform(", "kotlin(", "group:", "name:", "'g:a:1'", "\"g:a:1\"", "require", "require (", "// indirect",
            "github.com/x/y", "v1.0.0", "[dependencies]", "[dependencies.serde]", "package", "[project]",
            "dependencies", "[tool.poetry.dependencies]", "[tool.poetry.group.dev.dependencies]", "python",
            "[target.'cfg(x)'.dependencies]", "-r", "-e", "requests[security]>=2", "; python_version<'3'", "é", "\u0000",
            "\uFEFF", "\uD83D\uDE00", "\uD800");

    @Property(tries = 100)
    void arbitraryStrings(@ForAll("paths") String path, @ForAll @StringLength(max = 200) String oldText,
                          @ForAll @StringLength(max = 200) String newText, @ForAll boolean added) {
        check(path, added ? null : utf8(oldText), utf8(newText));
    }

    @Property(tries = 100)
    void arbitraryBytes(@ForAll("paths") String path, @ForAll @Size(max = 300) byte[] oldBytes,
                        @ForAll @Size(max = 300) byte[] newBytes, @ForAll boolean added) {
        check(path, added ? null : oldBytes, newBytes);
    }

    @Property(tries = 300)
    void grammarShapedStrings(@ForAll("paths") String path, @ForAll("tokenSoup") String oldText,
                              @ForAll("tokenSoup") String newText, @ForAll boolean added) {
        check(path, added ? null : utf8(oldText), utf8(newText));
    }

    @Property(tries = 100)
    void editsOfRealisticManifests(@ForAll("manifest") String[] pathAndContent, @ForAll("tokenSoup") String junk,
                                   @ForAll("fraction") double where) {
        String path = pathAndContent[0];
        String content = pathAndContent[1];
        int at = (int) (where * content.length());
        String mutated = content.substring(0, at) + junk + content.substring(at);
        check(path, utf8(content), utf8(mutated));
        check(path, utf8(mutated), utf8(content));
        check(path, null, utf8(mutated));
    }

    @Property(tries = 50)
    void arbitraryPaths(@ForAll @StringLength(max = 80) String path) {
        DETECTORS.interested(path);
        check(path, null, new byte[] {'{', '}'});
    }

    private static void check(String path, byte[] oldContent, byte[] newContent) {
        List<Detection> detections = DETECTORS.detect(path, oldContent, newContent);
        assertThat(detections).isNotNull().doesNotContainNull();
        for (Detection d : detections) {
            assertThat(d.name()).isNotEmpty();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String[]> manifest() {
        return Arbitraries.of(
                new String[] {"pom.xml", MavenDetectionTest.POM},
                new String[] {"build.gradle", GradleDetectionTest.GROOVY},
                new String[] {"build.gradle.kts", GradleDetectionTest.KOTLIN},
                new String[] {"package.json", NpmDetectionTest.PACKAGE_JSON},
                new String[] {"requirements.txt", PypiDetectionTest.REQUIREMENTS},
                new String[] {"pyproject.toml", PypiDetectionTest.PYPROJECT_PEP621},
                new String[] {"pyproject.toml", PypiDetectionTest.PYPROJECT_POETRY},
                new String[] {"go.mod", GoDetectionTest.GO_MOD},
                new String[] {"Cargo.toml", CargoDetectionTest.CARGO});
    }
}
