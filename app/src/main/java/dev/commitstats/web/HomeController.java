package dev.commitstats.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the sign-in page. */
@Controller
class HomeController {

    static final String HOME_VIEW = "home";
    static final String LOGIN_VIEW = "login";

    @GetMapping("/")
    String home() {
        return HOME_VIEW; // the footer's instance info comes from PageModelAdvice
    }

    @GetMapping("/login")
    String login() {
        return LOGIN_VIEW;
    }
}
