package dev.commitstats.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page, with a published CV as an example when there is one. */
@Controller
class HomeController {

    static final String HOME_VIEW = "home";

    private final ObjectProvider<HomeSample> samples;

    HomeController(ObjectProvider<HomeSample> samples) {
        this.samples = samples;
    }

    @GetMapping("/")
    String home(Model model) {
        HomeSample source = samples.getIfAvailable();
        model.addAttribute("sample", source == null ? null : source.sample().orElse(null));
        return HOME_VIEW; // the footer's instance info comes from PageModelAdvice
    }
}
