package dev.commitstats.cv;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schema of {@code GET /api/v1/ranking}, for the API documentation only: {@link CvRankingController}
 * writes maps made from a {@link CvRanking.Ranking}; these records spell out the same fields for springdoc to read.
 */
@Schema(name = "CvRanking", description = "The instance's opt-in leaderboard of published users")
record CvRankingSchema(
        @JsonProperty("generated_at")
        @Schema(requiredMode = REQUIRED, description = "when the ranking was made (it is kept for a minute)")
        Instant generatedAt,
        @Schema(requiredMode = REQUIRED, description = "how many published users joined the ranking") int users,
        @ArraySchema(maxItems = CvRanking.PLACES, arraySchema = @Schema(requiredMode = REQUIRED, description = "by "
                + "lines written in the last 52 weeks, then commits")) List<Place> overall,
        @Schema(requiredMode = REQUIRED, description = "per language, the most written first (at most "
                + CvRanking.LANGUAGES + "): by lines written in that language in the last 12 months; at most "
                + CvRanking.PLACES + " places each") Map<String, List<LanguagePlace>> languages) {

    /** A place in the overall list. */
    @Schema(name = "CvRankingPlace", description = "a place in the overall list")
    record Place(
            @Schema(requiredMode = REQUIRED, description = "1 for the first; equal figures share a rank (1, 2, 2, 4)")
            int rank,
            @Schema(requiredMode = REQUIRED) String login,
            @Schema(requiredMode = REQUIRED, description = "the display name, or the login") String name,
            @JsonProperty("lines_written")
            @Schema(requiredMode = REQUIRED, description = "lines written (honest additions) in the last 52 weeks")
            long linesWritten,
            @Schema(requiredMode = REQUIRED, description = "commits in the last 52 weeks") long commits,
            @Schema(requiredMode = REQUIRED, description = "the path of the user's CV page", example = "/cv/ada")
            String cv) {
    }

    /** A place in a language's list: no commits, since a commit is not of one language. */
    @Schema(name = "CvRankingLanguagePlace", description = "a place in a language's list")
    record LanguagePlace(
            @Schema(requiredMode = REQUIRED, description = "1 for the first; equal figures share a rank") int rank,
            @Schema(requiredMode = REQUIRED) String login,
            @Schema(requiredMode = REQUIRED, description = "the display name, or the login") String name,
            @JsonProperty("lines_written")
            @Schema(requiredMode = REQUIRED, description = "lines written in the language in the last 12 months")
            long linesWritten,
            @Schema(requiredMode = REQUIRED, description = "the path of the user's CV page", example = "/cv/ada")
            String cv) {
    }
}
