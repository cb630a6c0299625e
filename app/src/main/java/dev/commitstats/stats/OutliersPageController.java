package dev.commitstats.stats;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserPageSection;
import dev.commitstats.accounts.UserPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /content}'s outlier files: each single file change over the bulk threshold, set apart until its owner counts
 * it in; include or exclude them through {@link OutlierReview}, as the {@code outliers} command and
 * {@code /api/v1/outliers} do. Only the owner sees these paths.
 */
@Controller
@Order(20)
class OutliersPageController implements UserPageSection {

    static final String FRAGMENT = "content-outliers :: outliers";

    /**
     * One file of the list.
     *
     * @param id   its ID, {@code COMMIT:PATH} with the shortest unambiguous sha
     * @param file the file
     */
    record Row(String id, Outlier file) {
    }

    private final OutlierReview review;
    private final UserPages pages;

    OutliersPageController(OutlierReview review, UserPages pages) {
        this.review = review;
        this.pages = pages;
    }

    @Override
    public UserPages.Page page() {
        return UserPages.Page.CONTENT;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        OutlierReview.Listing listing = review.list(caller.login());
        model.addAttribute("outliers", listing.files().stream().map(f -> new Row(listing.ids().id(f), f)).toList());
    }

    @PostMapping("/content/outliers")
    String decide(Caller caller, @RequestParam(defaultValue = "") String id, @RequestParam boolean include,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.CONTENT, FRAGMENT, "outliersError", model,
                request, response, m -> {
                    OutlierReview.Decisions d = review.decide(caller.login(), include ? List.of(id) : List.of(),
                            include ? List.of() : List.of(id));
                    m.addAttribute("outliersNotice", id + (include ? " counts now" : " is set apart again")
                            + ": lines written " + d.before().additions() + " → " + d.after().additions());
                });
    }
}
