package dev.commitstats.digest;

import dev.commitstats.config.UseCaseException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /digest/unsubscribe?token=…}: the e-mail's unsubscribe link, without sign-in. GET only asks (a link
 * scanner that follows every link must not unsubscribe anyone); POST unsubscribes, both from the page's button and
 * as the one-click {@code List-Unsubscribe-Post} of RFC 8058 (which carries no CSRF token: the route is exempt, and
 * the token is the proof).
 */
@Controller
class UnsubscribeController {

    static final String VIEW = "digest-unsubscribe";

    private final UnsubscribeLinks links;
    private final DigestPreferences preferences;

    UnsubscribeController(UnsubscribeLinks links, DigestPreferences preferences) {
        this.links = links;
        this.preferences = preferences;
    }

    @GetMapping("/digest/unsubscribe")
    String confirm(@RequestParam String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        userId(token);
        response.setHeader("Cache-Control", "no-store"); // the page holds the user's token
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return VIEW;
    }

    /** The button's form and a mail client's one-click POST ({@code List-Unsubscribe=One-Click}) alike. */
    @PostMapping("/digest/unsubscribe")
    String unsubscribe(@RequestParam String token, Model model) {
        preferences.unsubscribe(userId(token));
        model.addAttribute("done", true);
        return VIEW;
    }

    private long userId(String token) {
        try {
            return links.userId(token);
        } catch (UseCaseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
