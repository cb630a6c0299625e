package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/v1/repositories/{id}}: a repository and every number collected from it, gone. */
@RestController
@Tag(name = "repositories")
class RepositoryRemovalApiController {

    private final RepositoryRemoval removal;

    RepositoryRemovalApiController(RepositoryRemoval removal) {
        this.removal = removal;
    }

    @DeleteMapping("/api/v1/repositories/{id}")
    @Operation(summary = "Delete a repository", description = "With every number collected from it (the CV "
            + "follows) and the server's copy of it. 409 while it is being collected. To stop counting it but keep "
            + "its numbers, switch it off instead (PATCH with {\"active\": false}).")
    RepositoryRemoval.Removed remove(Caller caller, @PathVariable long id) {
        caller.require(Caller.Scope.WRITE);
        return removal.remove(caller.userId(), id);
    }
}
