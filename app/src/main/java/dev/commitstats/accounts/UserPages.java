package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Renders the signed-in user's own pages ({@code /user}, {@code /content}) from the {@link UserPageSection}s the
 * modules contribute, and runs their actions the same way for every module: a form posted without JavaScript gets the
 * whole page back, an htmx request ({@code HX-Request: true}) only the section's fragment; a refused use case
 * ({@link UseCaseException}) is shown next to the form that caused it (its message, never a stack trace).
 */
@Component
public final class UserPages {

    /** The signed-in user's pages. */
    public enum Page {
        /** {@code /user}: identities, tokens, repositories, refresh, webhooks, API keys, the account itself */
        USER("user", "/user"),
        /** {@code /content}: what the CV shows, outlier files, collection runs */
        CONTENT("content", "/content");

        private final String view;
        private final String path;

        Page(String view, String path) {
            this.view = view;
            this.path = path;
        }

        public String view() {
            return view;
        }

        public String path() {
            return path;
        }
    }

    private final ObjectProvider<UserPageSection> sections;

    UserPages(ObjectProvider<UserPageSection> sections) {
        this.sections = sections;
    }

    /** Fills the model with every section of the page and returns its view. */
    public String render(Caller caller, Model model, Page page) {
        caller.require(Caller.Scope.READ);
        model.addAttribute("caller", caller);
        List<UserPageSection> all = sections.orderedStream().filter(s -> s.page() == page).toList();
        for (UserPageSection section : all) {
            section.addTo(caller, model);
        }
        return page.view();
    }

    /**
     * Runs a section's action and answers as the request wants: the section's fragment for htmx, the whole page for a
     * plain form. A {@link UseCaseException} becomes the model attribute {@code errorAttribute} (the fragment shows
     * it beside its form); a plain form that failed gets the page with status 400.
     *
     * @param fragment       the section's fragment, e.g. {@code user-tokens :: tokens}
     * @param errorAttribute the model attribute that holds a refusal's message
     * @param action         the use case; it may add what to show once (a new key) to the model
     */
    public String act(Caller caller, Caller.Scope scope, Page page, String fragment, String errorAttribute,
            Model model, HttpServletRequest request, HttpServletResponse response, Consumer<Model> action) {
        try {
            caller.require(scope);
            action.accept(model);
        } catch (UseCaseException e) {
            model.addAttribute(errorAttribute, e.getMessage());
            if (!isHtmx(request)) {
                response.setStatus(status(e.kind()).value());
            }
        }
        String view = render(caller, model, page);
        if (isHtmx(request)) {
            model.addAttribute("htmx", true); // a fragment may bring others' parts along (htmx out-of-band swaps)
            return fragment;
        }
        return view;
    }

    /** Whether htmx sent the request (it then swaps in a fragment rather than a page). */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static HttpStatus status(UseCaseException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
