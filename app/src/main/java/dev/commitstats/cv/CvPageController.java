package dev.commitstats.cv;

import dev.commitstats.core.classify.LanguageColors;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /cv/{login}}: the public CV page, rendered from the user's snapshot ({@link CvSnapshots#published}), never
 * aggregated per request. Anyone gets the same 404 page for an unknown user and for one who has not published their
 * CV, so the page does not tell whether a login exists.
 */
@Controller
class CvPageController {

    static final String CV_VIEW = "cv";
    static final String NOT_FOUND_VIEW = "cv-not-found";

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
                .orElseGet(() -> new ModelAndView(NOT_FOUND_VIEW, Map.of("login", login), HttpStatus.NOT_FOUND));
    }
}
