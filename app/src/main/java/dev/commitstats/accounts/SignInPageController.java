package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /login}, the sign-in form (Spring Security handles its POST) with a "Sign in with ..." link per configured
 * provider ({@link OAuthSignIn} handles those), and {@code /setup}, the first-run setup that
 * creates the first admin with the one-time code from the server's log. After the setup, {@code /setup} says it is
 * done and sends to sign-in.
 */
@Controller
class SignInPageController {

    static final String LOGIN_VIEW = "login";
    static final String SETUP_VIEW = "setup";

    private final ObjectProvider<AccountSecurity> accounts;
    private final FirstRunSetup setup;
    private final SignInLimits limits;
    private final OAuthSettings oauth;

    SignInPageController(ObjectProvider<AccountSecurity> accounts, FirstRunSetup setup, SignInLimits limits,
            OAuthSettings oauth) {
        this.accounts = accounts;
        this.setup = setup;
        this.limits = limits;
        this.oauth = oauth;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) @Nullable String error,
            @RequestParam(name = "wait", required = false) @Nullable Integer wait,
            @RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
            @RequestParam(name = "set-up", required = false) @Nullable String setUp,
            @RequestParam(name = "oauth-error", required = false) @Nullable String oauthError,
            @RequestParam(name = "provider", required = false) @Nullable String provider, Model model) {
        if (oauthError != null) {
            model.addAttribute("problem", oauthProblem(oauthError, provider));
        } else if (wait != null) {
            model.addAttribute("problem", "Too many attempts, try again in " + wait
                    + (wait == 1 ? " minute." : " minutes."));
        } else if (error != null) {
            model.addAttribute("problem", "Wrong login or password.");
        }
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        } else if (setUp != null) {
            model.addAttribute("notice", "Your account is ready: sign in with it.");
        }
        model.addAttribute("setupPending", accounts.getObject().setupPending());
        model.addAttribute("providers", oauth.providers());
        return LOGIN_VIEW;
    }

    /**
     * Why a sign-in with a provider failed, in a sentence ({@link OAuthSignIn} sends the kind): only the name of a
     * configured provider is shown, never text from the request.
     */
    private String oauthProblem(String kind, @Nullable String registrationId) {
        String name = oauth.provider(registrationId).map(OAuthSettings.Provider::name).orElse("that provider");
        return switch (kind) {
            case OAuthSignIn.DENIED -> "Sign-in with " + name + " was cancelled: access was not granted there.";
            case OAuthSignIn.EXPIRED -> "That sign-in with " + name + " has expired or was started in another "
                    + "browser. Please try again.";
            case OAuthSignIn.UNAVAILABLE -> "Sign-in with " + name + " is not available right now: the server "
                    + "cannot reach it. Try again later, or tell the administrator.";
            default -> "Sign-in with " + name + " failed. Please try again; the server's log says why.";
        };
    }

    @GetMapping("/setup")
    String setup(Model model) {
        if (!accounts.getObject().setupPending()) {
            return "redirect:/login";
        }
        model.addAttribute("form", new SetupForm("", "", ""));
        model.addAttribute("providers", oauth.providers());
        return SETUP_VIEW;
    }

    /** What the setup form sends back (never the password or the code). */
    record SetupForm(String code, String login, String email) {
    }

    @PostMapping("/setup")
    ModelAndView createFirstAdmin(@RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "password2", defaultValue = "") String repeated, HttpServletRequest request) {
        AccountSecurity security = accounts.getObject();
        if (!security.setupPending()) {
            return new ModelAndView("redirect:/login");
        }
        SetupForm form = new SetupForm("", login.strip(), email.strip());
        SignInLimits.Refused refused = limits.attempt(request.getRemoteAddr());
        if (refused != null) {
            return refused(form, "Too many attempts, try again in " + refused.minutes()
                    + (refused.minutes() == 1 ? " minute." : " minutes."), HttpStatus.TOO_MANY_REQUESTS);
        }
        if (!setup.matches(code)) {
            return refused(form, "That is not the setup code: copy it from the line \"First-run setup\" in the "
                    + "server's log.", HttpStatus.FORBIDDEN);
        }
        if (!password.equals(repeated)) {
            return refused(form, "The two passwords differ.", HttpStatus.BAD_REQUEST);
        }
        List<String> emails = new ArrayList<>();
        if (!form.email().isEmpty()) {
            emails.add(form.email());
        }
        try {
            security.createFirstAdmin(form.login(), emails, password);
        } catch (UseCaseException e) {
            return refused(form, capitalised(e.getMessage()) + ".", e.kind() == UseCaseException.Kind.CONFLICT
                    ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
        }
        setup.used();
        return new ModelAndView("redirect:/login?set-up");
    }

    private ModelAndView refused(SetupForm form, String problem, HttpStatus status) {
        ModelAndView mav = new ModelAndView(SETUP_VIEW, status);
        mav.addObject("form", form);
        mav.addObject("providers", oauth.providers());
        mav.addObject("problem", problem);
        return mav;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
