package dev.commitstats.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page. */
@Controller
class HomeController {

    static final String HOME_VIEW = "home";

    @GetMapping("/")
    String home() {
        return HOME_VIEW; // the footer's instance info comes from PageModelAdvice
    }
}
