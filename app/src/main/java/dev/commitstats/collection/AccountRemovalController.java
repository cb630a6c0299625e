package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserPages;
import dev.commitstats.config.UseCaseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Delete my account": the user page's form (confirmed by typing the login) and {@code DELETE /api/v1/me}, both
 * through {@link AccountRemoval}. The browser's session ends with the account; the page then leads home.
 */
@Controller
@Tag(name = "account", description = "The signed-in user and their personal API keys")
class AccountRemovalController {

    static final String FRAGMENT = "user-repositories :: account";

    private final AccountRemoval removal;
    private final UserPages pages;

    AccountRemovalController(AccountRemoval removal, UserPages pages) {
        this.removal = removal;
        this.pages = pages;
    }

    @PostMapping("/user/delete")
    String delete(Caller caller, @RequestParam(defaultValue = "") String confirm, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            caller.require(Caller.Scope.WRITE);
            if (!confirm.strip().equals(caller.login())) {
                throw new UseCaseException(UseCaseException.Kind.INVALID,
                        "type your login (" + caller.login() + ") to confirm; nothing was deleted");
            }
            removal.remove(caller.userId());
        } catch (UseCaseException e) {
            // nothing of the page is gone: show it again with the reason beside the form
            model.addAttribute("accountError", e.getMessage());
            String page = pages.render(caller, model, UserPages.Page.USER);
            if (UserPages.isHtmx(request)) {
                return FRAGMENT;
            }
            response.setStatus(e.kind() == UseCaseException.Kind.CONFLICT ? 409 : 400);
            return page;
        }
        signOut(request);
        if (UserPages.isHtmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/?account-deleted");
            return "user-repositories :: deleted";
        }
        return "redirect:/?account-deleted";
    }

    /** The account and everything of it, as the user page's "Delete my account" does. */
    @DeleteMapping("/api/v1/me")
    @ResponseBody
    @Operation(summary = "Delete your account: every repository with its numbers and mirror, tokens, keys, "
            + "CV settings and sessions", description = "Answers with what was removed. 409 while one of your "
            + "repositories is being collected: try again a moment later.")
    AccountRemoval.Removed deleteMe(Caller caller, HttpServletRequest request) {
        caller.require(Caller.Scope.WRITE);
        AccountRemoval.Removed removed = removal.remove(caller.userId());
        signOut(request);
        return removed;
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // its rows went with the account
            }
        }
    }
}
