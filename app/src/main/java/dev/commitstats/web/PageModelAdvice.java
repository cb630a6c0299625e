package dev.commitstats.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What every page's shared layout reads, whichever module renders the page: {@code info}, the instance's version and
 * database kind for the footer, and {@code viewer}, the signed-in user's login (null for anonymous visitors), which
 * turns the navigation bar's "Sign in" into the user page and "Sign out" and puts the CSRF token in the page's head.
 * Modules' controllers need not know the web module for that.
 *
 * <p>The CV module's pages get no viewer: they are rendered once and kept for every visitor ({@code CvRenderings}),
 * so nothing of one visitor (their login, their CSRF token) may end up in them.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    /** Pages rendered once for everyone: no per-visitor parts. */
    private static final String SHARED_PAGES = "dev.commitstats.cv.";

    private final InstanceInfo info;

    PageModelAdvice(InstanceInfo info) {
        this.info = info;
    }

    @ModelAttribute("info")
    InstanceInfo.Description info() {
        return info.describe();
    }

    @ModelAttribute("viewer")
    @Nullable String viewer(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && handler.getBeanType().getName().startsWith(SHARED_PAGES)) {
            return null;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }
}
