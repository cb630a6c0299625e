package dev.commitstats.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem ({@code application/problem+json}) from the security filters, which answer before any
 * controller (and so before the web module's advice) is reached: 401 without credentials, 403 without a CSRF token,
 * 429 after too many sign-in attempts.
 */
final class Problems {

    private final ObjectProvider<JsonMapper> json;

    /** @param json the server's mapper, looked up on the first problem so that the start does not wait for it */
    Problems(ObjectProvider<JsonMapper> json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // no charset parameter: JSON is UTF-8 by definition (RFC 8259), and Jackson writes UTF-8
        json.getObject().writeValue(response.getOutputStream(), problem);
    }

    /** Whether the request is one of the JSON API's (or asks for JSON rather than a page). */
    static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
