package dev.commitstats.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Adversarial inputs of a few megabytes: every parser must stay linear (no regex backtracking, no quadratic
 * rescans) and must not recurse on nesting.
 */
class HugeInputTest {

    private static final int N = 200_000;

    static List<Arguments> adversarial() {
        return List.of(
                Arguments.of("package.json", "[".repeat(3 * N)),
                Arguments.of("package.json", "{\"a\":\"" + "\\\"".repeat(N)),
                Arguments.of("package.json", "{\"dependencies\":{" + "\"x\":".repeat(N)),
                Arguments.of("package.json", " ".repeat(3 * N) + "{}"),
                Arguments.of("pyproject.toml", "a=" + "[".repeat(3 * N)),
                Arguments.of("pyproject.toml", "a={b=" + "{c=".repeat(N)),
                Arguments.of("pyproject.toml", "[a" + ".a".repeat(N) + "]\n" + "b=1\n".repeat(N / 4)),
                Arguments.of("pyproject.toml", "a=\"\"\"" + "\"".repeat(3 * N)),
                Arguments.of("pyproject.toml", "a='''" + "'''\n".repeat(N)),
                Arguments.of("pyproject.toml", "\"\"\"".repeat(N)),
                Arguments.of("Cargo.toml", "[dependencies]\n" + "x = { a = { b = 1 } }\n".repeat(N / 20)),
                Arguments.of("Cargo.toml", "[dependencies]\nx = {" + " a.b.c.d.e.f.g.h = 1,".repeat(N / 20) + "}\n"),
                Arguments.of("pom.xml", "<project>" + "<a>".repeat(N)),
                Arguments.of("pom.xml", "<project>" + "<a>".repeat(2000) + "</a>".repeat(2000) + "</project>"),
                Arguments.of("pom.xml", "<project><properties><p>" + "${p}".repeat(N / 4)
                        + "</p></properties><dependencies><dependency><groupId>" + "${p}".repeat(N / 4)
                        + "</groupId><artifactId>a</artifactId></dependency></dependencies></project>"),
                Arguments.of("build.gradle", "implementation '".repeat(N / 4)),
                Arguments.of("build.gradle", "implementation \"" + "\\\"".repeat(N)),
                Arguments.of("build.gradle", "\"\\\"".repeat(N)),
                Arguments.of("build.gradle", "/*".repeat(N)),
                Arguments.of("build.gradle", "'''".repeat(N)),
                Arguments.of("build.gradle", "implementation(".repeat(N / 4)),
                Arguments.of("build.gradle", "implementation group: 'a', ".repeat(N / 20)),
                Arguments.of("build.gradle.kts", "implementation(platform(".repeat(N / 10)),
                Arguments.of("requirements.txt", "\\\n".repeat(N)),
                Arguments.of("requirements.txt", "a".repeat(3 * N)),
                Arguments.of("requirements.txt", "a#".repeat(N)),
                Arguments.of("go.mod", "require (\n".repeat(N / 4)),
                Arguments.of("go.mod", "require " + "x".repeat(3 * N) + " v1"),
                Arguments.of("go.mod", "//".repeat(N)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("adversarial")
    void adversarialInputIsFastAndHarmless(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(Detectors.standard().detect(path, null, bytes)).isNotNull();
            assertThat(Detectors.standard().detect(path, bytes, bytes)).isEmpty();
        });
    }

    @Test
    void largeValidManifestIsParsed() {
        StringBuilder json = new StringBuilder("{\"dependencies\":{");
        for (int i = 0; i < 50_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"pkg-").append(i).append("\":\"1.0.0\"");
        }
        json.append("}}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(Detectors.standard().detect("package.json", null, bytes)).hasSize(50_000));
    }

    @Test
    void manifestsOverTheSizeCapAreSkipped() {
        byte[] big = new byte[Detectors.MAX_MANIFEST_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        byte[] ok = "{\"dependencies\":{\"a\":\"1\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(Detectors.standard().detect("package.json", null, big)).isEmpty();
        assertThat(Detectors.standard().detect("package.json", big, ok)).isEmpty();
    }
}
