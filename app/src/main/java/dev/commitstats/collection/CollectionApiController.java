package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The signed-in user's collection API: refresh now, the run history, and the webhook secret. The {@link Caller} is
 * resolved by the security layer of the accounts module, which lets no anonymous request reach these routes; each
 * route checks the caller's scope and only ever touches the caller's own data.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "collection", description = "Refresh, collection runs and webhooks of the signed-in user")
class CollectionApiController {

    private final CollectionJobs jobs;
    private final CollectionService collection;
    private final WebhookSecrets secrets;

    CollectionApiController(CollectionJobs jobs, CollectionService collection, WebhookSecrets secrets) {
        this.jobs = jobs;
        this.collection = collection;
        this.secrets = secrets;
    }

    @PostMapping("/refresh")
    @Operation(summary = "Discover the caller's repositories again and enqueue a collection of each one that changed")
    ResponseEntity<CollectionJobs.Refresh> refresh(Caller caller) {
        caller.require(Caller.Scope.REFRESH);
        return ResponseEntity.accepted().body(jobs.refresh(caller.userId(), CollectionTrigger.REFRESH));
    }

    /**
     * A run as the API shows it: the trigger by its id ({@code refresh}, {@code webhook}…), as {@code runs --format
     * json} prints it, and the duration in milliseconds.
     */
    record RunJson(long id, long repositoryId, String repository, String trigger, String startedAt,
            String finishedAt, long durationMillis, int newCommits, String outcome, @Nullable String message) {

        static RunJson of(CollectionRuns.Run r) {
            return new RunJson(r.id(), r.repositoryId(), r.repository(), r.trigger().dbName(),
                    r.startedAt().toString(), r.finishedAt().toString(), r.took().toMillis(), r.newCommits(),
                    r.outcome(), r.message());
        }
    }

    @GetMapping("/runs")
    @Operation(summary = "The caller's collection runs, newest first")
    List<RunJson> runs(Caller caller, @RequestParam(required = false) @Nullable Long repository,
            @RequestParam(defaultValue = "100") int limit) {
        caller.require(Caller.Scope.READ);
        return collection.runs().runs(caller.userId(), repository, Math.max(1, Math.min(limit, 1000))).stream()
                .map(RunJson::of).toList();
    }

    @PostMapping("/webhook-secret")
    @Operation(summary = "Create or rotate the caller's webhook secret; shown once, with the setup of each host")
    WebhookSecrets.Created webhookSecret(Caller caller) {
        caller.require(Caller.Scope.WRITE);
        return secrets.rotate(caller.userId(), ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }
}
