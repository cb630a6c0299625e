package dev.commitstats.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer KEY} by that key alone: the request is stateless
 * (nothing is saved to a session), and a session cookie sent along is ignored, so a key can never borrow a browser
 * session's rights. A wrong or revoked key ends the request with 401. A key anywhere else (query string, cookie, form
 * field) is not read.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final ObjectProvider<ApiKeys> keys;
    private final Problems problems;

    /** @param keys looked up on the first request with a key, so that the server starts without building them */
    ApiKeyFilter(ObjectProvider<ApiKeys> keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    /** Whether the request authenticates with a key (and is therefore exempt from CSRF protection). */
    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<Caller> caller = keys.getObject().authenticate(key);
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "the API key is unknown or revoked: create a new one on your user page");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
