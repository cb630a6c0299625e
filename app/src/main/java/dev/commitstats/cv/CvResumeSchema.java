package dev.commitstats.cv;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The OpenAPI schema of {@code GET /api/v1/cv/{login}/resume.json}, for the API documentation only: the endpoint
 * writes {@link CvResume#of}'s maps; these records spell out the same fields for springdoc to read.
 */
@Schema(name = "CvResume", description = "A JSON Resume (https://jsonresume.org/schema) with the `skills` section "
        + "made from the CV, and `meta`")
record CvResumeSchema(
        @JsonProperty("$schema")
        @Schema(requiredMode = REQUIRED, description = "the JSON Resume schema the document follows",
                example = CvResume.SCHEMA) String schema,
        @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "one skill per language with at "
                + "least 100 lines written (most first), then `Infrastructure` when tools were introduced, then "
                + "`<ecosystem> packages` per package ecosystem")) List<Skill> skills,
        @Schema(requiredMode = REQUIRED) Meta meta) {

    /** One skill of the JSON Resume schema. */
    @Schema(name = "CvResumeSkill", description = "a JSON Resume skill")
    record Skill(
            @Schema(requiredMode = REQUIRED, description = "a language, `Infrastructure`, or `<ecosystem> packages`",
                    example = "Java") String name,
            @Schema(requiredMode = REQUIRED, description = "measured facts instead of a self-assessed grade: lines "
                    + "written and years for a language, how many packages were introduced for an ecosystem",
                    example = "13,910 lines written, 2021–2026") String level,
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "the language itself; the "
                    + "tools introduced (Docker, Helm, Terraform, CI pipelines); at most 15 packages"))
            List<String> keywords) {
    }

    /** The JSON Resume {@code meta} section. */
    @Schema(name = "CvResumeMeta", description = "the JSON Resume `meta` section")
    record Meta(
            @Schema(requiredMode = REQUIRED, description = "the CV page's address") String canonical,
            @Schema(requiredMode = REQUIRED, description = "when the CV was computed") Instant lastModified) {
    }
}
