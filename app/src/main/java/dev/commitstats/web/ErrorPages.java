package dev.commitstats.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What an error looks like when no controller answered it: a friendly page ({@code error/404}, {@code error/403},
 * {@code error/500}, ...) for a browser, {@code application/problem+json} for the JSON API. Neither shows a stack
 * trace, an exception's message or anything the request sent beyond its path.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    Object page(HttpServletRequest request) {
        HttpStatus status = status(request);
        if (path(request).startsWith("/api/")) {
            return problem(request); // the API answers in JSON, whatever a browser accepts
        }
        String view = switch (status.value()) {
            case 403, 404 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/4xx" : "error/500";
        };
        return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status.value()) {
            case 404 -> "nothing here: see /api/docs for the API";
            case 403 -> "forbidden";
            case 405 -> "this method is not allowed here";
            default -> status.is5xxServerError() ? "an internal error: it has been logged" : status.getReasonPhrase();
        });
        problem.setInstance(URI.create(path(request)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String path(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : "/";
    }
}
