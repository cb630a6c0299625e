package dev.commitstats.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /user}: where sign-in leads. A minimal page for now (who is signed in); the user page with tokens and
 * repositories replaces it.
 */
@Controller
class UserPageController {

    static final String USER_VIEW = "user";

    @GetMapping("/user")
    String user(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        return USER_VIEW;
    }
}
