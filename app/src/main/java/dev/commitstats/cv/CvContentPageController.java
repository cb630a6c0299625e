package dev.commitstats.cv;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.accounts.UserPageSection;
import dev.commitstats.accounts.UserPages;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /content}'s CV section: what the CV shows (published, punch card, ranking, which private repositories it
 * names) and the "CV Pages" table (each CV with its status, last update and refresh message; create, remove,
 * publish, Refresh CVs), through {@link CvPreferences}, {@link CvPages} and {@link UserAccounts#setPublished} as
 * {@code /api/v1/cv-settings} does.
 */
@Controller
@Order(10)
class CvContentPageController implements UserPageSection {

    static final String FRAGMENT = "content-cv :: cv-settings";
    static final String ERROR = "cvError";

    private final CvPreferences preferences;
    private final CvPages cvPages;
    private final UserAccounts accounts;
    private final RepositoryRegistry registry;
    private final UserPages pages;

    CvContentPageController(CvPreferences preferences, CvPages cvPages, UserAccounts accounts,
            RepositoryRegistry registry, UserPages pages) {
        this.preferences = preferences;
        this.cvPages = cvPages;
        this.accounts = accounts;
        this.registry = registry;
        this.pages = pages;
    }

    @Override
    public UserPages.Page page() {
        return UserPages.Page.CONTENT;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        CvPreferences.Preferences p = preferences.of(caller.userId());
        model.addAttribute("cvPreferences", p);
        model.addAttribute("cvPublished", accounts.requireUser(caller.userId()).published());
        model.addAttribute("cvPages", cvPages.list(caller.login()));
        List<Repository> hidden = registry.repositories(caller.userId()).stream()
                .filter(r -> r.active() && !r.isPublic()).toList();
        model.addAttribute("cvPrivateRepositories", hidden);
        model.addAttribute("cvActiveRepositories", registry.repositories(caller.userId()).stream()
                .filter(Repository::active).toList());
        model.addAttribute("cvEmails", accounts.identities(caller.userId()));
    }

    @PostMapping("/content/cv-settings")
    String settings(Caller caller, @RequestParam(required = false) @Nullable Boolean published,
            @RequestParam(required = false) @Nullable Boolean showPunchCard,
            @RequestParam(required = false) @Nullable Boolean inRanking,
            @RequestParam(required = false) @Nullable List<Long> named, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            List<Long> privateIds = registry.repositories(caller.userId()).stream()
                    .filter(r -> r.active() && !r.isPublic()).map(Repository::id).toList();
            List<Long> name = named == null ? List.of() : named;
            // the form lists every private repository: the unticked ones are masked
            List<Long> mask = privateIds.stream().filter(id -> !name.contains(id)).toList();
            preferences.change(caller.login(), new CvPreferences.Change(Boolean.TRUE.equals(showPunchCard),
                    Boolean.TRUE.equals(inRanking), name, mask));
            accounts.setPublished(caller.userId(), Boolean.TRUE.equals(published));
            m.addAttribute("cvNotice", "Saved: your CV is " + (Boolean.TRUE.equals(published) ? "public at /cv/"
                    + caller.login() : "not public") + ".");
        });
    }

    @PostMapping("/content/cvs")
    String create(Caller caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "false") boolean published,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            NamedCv cv = cvPages.create(caller.login(), name.strip(), new CvPages.Definition(
                    title.isBlank() ? null : title.strip(), List.of(), List.of(), List.of(), null, null, published));
            m.addAttribute("cvNotice", "CV '" + cv.name() + "' created at /cv/" + caller.login() + "/" + cv.name());
        });
    }

    @PostMapping("/content/cvs/{name}/published")
    String publish(Caller caller, @PathVariable String name, @RequestParam boolean published, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            cvPages.change(caller.login(), name, CvPages.Change.none().withPublished(published));
            m.addAttribute("cvNotice", "CV '" + name + "' is " + (published ? "public" : "not public") + ".");
        });
    }

    /** What a named CV counts: its repositories (none: every active one), those left out, emails, period, title. */
    @PostMapping("/content/cvs/{name}/selection")
    String selection(Caller caller, @PathVariable String name, @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) @Nullable List<Long> repositories,
            @RequestParam(required = false) @Nullable List<Long> hidden,
            @RequestParam(required = false) @Nullable List<String> emails,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            cvPages.change(caller.login(), name, new CvPages.Change(null, title.isBlank() ? null : title.strip(),
                    repositories == null ? List.of() : repositories, hidden == null ? List.of() : hidden,
                    emails == null ? List.of() : emails, CvPages.Bound.parse(from, "from"), CvPages.Bound.parse(to, "to"), null));
            m.addAttribute("cvNotice", "CV '" + name + "' saved: it is rebuilt with what it counts now.");
        });
    }

    @PostMapping("/content/cvs/{name}/remove")
    String remove(Caller caller, @PathVariable String name, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            cvPages.remove(caller.login(), name);
            m.addAttribute("cvNotice", "CV '" + name + "' removed.");
        });
    }

    /** Refresh CVs: rebuilds every CV of the user now. */
    @PostMapping("/content/cvs/refresh")
    String refresh(Caller caller, Model model, HttpServletRequest request, HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            List<CvPages.CvStatus> after = cvPages.refresh(caller.login());
            long failed = after.stream().filter(s -> s.status() == CvPages.Status.ERROR).count();
            m.addAttribute("cvNotice", "Rebuilt " + after.size() + (after.size() == 1 ? " CV" : " CVs")
                    + (failed > 0 ? ", " + failed + " with an error (see its message)" : "") + ".");
        });
    }

    private String act(Caller caller, Model model, HttpServletRequest request, HttpServletResponse response,
            java.util.function.Consumer<Model> action) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.CONTENT, FRAGMENT, ERROR, model, request,
                response, action);
    }
}
