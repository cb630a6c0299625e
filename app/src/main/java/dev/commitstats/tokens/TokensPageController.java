package dev.commitstats.tokens;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserPageSection;
import dev.commitstats.accounts.UserPages;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.providers.ProviderKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tokens table of the user page and its forms: add a token (with where to create one on each host and which
 * read-only scopes to pick), check one again, replace its secret, delete it. Each calls {@link Tokens} as
 * {@code /api/v1/tokens} does; a secret goes in and never comes back. A new token (or secret) tells the page with the
 * htmx event {@code tokens-changed}, on which the repositories section discovers what the token can read.
 */
@Controller
@Order(10)
class TokensPageController implements UserPageSection {

    static final String FRAGMENT = "user-tokens :: tokens";
    static final String ERROR = "tokensError";

    private final Tokens tokens;
    private final UserPages pages;

    TokensPageController(Tokens tokens, UserPages pages) {
        this.tokens = tokens;
        this.pages = pages;
    }

    /**
     * How to make a read-only token on one host, for the add form.
     *
     * @param provider  the provider's id
     * @param name      its display name
     * @param where     where the host makes tokens
     * @param scopes    which read-only scopes to pick
     * @param needsBase whether the form needs the host's base URL
     * @param username  whether the host wants a user name with the secret
     */
    record Help(String provider, String name, String where, String scopes, boolean needsBase, boolean username) {
    }

    static final List<Help> HELP = List.of(
            new Help("github", "GitHub", "Settings → Developer settings → Personal access tokens",
                    "a fine-grained token with Repository access to the repositories you want counted and "
                            + "Contents: read (Metadata: read comes with it), or a classic token with the repo scope "
                            + "(classic tokens cannot be read-only for private repositories)", false, false),
            new Help("gitlab", "GitLab", "User settings → Access tokens (or Preferences → Access tokens)",
                    "read_repository and read_api", false, false),
            new Help("azure-devops", "Azure DevOps", "User settings → Personal access tokens",
                    "Code: Read (the organisation in the base URL, https://dev.azure.com/ORG)", true, false),
            new Help("bitbucket", "Bitbucket Cloud", "Personal settings → App passwords (or API tokens)",
                    "Repositories: Read (and Account: Read for your emails); give your Bitbucket user name too",
                    false, true),
            new Help("gitea", "Gitea / Forgejo", "Settings → Applications → Generate new token",
                    "read:repository (and read:user for your emails); the server's address as base URL", true, false),
            new Help("git", "any git server", "your server's documentation",
                    "a token or password that can clone; the server's address as base URL, and the user name it "
                            + "wants", true, true));

    @Override
    public UserPages.Page page() {
        return UserPages.Page.USER;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller.userId()));
        model.addAttribute("tokenHelp", HELP);
    }

    @PostMapping("/user/tokens")
    String add(Caller caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String provider, @RequestParam(defaultValue = "") String baseUrl,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String secret,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, FRAGMENT, ERROR, model, request, response,
                m -> {
                    ProviderKind kind = ProviderKind.byId(provider).orElseThrow(() -> new UseCaseException(
                            UseCaseException.Kind.INVALID, "choose the token's host: one of " + ProviderKind.ids()));
                    TokenView added = tokens.add(caller.userId(), new NewToken(name, kind, blankToNull(baseUrl),
                            blankToNull(username)), secret);
                    m.addAttribute("tokensNotice", kind.displayName() + " token '" + added.name() + "' saved: "
                            + added.status().id().replace('_', ' ') + (added.message() == null ? ""
                            : " (" + added.message() + ")"));
                    response.setHeader("HX-Trigger", "tokens-changed");
                });
    }

    @PostMapping("/user/tokens/{id}/check")
    String check(Caller caller, @PathVariable long id, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, FRAGMENT, ERROR, model, request, response,
                m -> {
                    TokenView t = tokens.check(caller.userId(), id);
                    m.addAttribute("tokensNotice", "'" + t.name() + "' checked: " + t.status().id().replace('_', ' '));
                });
    }

    @PostMapping("/user/tokens/{id}/secret")
    String replace(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String secret, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, FRAGMENT, ERROR, model, request, response,
                m -> {
                    TokenView t = tokens.replaceSecret(caller.userId(), id, secret);
                    m.addAttribute("tokensNotice", "'" + t.name() + "' has a new secret: "
                            + t.status().id().replace('_', ' '));
                    response.setHeader("HX-Trigger", "tokens-changed");
                });
    }

    @PostMapping("/user/tokens/{id}/delete")
    String delete(Caller caller, @PathVariable long id, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, FRAGMENT, ERROR, model, request, response,
                m -> {
                    String name = tokens.token(caller.userId(), id).name();
                    tokens.remove(caller.userId(), id);
                    m.addAttribute("tokensNotice", "'" + name + "' deleted; its repositories stay (without it, "
                            + "private ones cannot be fetched)");
                });
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
