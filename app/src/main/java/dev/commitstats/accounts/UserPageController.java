package dev.commitstats.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /user} (where sign-in leads: identities, tokens, repositories, refresh, webhooks, API keys, the account) and
 * {@code /content} (what the CV shows, outlier files, collection runs), each composed of the sections the modules
 * contribute ({@link UserPages}); and the actions of this module's own sections: add commit emails, create and revoke
 * API keys. Every action calls the same service as its JSON route.
 */
@Controller
class UserPageController {

    static final String IDENTITIES_FRAGMENT = "user :: identities";
    static final String API_KEYS_FRAGMENT = "user :: api-keys";

    private final UserPages pages;
    private final ObjectProvider<UserAccounts> users;
    private final ObjectProvider<ApiKeys> keys;

    UserPageController(UserPages pages, ObjectProvider<UserAccounts> users, ObjectProvider<ApiKeys> keys) {
        this.pages = pages;
        this.users = users;
        this.keys = keys;
    }

    @GetMapping("/user")
    String user(Caller caller, Model model) {
        return pages.render(caller, model, UserPages.Page.USER);
    }

    @GetMapping("/content")
    String content(Caller caller, Model model) {
        return pages.render(caller, model, UserPages.Page.CONTENT);
    }

    /** Adds commit emails (one, or several separated by commas or spaces) that count as the user's. */
    @PostMapping("/user/identities")
    String addIdentities(Caller caller, @RequestParam(defaultValue = "") String emails, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, IDENTITIES_FRAGMENT, "identitiesError",
                model, request, response, m -> {
                    List<String> given = List.of(emails.strip().split("[,\\s]+")).stream()
                            .filter(s -> !s.isBlank()).toList();
                    if (given.isEmpty()) {
                        throw new dev.commitstats.config.UseCaseException(
                                dev.commitstats.config.UseCaseException.Kind.INVALID, "give an email address");
                    }
                    List<String> added = users.getObject().addIdentities(caller.userId(), given);
                    m.addAttribute("identitiesNotice", added.isEmpty() ? "you had these emails already"
                            : "added " + String.join(", ", added));
                });
    }

    /** Creates an API key; its value is in this one answer only. */
    @PostMapping("/user/api-keys")
    String createKey(Caller caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> scopes, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, API_KEYS_FRAGMENT, "apiKeysError", model,
                request, response, m -> {
                    Set<Caller.Scope> chosen = EnumSet.noneOf(Caller.Scope.class);
                    for (String s : scopes == null ? List.<String>of() : scopes) {
                        chosen.addAll(ApiKeys.parseScopes(s));
                    }
                    for (Caller.Scope s : chosen) {
                        caller.require(s); // a key cannot mint a stronger key, here as in the JSON API
                    }
                    ApiKeys.Created created = keys.getObject().create(caller.userId(), name, chosen);
                    m.addAttribute("createdKey", created.value());
                    m.addAttribute("createdKeyName", created.key().name());
                });
    }

    @PostMapping("/user/api-keys/{id}/revoke")
    String revokeKey(Caller caller, @PathVariable long id, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, API_KEYS_FRAGMENT, "apiKeysError", model,
                request, response, m -> keys.getObject().revoke(caller.userId(), id));
    }
}
