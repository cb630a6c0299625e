package dev.commitstats.stats;

import dev.commitstats.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's outlier files (single file changes over the bulk threshold, left out until the owner says they
 * wrote them) and the decisions on them: what the {@code outliers} command does. Only their owner sees these paths.
 */
@RestController
@RequestMapping("/api/v1/outliers")
@Tag(name = "outliers", description = "Your bulk files to review")
class OutliersApiController {

    private final OutlierReview review;

    OutliersApiController(OutlierReview review) {
        this.review = review;
    }

    /**
     * An outlier file as its owner sees it.
     *
     * @param id         what to name it by in a decision ({@code COMMIT:PATH})
     * @param repository the repository it is counted in
     * @param included   whether it counts as written
     */
    record File(String id, long repositoryId, String repository, String sha, String path, String language,
            long additions, long deletions, boolean included) {
    }

    /** @param include IDs of files to count as written; @param exclude IDs to set apart again */
    record DecisionRequest(@Nullable List<String> include, @Nullable List<String> exclude) {
    }

    /**
     * @param id       the file's ID
     * @param included the decision
     * @param changed  whether it changed anything
     */
    record Decided(String id, boolean included, boolean changed) {
    }

    /** What the decisions did to the honest totals. */
    record DecisionResult(List<Decided> decisions, long additionsBefore, long deletionsBefore, long additionsAfter,
            long deletionsAfter) {
    }

    @GetMapping
    @Operation(summary = "Your outlier files", description = "Largest first, with the ID to name each by.")
    List<File> outliers(Caller caller) {
        caller.require(Caller.Scope.READ);
        OutlierReview.Listing listing = review.list(caller.login());
        return listing.files().stream().map(o -> new File(listing.ids().id(o), o.repositoryId(), o.repositoryName(),
                o.sha(), o.path(), o.language(), o.additions(), o.deletions(), o.included())).toList();
    }

    @PostMapping
    @Operation(summary = "Include or exclude outlier files", description = "Body `{\"include\": [ID…], "
            + "\"exclude\": [ID…]}`. Every ID is checked first: an unknown or ambiguous one changes nothing (400).")
    DecisionResult decide(Caller caller, @RequestBody DecisionRequest request) {
        caller.require(Caller.Scope.WRITE);
        OutlierReview.Decisions d = review.decide(caller.login(),
                request.include() == null ? List.of() : request.include(),
                request.exclude() == null ? List.of() : request.exclude());
        return new DecisionResult(d.decisions().stream()
                .map(x -> new Decided(x.id(), x.included(), x.changed())).toList(),
                d.before().additions(), d.before().deletions(), d.after().additions(), d.after().deletions());
    }
}
