package dev.commitstats.core.detect;

import java.util.Locale;

/** What a {@link Detection} found. */
public enum DetectionKind {
    /** A container build file ({@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile}, {@code Dockerfile.*}). */
    DOCKERFILE,
    /** A Helm chart, introduced by adding its {@code Chart.yaml}. */
    HELM_CHART,
    /** A Terraform module, introduced by adding its {@code main.tf}. */
    TERRAFORM_MODULE,
    /** A CI pipeline definition (GitHub Actions, GitLab CI, Jenkins, Azure Pipelines, CircleCI, Bitbucket, Travis). */
    CI_PIPELINE,
    /** A third-party package newly declared in a dependency manifest. */
    PACKAGE;

    private final String jsonName = name().toLowerCase(Locale.ROOT);

    /**
     * The lower-case name used in JSON output and storage, e.g. {@code "helm_chart"}.
     *
     * @return the JSON name, never {@code null}
     */
    public String jsonName() {
        return jsonName;
    }
}
