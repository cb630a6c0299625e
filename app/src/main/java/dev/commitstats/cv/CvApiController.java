package dev.commitstats.cv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/cv/{login}} and {@code /api/v1/cv/{login}/{name}}: a published CV as JSON, from its snapshot. */
@RestController
@RequestMapping("/api/v1/cv")
@Tag(name = "cv", description = "Published coding CVs")
class CvApiController {

    private final CvSnapshots snapshots;
    private final CvRenderings renderings;
    private final JsonMapper json;

    /** @param json the server's own mapper, so a kept rendering is byte for byte what Spring would have written */
    CvApiController(CvSnapshots snapshots, CvRenderings renderings, JsonMapper json) {
        this.snapshots = snapshots;
        this.renderings = renderings;
        this.json = json;
    }

    @GetMapping("/{login}")
    @Operation(summary = "A published CV",
            description = "The same numbers as the CV page: top-level commits, additions, deletions, languages, "
                    + "excluded, types and detected shaped as in `commitstats stats --format json`; activity; series "
                    + "(weeks); repositories (private ones masked: described by languages and years, never named); "
                    + "punch_card; key_metrics; days; months. Users who have not published their CV are not found.")
    @ApiResponse(responseCode = "200", description = "the CV", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CvJsonSchema.class),
            examples = @ExampleObject(name = CvApiExamples.CV, ref = CvApiExamples.REF + CvApiExamples.CV)))
    // an empty @Content: springdoc would otherwise give the 304 the handler's return type as a body
    @ApiResponse(responseCode = "304", description = "the CV has not changed since the `ETag` given in "
            + "`If-None-Match`", content = @Content)
    @ApiResponse(responseCode = "404", description = "no such user, or their CV is not public",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = CvProblemSchema.class),
                    examples = @ExampleObject(name = CvApiExamples.NOT_FOUND,
                            ref = CvApiExamples.REF + CvApiExamples.NOT_FOUND)))
    ResponseEntity<?> cv(@Parameter(description = "the user's login") @PathVariable String login) {
        return json(snapshots.publishedSnapshot(login), login);
    }

    @GetMapping("/{login}/{name}")
    @Operation(operationId = "namedCv", summary = "A published named CV",
            description = "One of the user's named CVs (`/cv/{login}/{name}`): exactly the fields of the default CV, "
                    + "every number counted over the CV's own selection of repositories, identities and days (key "
                    + "metrics and streaks end on the last day of a period that ended). Private repositories are "
                    + "masked as on the default CV. Unknown or unpublished CVs are not found.")
    @ApiResponse(responseCode = "200", description = "the CV", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CvJsonSchema.class),
            examples = @ExampleObject(name = CvApiExamples.CV, ref = CvApiExamples.REF + CvApiExamples.CV)))
    @ApiResponse(responseCode = "304", description = "the CV has not changed since the `ETag` given in "
            + "`If-None-Match`", content = @Content)
    @ApiResponse(responseCode = "404", description = "no such user or CV, or the CV is not public",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = CvProblemSchema.class),
                    examples = @ExampleObject(name = CvApiExamples.NOT_FOUND,
                            ref = CvApiExamples.REF + CvApiExamples.NOT_FOUND)))
    ResponseEntity<?> namedCv(@Parameter(description = "the user's login") @PathVariable String login,
            @Parameter(description = "the CV's name") @PathVariable String name) {
        return json(snapshots.publishedSnapshot(login, name), login + "/" + name);
    }

    private ResponseEntity<?> json(java.util.Optional<CvSnapshots.Published> published, String address) {
        return published
                .<ResponseEntity<?>>map(cv -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                        .eTag(cv.etag("json"))  // a matching If-None-Match gets 304 without a body
                        .body(renderings.get(cv.key("json"),
                                () -> json.writeValueAsBytes(CvJson.apiFields(cv.document())))))
                .orElseGet(() -> notFound(address));
    }

    @GetMapping("/{login}/resume.json")
    @Operation(summary = "A published CV as a JSON Resume skills section",
            description = "The `skills` section of a JSON Resume (https://jsonresume.org/schema): one skill per "
                    + "language with at least 100 lines written, most first, whose level states the lines written and "
                    + "the years; the infrastructure tools introduced; the packages introduced per ecosystem. Users "
                    + "who have not published their CV are not found.")
    @ApiResponse(responseCode = "200", description = "the skills section", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CvResumeSchema.class),
            examples = @ExampleObject(name = CvApiExamples.RESUME,
                    ref = CvApiExamples.REF + CvApiExamples.RESUME)))
    @ApiResponse(responseCode = "404", description = "no such user, or their CV is not public",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = CvProblemSchema.class),
                    examples = @ExampleObject(name = CvApiExamples.NOT_FOUND,
                            ref = CvApiExamples.REF + CvApiExamples.NOT_FOUND)))
    ResponseEntity<?> resume(@Parameter(description = "the user's login") @PathVariable String login,
            HttpServletRequest request) {
        String canonical = ServletUriComponentsBuilder
                .fromContextPath(request).path("/cv/{login}").buildAndExpand(login).toUriString();
        return snapshots.published(login)
                .<ResponseEntity<?>>map(cv -> ResponseEntity.ok(CvResume.of(cv, canonical)))
                .orElseGet(() -> notFound(login));
    }

    @GetMapping("/{login}/{name}/resume.json")
    @Operation(operationId = "namedResume", summary = "A published named CV as a JSON Resume skills section",
            description = "The `skills` section of a JSON Resume, as for the default CV, from the named CV's own "
                    + "selection. Unknown or unpublished CVs are not found.")
    @ApiResponse(responseCode = "200", description = "the skills section", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CvResumeSchema.class),
            examples = @ExampleObject(name = CvApiExamples.RESUME,
                    ref = CvApiExamples.REF + CvApiExamples.RESUME)))
    @ApiResponse(responseCode = "404", description = "no such user or CV, or the CV is not public",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = CvProblemSchema.class),
                    examples = @ExampleObject(name = CvApiExamples.NOT_FOUND,
                            ref = CvApiExamples.REF + CvApiExamples.NOT_FOUND)))
    ResponseEntity<?> namedResume(@Parameter(description = "the user's login") @PathVariable String login,
            @Parameter(description = "the CV's name") @PathVariable String name, HttpServletRequest request) {
        String canonical = ServletUriComponentsBuilder
                .fromContextPath(request).path("/cv/{login}/{name}").buildAndExpand(login, name).toUriString();
        return snapshots.published(login, name)
                .<ResponseEntity<?>>map(cv -> ResponseEntity.ok(CvResume.of(cv, canonical)))
                .orElseGet(() -> notFound(login + "/" + name));
    }

    private static ResponseEntity<ProblemDetail> notFound(String login) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no published CV for '" + login + "'");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
