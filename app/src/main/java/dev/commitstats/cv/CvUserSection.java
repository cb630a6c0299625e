package dev.commitstats.cv;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserPageSection;
import dev.commitstats.accounts.UserPages;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the user page needs to know of the CV: whether the default CV has been built ({@code cvReady}), which ends
 * the onboarding checklist, and whether it is public.
 */
@Component
@Order(30)
class CvUserSection implements UserPageSection {

    private final CvPages pages;

    CvUserSection(CvPages pages) {
        this.pages = pages;
    }

    @Override
    public UserPages.Page page() {
        return UserPages.Page.USER;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        CvPages.CvStatus cv = pages.status(caller.login(), null);
        model.addAttribute("cvReady", cv.builtAt() != null);
        model.addAttribute("cvPublic", cv.published());
    }
}
