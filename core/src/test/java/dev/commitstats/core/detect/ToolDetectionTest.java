package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.detect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolDetectionTest {

    private final Detectors detectors = Detectors.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            Dockerfile,                                  DOCKERFILE
            services/api/Dockerfile,                     DOCKERFILE
            Containerfile,                               DOCKERFILE
            docker/api.Dockerfile,                       DOCKERFILE
            Dockerfile.dev,                              DOCKERFILE
            build/Dockerfile.alpine,                     DOCKERFILE
            dockerfile,                                  DOCKERFILE
            charts/web/Chart.yaml,                       HELM_CHART
            Chart.yaml,                                  HELM_CHART
            infra/modules/vpc/main.tf,                   TERRAFORM_MODULE
            main.tf,                                     TERRAFORM_MODULE
            .github/workflows/ci.yml,                    CI_PIPELINE
            .github/workflows/release.yaml,              CI_PIPELINE
            .gitlab-ci.yml,                              CI_PIPELINE
            Jenkinsfile,                                 CI_PIPELINE
            ci/jenkins/Jenkinsfile,                      CI_PIPELINE
            azure-pipelines.yml,                         CI_PIPELINE
            pipelines/azure-pipelines.yaml,              CI_PIPELINE
            .circleci/config.yml,                        CI_PIPELINE
            bitbucket-pipelines.yml,                     CI_PIPELINE
            .travis.yml,                                 CI_PIPELINE
            """)
    void addedToolFileIsDetected(String path, DetectionKind kind) {
        assertThat(detectors.interested(path)).isTrue();
        assertThat(detect(path, null, "content\n")).containsExactly(new Detection(kind, null, path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Dockerfile", "charts/web/Chart.yaml", "infra/main.tf", ".github/workflows/ci.yml", "Jenkinsfile"})
    void editedOrDeletedToolFileIsNotDetected(String path) {
        assertThat(detect(path, "old\n", "new\n")).isEmpty();
        assertThat(detect(path, "old\n", null)).isEmpty();
        assertThat(detect(path, null, null)).isEmpty();
    }

    @Test
    void addedEmptyToolFileCounts() {
        assertThat(detect("Dockerfile", null, "")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "README.md", "src/Main.java", "Dockerfile.dockerignore", ".dockerignore", "docker-compose.yml",
            "Chart.yml", "charts/web/values.yaml", "infra/variables.tf", "infra/main.tf.json",
            ".github/workflows/README.md", ".github/workflows/sub/ci.yml", ".github/dependabot.yml",
            "sub/.github/workflows/ci.yml", "sub/.gitlab-ci.yml", "sub/.travis.yml", "sub/.circleci/config.yml",
            ".circleci/other.yml", "sub/bitbucket-pipelines.yml", "Jenkinsfile.groovy", ".dockerfile",
            "node_modules/foo/Dockerfile", "vendor/github.com/x/y/Dockerfile", "a/.terraform/modules/m/main.tf",
            "package-lock.json", "requirements.in", "go.sum", "Cargo.lock", "settings.gradle", "pom.xml.bak",
            "", "dir/"})
    void unrelatedFilesAreNotOfInterest(String path) {
        assertThat(detectors.interested(path)).isFalse();
        assertThat(detect(path, null, "FROM alpine\n")).isEmpty();
    }

    @Test
    void nullPathIsHarmless() {
        assertThat(detectors.interested(null)).isFalse();
        assertThat(detectors.detect(null, null, new byte[0])).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pom.xml", "a/b/pom.xml", "build.gradle", "app/build.gradle.kts", "package.json", "web/package.json",
            "requirements.txt", "requirements-dev.txt", "requirements_test.txt", "requirements/base.txt",
            "pyproject.toml", "go.mod", "tools/go.mod", "Cargo.toml", "crates/x/Cargo.toml"})
    void manifestsAreOfInterest(String path) {
        assertThat(detectors.interested(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "node_modules/left-pad/package.json", "web/node_modules/@types/node/package.json",
            "vendor/github.com/pkg/errors/go.mod", "php/vendor/x/y/requirements.txt", "vendor/serde/Cargo.toml"})
    void vendoredManifestsAreIgnored(String path) {
        assertThat(detectors.interested(path)).isFalse();
        assertThat(detect(path, null, "{\"dependencies\":{\"a\":\"1\"}}")).isEmpty();
    }

    @Test
    void standardIsShared() {
        assertThat(Detectors.standard()).isSameAs(Detectors.standard());
    }

    @Test
    void jsonNames() {
        assertThat(Arrays.stream(DetectionKind.values()).map(DetectionKind::jsonName))
                .containsExactly("dockerfile", "helm_chart", "terraform_module", "ci_pipeline", "package");
    }
}
