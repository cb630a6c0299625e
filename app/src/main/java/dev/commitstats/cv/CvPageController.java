package dev.commitstats.cv;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.Callers;
import dev.commitstats.core.classify.LanguageColors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * {@code GET /cv/{login}}: the public CV page, and {@code GET /cv/{login}/year/{yyyy}}: one year of it in review, both
 * also for each named CV ({@code /cv/{login}/{name}}, {@code /cv/{login}/{name}/year/{yyyy}}),
 * rendered from the user's snapshot ({@link CvSnapshots#published}), never aggregated per request. Anyone gets the same
 * 404 page for an unknown user and for one who has not published their CV, so the page does not tell whether a login
 * exists; a year outside the CV's commit span, or one that is not a year, gets it too.
 */
@Controller
class CvPageController {

    static final String CV_VIEW = "cv";
    static final String YEAR_VIEW = "cv-year";
    static final String NOT_FOUND_VIEW = "cv-not-found";

    /** Four digits: anything else in the year's place is not a year in review, and gets the 404 page, never a 400. */
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final CvSnapshots snapshots;
    private final CvRenderings renderings;
    private final ThymeleafViewResolver views;
    private final CvDocuments documents;
    private final CvPages pages;
    private final Callers callers;
    private final LanguageColors colors = LanguageColors.standard();

    CvPageController(CvSnapshots snapshots, CvRenderings renderings, ThymeleafViewResolver views,
            CvDocuments documents, CvPages pages, Callers callers) {
        this.snapshots = snapshots;
        this.renderings = renderings;
        this.views = views;
        this.documents = documents;
        this.pages = pages;
        this.callers = callers;
    }

    /**
     * The page, rendered once per snapshot and then served as kept bytes ({@link CvRenderings}): it is the same for
     * every visitor. A CV that is not published is "not found" for everyone but its signed-in owner, who gets a
     * preview with a "not public" banner: computed per request as the public would see it, never kept, never
     * cacheable ({@code Cache-Control: private, no-store}), so that it cannot reach another visitor.
     */
    @GetMapping("/cv/{login}")
    @Nullable ModelAndView cv(@PathVariable String login, Model model, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        return page(snapshots.publishedSnapshot(login), login, null, model, request, response);
    }

    /** A named CV's page: the same page over its own selection, the same 404 when it is unknown or unpublished. */
    @GetMapping("/cv/{login}/{name}")
    @Nullable ModelAndView named(@PathVariable String login, @PathVariable String name, Model model,
            HttpServletRequest request, HttpServletResponse response) throws Exception {
        return page(snapshots.publishedSnapshot(login, name), login, name, model, request, response);
    }

    private @Nullable ModelAndView page(Optional<CvSnapshots.Published> published, String login,
            @Nullable String name, Model model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (published.isEmpty()) {
            Optional<CvDocument> preview = ownersPreview(login, name);
            if (preview.isEmpty()) {
                return notFound(name == null ? login : login + "/" + name);
            }
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            Map<String, Object> m = new HashMap<>(model.asMap());
            m.put("page", CvPage.of(preview.get(), colors, true));
            views.resolveViewName(CV_VIEW, Locale.ENGLISH).render(m, request, response);
            return null;
        }
        CvSnapshots.Published cv = published.get();
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "max-age=60");
        byte[] kept = renderings.peek(cv.key("page"));
        if (kept == null) {
            Map<String, Object> m = new HashMap<>(model.asMap());
            m.put("page", CvPage.of(cv.document(), colors, false));
            View view = views.resolveViewName(CV_VIEW, Locale.ENGLISH);
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            view.render(m, request, capture);
            kept = capture.getContentAsByteArray();
            renderings.put(cv.key("page"), kept);
        }
        response.setContentLength(kept.length);
        response.getOutputStream().write(kept);
        return null;  // the response is written: no view to render
    }

    /**
     * The unpublished CV as the public would see it once published, when the signed-in caller owns it; empty for
     * anyone else (and for a named CV that does not exist).
     */
    private Optional<CvDocument> ownersPreview(String login, @Nullable String name) {
        Optional<Caller> owner = callers.current().filter(c -> c.login().equals(login));
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (name == null) {
            return Optional.of(documents.build(login, CvSnapshots.SERIES, CvDocument.Audience.PUBLIC));
        }
        return pages.find(login, name)
                .map(cv -> documents.build(login, CvSnapshots.SERIES, CvDocument.Audience.PUBLIC, cv));
    }

    @GetMapping("/cv/{login}/year/{year}")
    ModelAndView year(@PathVariable String login, @PathVariable String year) {
        if (!YEAR.matcher(year).matches()) {
            return notFound(login);
        }
        return year(snapshots.published(login), year, login);
    }

    @GetMapping("/cv/{login}/{name}/year/{year}")
    ModelAndView namedYear(@PathVariable String login, @PathVariable String name, @PathVariable String year) {
        if (!YEAR.matcher(year).matches()) {
            return notFound(login + "/" + name);
        }
        return year(snapshots.published(login, name), year, login + "/" + name);
    }

    private ModelAndView year(Optional<CvDocument> published, String year, String address) {
        return published
                .flatMap(cv -> CvYear.of(cv, Integer.parseInt(year))
                        .map(y -> new ModelAndView(YEAR_VIEW, Map.of("page", CvYearPage.of(cv, y, colors)))))
                .orElseGet(() -> notFound(address));
    }

    /** @param address the CV's address after {@code /cv/}: {@code login} or {@code login/name} */
    private static ModelAndView notFound(String address) {
        return new ModelAndView(NOT_FOUND_VIEW, Map.of("login", address), HttpStatus.NOT_FOUND);
    }
}
