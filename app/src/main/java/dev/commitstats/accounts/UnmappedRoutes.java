package dev.commitstats.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requests that no controller maps: they get the 404 page (or problem) whether signed in or not, instead of a detour
 * through sign-in to a page that does not exist. Every route that shows or changes a user's data is a controller, so
 * this opens nothing; static files are public anyway, and actuator paths are left out (only the ones listed as public
 * are). A path that a controller maps for another method counts as mapped.
 */
final class UnmappedRoutes implements RequestMatcher {

    private final ApplicationContext context;

    UnmappedRoutes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/actuator")) {
            return false;
        }
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                    .getHandler(request) == null;
        } catch (Exception mappedForAnotherMethodOrUnreadable) {
            return false;
        } finally {
            if (parsed == null) {
                request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            }
        }
    }
}
