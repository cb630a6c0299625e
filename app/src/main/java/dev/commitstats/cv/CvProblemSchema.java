package dev.commitstats.cv;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI schema of the CV API's errors, for the API documentation only: the controllers answer with Spring's
 * {@link org.springframework.http.ProblemDetail}, whose own fields springdoc would describe as Java sees them (with a
 * {@code properties} map that is never written as such); this record lists what is written.
 */
@Schema(name = "ProblemDetail", description = "An RFC 9457 problem detail")
record CvProblemSchema(
        @Schema(requiredMode = NOT_REQUIRED, format = "uri-reference", description = "a URI naming the problem "
                + "type; left out for `about:blank`, a problem described by its status alone") @Nullable String type,
        @Schema(requiredMode = REQUIRED, description = "the status's reason", example = "Not found") String title,
        @Schema(requiredMode = REQUIRED, description = "the HTTP status code", example = "404") int status,
        @Schema(requiredMode = REQUIRED, description = "what went wrong, for a person",
                example = "no published CV for 'ada'") String detail,
        @Schema(requiredMode = REQUIRED, format = "uri-reference", description = "the path that was asked for",
                example = "/api/v1/cv/ada") String instance) {
}
