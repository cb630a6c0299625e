package dev.commitstats.cv;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the signed-in user's CVs show, as JSON: publishing, the punch card, the ranking, which private repositories are
 * named, and the named CVs with their selections and status ("CV Pages"). The same use cases as {@code cv settings}
 * and {@code cv list|create|update|remove|refresh}.
 */
@RestController
@RequestMapping("/api/v1/cv-settings")
@Tag(name = "cv-settings", description = "What your CVs show")
class CvSettingsApiController {

    private final UserAccounts accounts;
    private final CvPreferences preferences;
    private final CvPages pages;

    CvSettingsApiController(UserAccounts accounts, CvPreferences preferences, CvPages pages) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.pages = pages;
    }

    /**
     * The settings of all the user's CVs.
     *
     * @param published         whether the default CV ({@code /cv/{login}}) is public
     * @param showPunchCard     whether CVs show when the commits happen
     * @param inRanking         whether the user is on {@code /ranking}
     * @param namedRepositories ids of private repositories whose names CVs show (all others are masked)
     * @param cvs               the default CV and the named ones, with their status
     */
    record Settings(boolean published, boolean showPunchCard, boolean inRanking, List<Long> namedRepositories,
            List<CvPages.CvStatus> cvs) {
    }

    /** A change to the settings; what is absent stays as it is. */
    record SettingsChange(@Nullable Boolean published, @Nullable Boolean showPunchCard, @Nullable Boolean inRanking,
            @Nullable List<Long> nameRepositories, @Nullable List<Long> maskRepositories) {
    }

    /**
     * A named CV to create or change. On a change, what is absent stays as it is, a list replaces the one before
     * (empty: every active repository, none hidden, every identity), and an empty string clears a day bound.
     */
    record CvRequest(@Nullable String name, @Nullable String rename, @Nullable String title,
            @Nullable List<Long> repositories, @Nullable List<Long> hidden, @Nullable List<String> emails,
            @Nullable String from, @Nullable String to, @Nullable Boolean published) {
    }

    @GetMapping
    @Operation(summary = "Your CV settings", description = "Publishing, punch card, ranking, named repositories, "
            + "and every CV with its status.")
    Settings settings(Caller caller) {
        caller.require(Caller.Scope.READ);
        return settings(caller.login(), caller.userId());
    }

    @PatchMapping
    @Operation(summary = "Change your CV settings", description = "Body: any of `published`, `showPunchCard`, "
            + "`inRanking`, `nameRepositories` (private repository ids whose names CVs may show), "
            + "`maskRepositories`. Every page, card and JSON follows within seconds.")
    Settings change(Caller caller, @RequestBody SettingsChange change) {
        caller.require(Caller.Scope.WRITE);
        preferences.change(caller.login(), new CvPreferences.Change(change.showPunchCard(), change.inRanking(),
                orEmpty(change.nameRepositories()), orEmpty(change.maskRepositories())));
        if (change.published() != null) {
            accounts.setPublished(caller.userId(), change.published());
        }
        return settings(caller.login(), caller.userId());
    }

    @GetMapping("/cvs")
    @Operation(summary = "Your CVs", description = "The default CV first, then the named ones: name, status, last "
            + "update, refresh message.")
    List<CvPages.CvStatus> cvs(Caller caller) {
        caller.require(Caller.Scope.READ);
        return pages.list(caller.login());
    }

    @PostMapping("/cvs")
    @Operation(summary = "Create a named CV", description = "Body: `name` (a lowercase slug), optional `title`, "
            + "`repositories` (ids; empty for every active one), `hidden`, `emails`, `from` and `to` "
            + "(YYYY-MM-DD), `published`. It lives at /cv/{login}/{name}.")
    ResponseEntity<CvPages.CvStatus> create(Caller caller, @RequestBody CvRequest request) {
        caller.require(Caller.Scope.WRITE);
        if (request.name() == null || request.name().isBlank()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "give the CV a name, e.g. \"backend\"");
        }
        NamedCv cv = pages.create(caller.login(), request.name(), new CvPages.Definition(request.title(),
                orEmpty(request.repositories()), orEmpty(request.hidden()), orEmpty(request.emails()),
                day(request.from(), "from"), day(request.to(), "to"), Boolean.TRUE.equals(request.published())));
        return ResponseEntity.status(HttpStatus.CREATED).body(pages.status(caller.login(), cv.name()));
    }

    @PatchMapping("/cvs/{name}")
    @Operation(summary = "Change a named CV", description = "What is absent stays; a list replaces the one before; "
            + "an empty `from` or `to` opens the period; `rename` gives it a new name (and address).")
    CvPages.CvStatus update(Caller caller, @PathVariable String name, @RequestBody CvRequest request) {
        caller.require(Caller.Scope.WRITE);
        NamedCv cv = pages.change(caller.login(), name, new CvPages.Change(request.rename(), request.title(),
                request.repositories(), request.hidden(), request.emails(), bound(request.from(), "from"),
                bound(request.to(), "to"), request.published()));
        return pages.status(caller.login(), cv.name());
    }

    @DeleteMapping("/cvs/{name}")
    @Operation(summary = "Remove a named CV")
    ResponseEntity<Void> remove(Caller caller, @PathVariable String name) {
        caller.require(Caller.Scope.WRITE);
        pages.remove(caller.login(), name);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/refresh")
    @Operation(summary = "Refresh your CVs", description = "Rebuilds every CV now; each says how it went.")
    List<CvPages.CvStatus> refresh(Caller caller) {
        caller.require(Caller.Scope.WRITE);
        return pages.refresh(caller.login());
    }

    private Settings settings(String login, long userId) {
        CvPreferences.Preferences p = preferences.of(userId);
        return new Settings(accounts.requireUser(userId).published(), p.showPunchCard(), p.inRanking(),
                p.namedRepositories().stream().sorted().toList(), pages.list(login));
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static CvPages.@Nullable Bound bound(@Nullable String day, String what) {
        return day == null ? null : CvPages.Bound.parse(day, what);
    }

    private static @Nullable LocalDate day(@Nullable String day, String what) {
        return day == null || day.isBlank() ? null : CvPages.day(day, what);
    }
}
