package dev.commitstats.repos;

import dev.commitstats.accounts.Caller;
import dev.commitstats.config.UseCaseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's repositories and owner groups as JSON: what the user page's repositories table shows and does.
 * Only the caller's own repositories exist here: another user's id is "not found".
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "repositories", description = "Your repositories and owner groups")
class RepositoriesApiController {

    private final RepositoryRegistry registry;
    private final RepositorySources sources;

    RepositoriesApiController(RepositoryRegistry registry, RepositorySources sources) {
        this.registry = registry;
        this.sources = sources;
    }

    /** @param active whether the repository's commits count */
    record ActiveChange(@Nullable Boolean active) {
    }

    /**
     * @param url a git URL (https) of a repository to collect; an instance's admin may also name a folder on the
     *            server
     */
    record NewSource(@Nullable String url) {
    }

    /**
     * @param repository the repository, as stored afterwards
     * @param created    whether this call added it
     * @param reactivated whether it was there but switched off, and now counts again
     */
    record Added(RepositoryView repository, boolean created, boolean reactivated) {
    }

    @GetMapping("/repositories")
    @Operation(summary = "Your repositories", description = "Every repository you collect from or could, by id.")
    List<RepositoryView> repositories(Caller caller) {
        caller.require(Caller.Scope.READ);
        return registry.repositories(caller.userId()).stream().map(RepositoryView::of).toList();
    }

    @GetMapping("/repositories/{id}")
    @Operation(summary = "One of your repositories")
    RepositoryView repository(Caller caller, @PathVariable long id) {
        caller.require(Caller.Scope.READ);
        return RepositoryView.of(own(caller, id));
    }

    @PatchMapping("/repositories/{id}")
    @Operation(summary = "Switch a repository on or off", description = "Body `{\"active\": false}`: its commits "
            + "stop counting (they are kept, and count again when it is switched back on).")
    RepositoryView change(Caller caller, @PathVariable long id, @RequestBody ActiveChange change) {
        caller.require(Caller.Scope.WRITE);
        if (change.active() == null) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "say {\"active\": true} or {\"active\": false}");
        }
        return RepositoryView.of(registry.setActive(caller.userId(), List.of(id), change.active()).get(0));
    }

    /** @param repositories what a folder of repositories added, one per repository found in it */
    record AddedFolder(List<Added> repositories) {
    }

    @PostMapping("/repositories")
    @Operation(summary = "Add a repository by URL", description = "Body `{\"url\": \"https://host/owner/repo.git\"}`. "
            + "It is collected with your token for that host, if you have one, at the next refresh. Answers 201 "
            + "when it is new, 200 when you had it already (switched back on if it was off). An instance's admin may "
            + "also name a folder of the server: a repository, or a folder of repositories (each one in it or one "
            + "level below is added: the answer is then `{\"repositories\": [...]}`).")
    ResponseEntity<?> add(Caller caller, @RequestBody NewSource source) {
        caller.require(Caller.Scope.WRITE);
        String given = source.url() == null ? "" : source.url();
        RepositorySources.Registrations registered = sources.registerAll(caller, given);
        List<RepositorySources.Registration> all = registered.registrations();
        List<Added> added = all.stream()
                .map(r -> new Added(RepositoryView.of(r.repository()), r.created(), r.reactivated())).toList();
        boolean anyNew = all.stream().anyMatch(RepositorySources.Registration::created);
        if (!registered.folder()) {
            return ResponseEntity.status(anyNew ? HttpStatus.CREATED : HttpStatus.OK).body(added.get(0));
        }
        return ResponseEntity.status(anyNew ? HttpStatus.CREATED : HttpStatus.OK).body(new AddedFolder(added));
    }

    @GetMapping("/owner-groups")
    @Operation(summary = "Your owner groups", description = "The owners and groups your repositories belong to, "
            + "with how many count and whether you switched the group off (its new repositories start off too).")
    List<RepositoryRegistry.OwnerGroup> ownerGroups(Caller caller) {
        caller.require(Caller.Scope.READ);
        return registry.ownerGroups(caller.userId());
    }

    @PutMapping("/owner-groups/{name}")
    @Operation(summary = "Switch an owner group on or off", description = "Body `{\"active\": false}`: every "
            + "repository of the group, and those discovered in it later.")
    RepositoryRegistry.OwnerGroup ownerGroup(Caller caller, @PathVariable String name,
            @RequestBody ActiveChange change) {
        caller.require(Caller.Scope.WRITE);
        if (change.active() == null) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "say {\"active\": true} or {\"active\": false}");
        }
        registry.setOwnerGroupActive(caller.userId(), name, change.active());
        return registry.ownerGroups(caller.userId()).stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private Repository own(Caller caller, long id) {
        return registry.repository(id).filter(r -> r.userId() == caller.userId())
                .orElseThrow(() -> new UseCaseException(UseCaseException.Kind.NOT_FOUND, "no repository " + id));
    }

}
