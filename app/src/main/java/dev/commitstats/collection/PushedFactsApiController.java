package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import dev.commitstats.config.UseCaseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/facts} and {@code POST /api/v1/facts/known}: commit facts mined on the user's own machine by
 * {@code commitstats push} (API key with the {@code push} scope). The body is read raw, at most
 * {@code commitstats.push.max-body} plus one byte, and checked field by field ({@link PushedFacts#read}): a bad field
 * gets 400 naming it, and nothing of that request is stored; the database being busy gets 503 (retry), never 500.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "facts", description = "Commit facts mined on your own machine (`commitstats push`)")
class PushedFactsApiController {

    private static final Logger log = LoggerFactory.getLogger(PushedFactsApiController.class);

    private final PushedFacts pushed;

    PushedFactsApiController(PushedFacts pushed) {
        this.pushed = pushed;
    }

    @PostMapping(value = "/facts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push commit facts", description = "Stores a batch of commit facts for the repository "
            + "with this label (created on the first batch as a `pushed` repository that the server never fetches). "
            + "Numbers only: a field that is not in the schema is refused. Idempotent per (label, sha): a commit sent "
            + "again replaces itself. Every field is checked first, and a batch with a bad field is refused whole "
            + "(400, its `detail` names the field, e.g. `facts[3].languages.Java.additions: must be >= 0`).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PushedFacts.Batch.class))))
    @ApiResponse(responseCode = "200", description = "stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PushedFacts.Stored.class)))
    @ApiResponse(responseCode = "400", description = "a field is wrong; nothing was stored", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "the repository is being removed or pushed by another request, "
            + "or the label names a repository that is not pushed", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    PushedFacts.Stored push(Caller caller, HttpServletRequest request) {
        caller.require(Caller.Scope.PUSH);
        PushedFacts.Batch batch = pushed.read(body(request));
        return pushed.push(caller.userId(), batch);
    }

    @PostMapping(value = "/facts/known", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The commits the server has of a label", description = "Body `{\"repository\": \"LABEL\"}`."
            + " Answers the stored shas (so that a push sends only new commits), the counting rules they were mined "
            + "with and your emails.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = KnownRequest.class))))
    @ApiResponse(responseCode = "200", description = "what the server has", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PushedFacts.Known.class)))
    PushedFacts.Known known(Caller caller, HttpServletRequest request) {
        caller.require(Caller.Scope.PUSH);
        return pushed.known(caller.userId(), PushedFacts.readLabel(body(request)));
    }

    /** @param repository the label */
    record KnownRequest(@Schema(example = "payroll") String repository) {
    }

    private byte[] body(HttpServletRequest request) {
        long max = pushed.settings().maxBody().toBytes();
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "body: could not be read");
        }
    }

    /** The database could not take the batch now (busy, or a moment's outage): nothing was stored; try again. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> unavailable(DataAccessException e, HttpServletRequest request) {
        log.warn("pushed facts not stored: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the server cannot store facts right now; nothing was stored, try again");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
