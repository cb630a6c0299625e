package dev.commitstats.web;

import dev.commitstats.config.UseCaseException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The JSON API's answer to a refused use case ({@link UseCaseException}): {@code application/problem+json} with the
 * status its kind names (INVALID 400, NOT_FOUND 404, CONFLICT 409, FORBIDDEN 403) and its one-line message as the
 * {@code detail}. A controller's own handler (such as the CV API's) comes first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UseCaseProblems {

    @ExceptionHandler(UseCaseException.class)
    ResponseEntity<ProblemDetail> refused(UseCaseException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e.kind()), e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static HttpStatus status(UseCaseException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
