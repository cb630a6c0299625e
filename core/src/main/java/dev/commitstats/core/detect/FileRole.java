package dev.commitstats.core.detect;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What a path is to the detectors: a tool file, a dependency manifest of some ecosystem, or nothing. */
enum FileRole {
    DOCKERFILE(DetectionKind.DOCKERFILE, null, null),
    HELM_CHART(DetectionKind.HELM_CHART, null, null),
    TERRAFORM_MODULE(DetectionKind.TERRAFORM_MODULE, null, null),
    CI_PIPELINE(DetectionKind.CI_PIPELINE, null, null),
    MAVEN_POM(DetectionKind.PACKAGE, "maven", new MavenPomParser()),
    GRADLE(DetectionKind.PACKAGE, "maven", new GradleParser()),
    PACKAGE_JSON(DetectionKind.PACKAGE, "npm", new PackageJsonParser()),
    REQUIREMENTS(DetectionKind.PACKAGE, "pypi", new RequirementsParser()),
    PYPROJECT(DetectionKind.PACKAGE, "pypi", new PyprojectParser()),
    GO_MOD(DetectionKind.PACKAGE, "go", new GoModParser()),
    CARGO(DetectionKind.PACKAGE, "cargo", new CargoParser());

    /** Directory names whose contents are third-party copies, not the repository's own files. */
    static final Set<String> VENDORED_DIRECTORIES = Set.of("node_modules", "vendor", ".terraform");

    /** CI files whose platform reads them from any directory (the pipeline's path is configurable). */
    private static final Set<String> CI_ANY_DEPTH = Set.of("Jenkinsfile", "azure-pipelines.yml", "azure-pipelines.yaml");
    /** CI files that their platform only reads at the repository root. */
    private static final Set<String> CI_ROOT = Set.of(
            ".gitlab-ci.yml", "bitbucket-pipelines.yml", ".travis.yml", ".circleci/config.yml");

    final DetectionKind kind;
    final @Nullable String ecosystem;
    final @Nullable ManifestParser parser;

    FileRole(DetectionKind kind, @Nullable String ecosystem, @Nullable ManifestParser parser) {
        this.kind = kind;
        this.ecosystem = ecosystem;
        this.parser = parser;
    }

    boolean isTool() {
        return parser == null;
    }

    /** The role of a repository-relative, {@code /}-separated path, or {@code null} if it plays none. */
    static @Nullable FileRole of(@Nullable String path) {
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        String dir = slash < 0 ? "" : path.substring(0, slash);
        if (isVendored(dir)) {
            return null;
        }
        switch (name) {
            case "pom.xml":
                return MAVEN_POM;
            case "build.gradle":
            case "build.gradle.kts":
                return GRADLE;
            case "package.json":
                return PACKAGE_JSON;
            case "pyproject.toml":
                return PYPROJECT;
            case "go.mod":
                return GO_MOD;
            case "Cargo.toml":
                return CARGO;
            case "Chart.yaml":
                return HELM_CHART;
            case "main.tf":
                return TERRAFORM_MODULE;
            default:
                break;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt") && (lower.startsWith("requirements") || lastSegment(dir).equals("requirements"))) {
            return REQUIREMENTS;
        }
        if (isDockerfile(lower)) {
            return DOCKERFILE;
        }
        if (CI_ANY_DEPTH.contains(name) || CI_ROOT.contains(path)) {
            return CI_PIPELINE;
        }
        if (dir.equals(".github/workflows") && (lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
            return CI_PIPELINE;
        }
        return null;
    }

    private static boolean isDockerfile(String lower) {
        if (lower.endsWith(".dockerignore")) {
            return false; // Dockerfile.dockerignore is the ignore file of a Dockerfile, not one itself
        }
        return lower.equals("dockerfile") || lower.equals("containerfile")
                || lower.startsWith("dockerfile.") || lower.startsWith("containerfile.")
                || (lower.endsWith(".dockerfile") && lower.length() > ".dockerfile".length());
    }

    private static boolean isVendored(String dir) {
        int start = 0;
        while (start <= dir.length() && !dir.isEmpty()) {
            int end = dir.indexOf('/', start);
            if (end < 0) {
                end = dir.length();
            }
            if (VENDORED_DIRECTORIES.contains(dir.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static String lastSegment(String dir) {
        return dir.substring(dir.lastIndexOf('/') + 1);
    }
}
