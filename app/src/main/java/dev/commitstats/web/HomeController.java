package dev.commitstats.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the sign-in page. */
@Controller
class HomeController {

    static final String HOME_VIEW = "home";
    static final String LOGIN_VIEW = "login";

    private final InstanceInfo info;

    HomeController(InstanceInfo info) {
        this.info = info;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("info", info.describe());
        return HOME_VIEW;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("info", info.describe());
        return LOGIN_VIEW;
    }
}
