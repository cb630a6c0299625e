package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserPageSection;
import dev.commitstats.accounts.UserPages;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositorySources;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.RepositoryView;
import dev.commitstats.tokens.TokenView;
import dev.commitstats.tokens.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The user page's collection sections: the onboarding checklist, the repositories table (grouped by owner, with a
 * switch per owner group and per repository, delete, add by URL), Run Refresh, Check Open Source Status, and the
 * webhook setup. Each action calls the same service as its JSON route ({@link RepositoryRegistry},
 * {@link RepositorySources#register(Caller, String)}, {@link RepositoryRemoval}, {@link CollectionJobs#refresh},
 * {@link RepositoryDiscovery#discoverToken}, {@link WebhookSecrets#rotate}); while a repository waits for or is in a
 * collection, the table asks for itself again every few seconds (htmx polling of {@code GET /user/repositories}).
 */
@Controller
@Order(20)
class RepositoriesPageController implements UserPageSection {

    static final String REPOSITORIES = "user-repositories :: repositories";
    static final String WEBHOOK = "user-repositories :: webhook";
    static final String ERROR = "repositoriesError";
    /** What the table calls the repositories without an owner group (added by URL or path). */
    static final String NO_GROUP = "added by URL";

    private final RepositoryRegistry registry;
    private final RepositorySources sources;
    private final RepositoryRemoval removal;
    private final RepositoryDiscovery discovery;
    private final CollectionService collection;
    private final Tokens tokens;
    private final ObjectProvider<CollectionJobs> jobs;
    private final ObjectProvider<WebhookSecrets> webhooks;
    private final UserPages pages;

    RepositoriesPageController(RepositoryRegistry registry, RepositorySources sources, RepositoryRemoval removal,
            RepositoryDiscovery discovery, CollectionService collection, Tokens tokens,
            ObjectProvider<CollectionJobs> jobs, ObjectProvider<WebhookSecrets> webhooks, UserPages pages) {
        this.registry = registry;
        this.sources = sources;
        this.removal = removal;
        this.discovery = discovery;
        this.collection = collection;
        this.tokens = tokens;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.pages = pages;
    }

    /**
     * One repository's row.
     *
     * @param repository the repository as the JSON API shows it
     * @param lastUpdate when its last collection run ended, or null
     * @param search     the words the filter looks in
     */
    record Row(RepositoryView repository, @Nullable Instant lastUpdate, String search) {
    }

    /**
     * An owner group of the table.
     *
     * @param name       the owner or group, or {@link #NO_GROUP}
     * @param group      its switch, or null for repositories without a group
     * @param rows       its repositories, by name
     */
    record Group(String name, RepositoryRegistry.@Nullable OwnerGroup group, List<Row> rows) {
    }

    /**
     * The repositories table.
     *
     * @param groups   by owner group, those without one last
     * @param total    how many repositories
     * @param active   how many count
     * @param busy     whether one that counts is being collected (the table then polls)
     * @param pending  whether one that counts was never collected (after a refresh, the table polls until none is)
     * @param canAddLocal whether the caller may add a folder of the server (an admin)
     */
    record Table(List<Group> groups, int total, int active, boolean busy, boolean pending, boolean canAddLocal) {
    }

    /** One step of the onboarding checklist. */
    record Step(String label, boolean done, String detail) {
    }

    @Override
    public UserPages.Page page() {
        return UserPages.Page.USER;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        List<Repository> all = registry.repositories(caller.userId());
        Table table = table(caller, all);
        model.addAttribute("repositories", table);
        if (table.busy() && !model.containsAttribute("pollNext")) {
            model.addAttribute("pollNext", 1);
        }
        model.addAttribute("onboarding", onboarding(caller, all));
        model.addAttribute("webhook", Map.of("exists", webhooks.getIfAvailable() != null
                && webhooks.getObject().exists(caller.userId()), "available", webhooks.getIfAvailable() != null));
        model.addAttribute("accountRemoval", Boolean.TRUE);
        model.addAttribute("jobsAvailable", jobs.getIfAvailable() != null);
    }

    private Table table(Caller caller, List<Repository> all) {
        Map<Long, Instant> lastRun = new HashMap<>();
        for (CollectionRuns.Run run : collection.runs().runs(caller.userId(), null, 1000)) {
            lastRun.putIfAbsent(run.repositoryId(), run.finishedAt()); // newest first
        }
        Map<String, RepositoryRegistry.OwnerGroup> switches = new HashMap<>();
        registry.ownerGroups(caller.userId()).forEach(g -> switches.put(g.name(), g));
        Map<String, List<Row>> byGroup = new LinkedHashMap<>();
        List<Repository> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> {
            int c = Boolean.compare(a.ownerGroup() == null, b.ownerGroup() == null);
            if (c != 0) {
                return c;
            }
            c = String.CASE_INSENSITIVE_ORDER.compare(a.ownerGroup() == null ? "" : a.ownerGroup(),
                    b.ownerGroup() == null ? "" : b.ownerGroup());
            return c != 0 ? c : String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name());
        });
        boolean busy = false;
        boolean pending = false;
        int active = 0;
        for (Repository r : sorted) {
            RepositoryView view = RepositoryView.of(r);
            String group = r.ownerGroup() == null ? NO_GROUP : r.ownerGroup();
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Row(view, lastRun.get(r.id()),
                    String.join(" ", group, r.name(), r.cloneUrl(), view.status(), r.visibility())));
            if (r.active()) {
                active++;
                busy |= r.status() == RepositoryStatus.COLLECTING;
                pending |= r.status() == RepositoryStatus.PENDING;
            }
        }
        List<Group> groups = byGroup.entrySet().stream()
                .map(e -> new Group(e.getKey(), switches.get(e.getKey()), e.getValue())).toList();
        boolean background = jobs.getIfAvailable() != null;
        return new Table(groups, all.size(), active, busy && background, pending && background, caller.admin());
    }

    private List<Step> onboarding(Caller caller, List<Repository> all) {
        List<TokenView> userTokens = tokens.list(caller.userId());
        List<Repository> active = all.stream().filter(Repository::active).toList();
        long collected = active.stream().filter(r -> r.status() == RepositoryStatus.UP_TO_DATE).count();
        long collecting = active.stream().filter(r -> r.status() == RepositoryStatus.COLLECTING).count();
        long failed = active.stream().filter(r -> r.status() == RepositoryStatus.ERROR).count();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Signed in", true, "as " + caller.login()));
        steps.add(new Step("Add a token", !userTokens.isEmpty(), userTokens.isEmpty()
                ? "a read-only token per host account finds your repositories (or add one by URL)"
                : userTokens.size() + (userTokens.size() == 1 ? " token" : " tokens")));
        steps.add(new Step("Pick repositories", !active.isEmpty(), all.isEmpty() ? "none found yet"
                : active.size() + " of " + all.size() + " count; switch off what is not yours to show"));
        steps.add(new Step("First collection", !active.isEmpty() && collected + failed == active.size(),
                active.isEmpty() ? "starts once a repository counts: Run Refresh"
                        : collected + " of " + active.size() + " collected" + (collecting > 0 ? ", " + collecting
                        + " collecting now" : "") + (failed > 0 ? ", " + failed + " with an error" : "")));
        return steps;
    }

    /** The most polls in a row after a refresh (3 s apart: ten minutes) while repositories still wait. */
    static final int MAX_POLLS = 200;

    /**
     * The table alone: what htmx polls while a collection runs, and after a refresh while repositories wait for
     * theirs ({@code poll} counts the polls, so that a queue nobody works on is not asked forever).
     */
    @GetMapping("/user/repositories")
    String table(Caller caller, @RequestParam(required = false) @Nullable Integer poll, Model model) {
        caller.require(Caller.Scope.READ);
        List<Repository> all = registry.repositories(caller.userId());
        Table table = table(caller, all);
        if (poll != null && poll < MAX_POLLS && (table.busy() || table.pending())) {
            model.addAttribute("pollNext", poll + 1);
        }
        pages.render(caller, model, UserPages.Page.USER); // every section: the checklist comes along out of band
        model.addAttribute("htmx", true);
        return REPOSITORIES;
    }

    @PostMapping("/user/repositories")
    String add(Caller caller, @RequestParam(defaultValue = "") String url, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            RepositorySources.Registrations registered = sources.registerAll(caller, url);
            if (registered.folder()) {
                long added = registered.registrations().stream().filter(RepositorySources.Registration::created)
                        .count();
                m.addAttribute("repositoriesNotice", registered.registrations().size() + " repositories found in "
                        + url.strip() + ", " + added + " of them new: Run Refresh to collect them");
                return;
            }
            RepositorySources.Registration r = registered.registrations().get(0);
            m.addAttribute("repositoriesNotice", r.repository().name() + (r.created() ? " added: Run Refresh to "
                    + "collect it" : r.reactivated() ? " counts again" : " was already there"));
        });
    }

    @PostMapping("/user/repositories/{id}/active")
    String active(Caller caller, @PathVariable long id, @RequestParam boolean active, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            Repository r = registry.setActive(caller.userId(), List.of(id), active).get(0);
            m.addAttribute("repositoriesNotice", r.name() + (active ? " counts" : " no longer counts"));
        });
    }

    @PostMapping("/user/owner-groups")
    String ownerGroup(Caller caller, @RequestParam(defaultValue = "") String name, @RequestParam boolean active,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            int n = registry.setOwnerGroupActive(caller.userId(), name, active);
            m.addAttribute("repositoriesNotice", name + " switched " + (active ? "on" : "off") + ": " + n
                    + (n == 1 ? " repository" : " repositories") + (active ? "" : ", and those found in it later"));
        });
    }

    @PostMapping("/user/repositories/{id}/delete")
    String delete(Caller caller, @PathVariable long id, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return act(caller, model, request, response, m -> {
            RepositoryRemoval.Removed removed = removal.remove(caller.userId(), id);
            m.addAttribute("repositoriesNotice", removed.name() + " deleted with its " + removed.deletedCommits()
                    + " commits");
        });
    }

    /** Run Refresh: discovers each token again and enqueues a collection of each repository that may have news. */
    @PostMapping("/user/refresh")
    String refresh(Caller caller, Model model, HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.REFRESH, UserPages.Page.USER, REPOSITORIES, ERROR, model, request,
                response, m -> {
                    CollectionJobs background = jobs.getIfAvailable();
                    if (background == null) {
                        throw new UseCaseException(UseCaseException.Kind.CONFLICT,
                                "background jobs are off on this instance: collect with the command line");
                    }
                    CollectionJobs.Refresh r = background.refresh(caller.userId(), CollectionTrigger.REFRESH);
                    StringBuilder s = new StringBuilder("Refresh: ");
                    s.append(r.enqueued().size()).append(r.enqueued().size() == 1 ? " repository" : " repositories")
                            .append(" enqueued for collection");
                    if (r.unchanged() > 0) {
                        s.append(", ").append(r.unchanged()).append(" without a push since their last collection");
                    }
                    s.append(" (").append(r.tokens()).append(r.tokens() == 1 ? " token" : " tokens")
                            .append(" asked again)");
                    m.addAttribute("repositoriesNotice", s.toString());
                    if (!r.enqueued().isEmpty()) {
                        m.addAttribute("pollNext", 1);
                    }
                    if (!r.discoveryErrors().isEmpty()) {
                        m.addAttribute("repositoriesWarnings", r.discoveryErrors());
                    }
                });
    }

    /**
     * Check Open Source Status: asks each token's host again now (new repositories, last pushes, visibility, and the
     * merged contributions to others' public repositories that count as open source); the same discovery as
     * {@code discover} and the refresh, without enqueueing collections. Also what the page calls after a token was
     * added, so that its repositories appear.
     */
    @PostMapping("/user/repositories/discover")
    String discover(Caller caller, Model model, HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.REFRESH, UserPages.Page.USER, REPOSITORIES, ERROR, model, request,
                response, m -> {
                    List<TokenView> userTokens = tokens.list(caller.userId());
                    if (userTokens.isEmpty()) {
                        throw new UseCaseException(UseCaseException.Kind.INVALID,
                                "add a token first: discovery asks each token's host");
                    }
                    List<String> lines = new ArrayList<>();
                    for (TokenView token : userTokens) {
                        RepositoryDiscovery.TokenReport r = discovery.discoverToken(caller.userId(), token.id());
                        lines.add(r.failed() ? r.tokenName() + ": " + r.error()
                                : r.tokenName() + ": " + r.found() + " repositories, " + r.added() + " new ("
                                + r.addedActive() + " counting), " + r.openSource() + " open-source contributions"
                                + (r.emailsAdded().isEmpty() ? "" : "; emails added: "
                                + String.join(", ", r.emailsAdded())));
                    }
                    m.addAttribute("repositoriesNotice", "Asked each token's host again.");
                    m.addAttribute("repositoriesWarnings", lines);
                });
    }

    @PostMapping("/user/webhook-secret")
    String webhookSecret(Caller caller, Model model, HttpServletRequest request, HttpServletResponse response) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, WEBHOOK, "webhookError", model, request,
                response, m -> {
                    WebhookSecrets secrets = webhooks.getIfAvailable();
                    if (secrets == null) {
                        throw new UseCaseException(UseCaseException.Kind.CONFLICT,
                                "webhooks are off on this instance");
                    }
                    m.addAttribute("webhookCreated", secrets.rotate(caller.userId(),
                            ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
                });
    }

    private String act(Caller caller, Model model, HttpServletRequest request, HttpServletResponse response,
            java.util.function.Consumer<Model> action) {
        return pages.act(caller, Caller.Scope.WRITE, UserPages.Page.USER, REPOSITORIES, ERROR, model, request,
                response, action);
    }
}
