package dev.commitstats.cv;

import dev.commitstats.core.classify.LanguageColors;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /cv/{login}}: the public CV page, and {@code GET /cv/{login}/year/{yyyy}}: one year of it in review, both
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
    private final LanguageColors colors = LanguageColors.standard();

    CvPageController(CvSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping("/cv/{login}")
    ModelAndView cv(@PathVariable String login) {
        return snapshots.published(login)
                .map(cv -> new ModelAndView(CV_VIEW, Map.of("page", CvPage.of(cv, colors, false))))
                // Seam for the owner's preview (with sign-in, a later issue): when the signed-in user is `login`,
                // render CvPage.of(documents.build(login, CvSnapshots.SERIES, CvDocument.Audience.PUBLIC), colors,
                // true) with CV_VIEW instead: the template shows its "not public" banner for such a page. The owner
                // previews the public audience, so the preview shows exactly what publishing would show.
                .orElseGet(() -> notFound(login));
    }

    @GetMapping("/cv/{login}/year/{year}")
    ModelAndView year(@PathVariable String login, @PathVariable String year) {
        if (!YEAR.matcher(year).matches()) {
            return notFound(login);
        }
        return snapshots.published(login)
                .flatMap(cv -> CvYear.of(cv, Integer.parseInt(year))
                        .map(y -> new ModelAndView(YEAR_VIEW, Map.of("page", CvYearPage.of(cv, y, colors)))))
                .orElseGet(() -> notFound(login));
    }

    private static ModelAndView notFound(String login) {
        return new ModelAndView(NOT_FOUND_VIEW, Map.of("login", login), HttpStatus.NOT_FOUND);
    }
}
