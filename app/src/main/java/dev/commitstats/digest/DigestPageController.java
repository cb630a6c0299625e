package dev.commitstats.digest;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /user/digest}: the signed-in user's weekly digest (the last complete week, or {@code ?week=2026-W47}), the
 * archive of earlier weeks with commits, and the e-mail opt-in form.
 */
@Controller
class DigestPageController {

    static final String DIGEST_VIEW = "digest";
    static final int ARCHIVE = 52;

    private final WeeklyDigests digests;
    private final DigestPreferences preferences;
    private final UserAccounts accounts;
    private final ObjectProvider<JavaMailSender> mailSender;

    DigestPageController(WeeklyDigests digests, DigestPreferences preferences, UserAccounts accounts,
            ObjectProvider<JavaMailSender> mailSender) {
        this.digests = digests;
        this.preferences = preferences;
        this.accounts = accounts;
        this.mailSender = mailSender;
    }

    @GetMapping("/user/digest")
    String digest(Caller caller, @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false) @Nullable String saved, Model model) {
        WeeklyDigest digest;
        try {
            digest = digests.digest(caller.userId(), week == null || week.isBlank() ? null : IsoWeek.parse(week));
        } catch (UseCaseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        IsoWeek lastComplete = digests.lastCompleteWeek(caller.userId());
        IsoWeek current = lastComplete.next();
        model.addAttribute("title", "Weekly digest " + digest.week() + " — Commit Stats");
        model.addAttribute("digest", digest);
        model.addAttribute("period", capitalized(DigestSentences.period(digest.week())));
        model.addAttribute("charts", DigestRenderer.Charts.of(digest));
        List<IsoWeek> archive = digests.archive(caller.userId(), current, ARCHIVE).stream()
                .filter(w -> !w.equals(digest.week())).toList();
        model.addAttribute("archive", archive);
        model.addAttribute("current", digest.week().equals(current) ? null : current);
        model.addAttribute("settings", preferences.of(caller.userId()));
        model.addAttribute("addresses", accounts.identities(caller.userId()));
        model.addAttribute("mailConfigured", mailSender.getIfAvailable() != null);
        model.addAttribute("saved", saved != null);
        return DIGEST_VIEW;
    }

    /** The opt-in form (a checkbox sends nothing when unticked). */
    @PostMapping("/user/digest/settings")
    String settings(Caller caller, @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String address) {
        try {
            preferences.change(caller.userId(), "true".equals(email), address,
                    digests.lastCompleteWeek(caller.userId()));
        } catch (UseCaseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return "redirect:/user/digest?saved";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
