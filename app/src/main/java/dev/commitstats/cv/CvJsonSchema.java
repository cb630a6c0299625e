package dev.commitstats.cv;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI schema of {@code GET /api/v1/cv/{login}}, for the API documentation only: nothing creates or writes
 * these records. The endpoint writes {@link CvJson#apiFields} (maps, so that a snapshot's rendering is kept as bytes),
 * which springdoc cannot describe; these records spell out the same fields, in the same order and with the same
 * names, for it to read. {@code CvOpenApiServerTests} compares them with a real response, so they cannot drift.
 *
 * <p>Every field is always written except {@code punch_card}; {@code null} only where a field says so.
 */
@Schema(name = "Cv", description = "A published coding CV: the same numbers as the CV page. The totals (commits to "
        + "detected) have exactly the fields of `commitstats stats --format json`.")
record CvJsonSchema(
        @Schema(requiredMode = REQUIRED) User user,
        @JsonProperty("generated_at")
        @Schema(requiredMode = REQUIRED, description = "when the CV was computed; the end of the key-metric windows "
                + "and streaks") Instant generatedAt,
        @Schema(requiredMode = REQUIRED, description = "commits counted, each once across forks and mirrors")
        long commits,
        @Schema(requiredMode = REQUIRED, description = "lines written: additions in a language, none of the excluded "
                + "buckets") long additions,
        @Schema(requiredMode = REQUIRED, description = "lines deleted, counted like additions") long deletions,
        @JsonProperty("first_commit")
        @Schema(requiredMode = REQUIRED, nullable = true, description = "the first counted commit, in its author's own offset; null "
                + "without commits") @Nullable OffsetDateTime firstCommit,
        @JsonProperty("last_commit")
        @Schema(requiredMode = REQUIRED, nullable = true, description = "the last counted commit; null without commits")
        @Nullable OffsetDateTime lastCommit,
        @JsonProperty("active_days")
        @Schema(requiredMode = REQUIRED, description = "local days with at least one commit") long activeDays,
        @Schema(requiredMode = REQUIRED, description = "lines per language (GitHub Linguist's names), most changed "
                + "lines first") Map<String, LineCount> languages,
        @Schema(requiredMode = REQUIRED) Excluded excluded,
        @Schema(requiredMode = REQUIRED) Types types,
        @JsonProperty("types_inferred")
        @Schema(requiredMode = REQUIRED, description = "how many of `types` had their type inferred from the "
                + "message's wording rather than declared by a Conventional Commits header; only types with "
                + "inferred commits, in the order of `types`") Map<String, Long> typesInferred,
        @JsonProperty("breaking_changes")
        @Schema(requiredMode = REQUIRED, description = "commits marked as breaking changes (a `!` after the "
                + "type, or a `BREAKING CHANGE:` footer)") long breakingChanges,
        @Schema(requiredMode = REQUIRED) Detected detected,
        @Schema(requiredMode = REQUIRED) Activity activity,
        @Schema(requiredMode = REQUIRED) Series series,
        @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "the counted repositories, in the "
                + "order they were registered")) List<Repository> repositories,
        @JsonProperty("punch_card")
        @ArraySchema(minItems = 7, maxItems = 7, arraySchema = @Schema(requiredMode = NOT_REQUIRED,
                description = "commits per weekday and hour, in each commit's own local time: seven rows, Monday "
                        + "first, of 24 hours each. Left out when the owner hides the punch card."),
                schema = @Schema(description = "one weekday's 24 hours, from 00:00"))
        List<List<Long>> punchCard,
        @JsonProperty("key_metrics")
        @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "totals and trends: `commits`, "
                + "`additions`, `deletions`, `language:<name>` (its lines written) per language, `type:<type>` "
                + "(commits) for every commit type, `detector:<kind>` (detections) for every detector kind, "
                + "packages as `detector:package`")) List<KeyMetric> keyMetrics,
        @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "commits and lines per local day, "
                + "ascending; days without commits left out")) List<Day> days,
        @Schema(requiredMode = REQUIRED) Months months) {

    /** Whose CV it is. */
    @Schema(name = "CvUser", description = "whose CV it is")
    record User(
            @Schema(requiredMode = REQUIRED, description = "the unique login: the CV is at `/cv/{login}`")
            String login,
            @JsonProperty("display_name")
            @Schema(requiredMode = REQUIRED, nullable = true, description = "the name shown; null to show the login")
            @Nullable String displayName,
            @JsonProperty("time_zone")
            @Schema(requiredMode = REQUIRED, description = "IANA time zone of \"today\" for streaks and key-metric "
                    + "windows", example = "Europe/London") String timeZone,
            @Schema(requiredMode = REQUIRED, description = "whether the CV is public; always true here")
            boolean published) {
    }

    /** Changed lines of a language or a bucket. */
    @Schema(name = "CvLineCount", description = "changed lines and the files they are in")
    record LineCount(
            @Schema(requiredMode = REQUIRED) long additions,
            @Schema(requiredMode = REQUIRED) long deletions,
            @Schema(requiredMode = REQUIRED, description = "distinct files changed") long files) {
    }

    /** The buckets of changed lines that are not counted as written, one field per bucket. */
    @Schema(name = "CvExcludedLines", description = "changed lines set apart from the counted ones, per bucket")
    record Excluded(
            @Schema(requiredMode = REQUIRED, description = "third-party code kept in a repository (vendor/, "
                    + "node_modules/, ...)") LineCount vendored,
            @Schema(requiredMode = REQUIRED, description = "lock files, minified files, generated sources")
            LineCount generated,
            @Schema(requiredMode = REQUIRED, description = "lines that only moved (renames and copies)")
            LineCount moved,
            @Schema(requiredMode = REQUIRED, description = "single file changes over the bulk threshold (imported "
                    + "data, dumps)") LineCount bulk,
            @Schema(requiredMode = REQUIRED) BinaryFiles binary) {
    }

    /** Binary files: git counts no lines for them. */
    @Schema(name = "CvBinaryFiles", description = "binary files changed: git counts no lines for them")
    record BinaryFiles(@Schema(requiredMode = REQUIRED) long files) {
    }

    /** Commits per Conventional Commits type, declared or inferred; every type is written, zeros included. */
    @Schema(name = "CvCommitTypes", description = "commits per Conventional Commits type, declared or inferred; "
            + "`other` for messages of no recognised type")
    record Types(
            @Schema(requiredMode = REQUIRED) long feat,
            @Schema(requiredMode = REQUIRED) long fix,
            @Schema(requiredMode = REQUIRED) long refactor,
            @Schema(requiredMode = REQUIRED) long perf,
            @Schema(requiredMode = REQUIRED) long test,
            @Schema(requiredMode = REQUIRED) long docs,
            @Schema(requiredMode = REQUIRED) long style,
            @Schema(requiredMode = REQUIRED) long build,
            @Schema(requiredMode = REQUIRED) long ci,
            @Schema(requiredMode = REQUIRED) long chore,
            @Schema(requiredMode = REQUIRED) long revert,
            @Schema(requiredMode = REQUIRED) long other) {
    }

    /** Infrastructure and packages introduced in commits. */
    @Schema(name = "CvDetections", description = "infrastructure and packages introduced in commits")
    record Detected(
            @Schema(requiredMode = REQUIRED, description = "container build files added") long dockerfile,
            @JsonProperty("helm_chart")
            @Schema(requiredMode = REQUIRED, description = "Helm charts added") long helmChart,
            @JsonProperty("terraform_module")
            @Schema(requiredMode = REQUIRED, description = "Terraform modules added") long terraformModule,
            @JsonProperty("ci_pipeline")
            @Schema(requiredMode = REQUIRED, description = "CI pipeline definitions added") long ciPipeline,
            @Schema(requiredMode = REQUIRED, description = "packages newly declared in dependency manifests, per "
                    + "ecosystem (`maven`, `npm`, `pypi`, `go`, `cargo`), sorted by name")
            Map<String, List<String>> packages) {
    }

    /** Days with commits and streaks. */
    @Schema(name = "CvActivity", description = "days with commits and streaks, in the author's own local days")
    record Activity(
            @JsonProperty("active_days")
            @Schema(requiredMode = REQUIRED) long activeDays,
            @JsonProperty("longest_streak")
            @Schema(requiredMode = REQUIRED, description = "most consecutive days with commits") long longestStreak,
            @JsonProperty("current_streak")
            @Schema(requiredMode = REQUIRED, description = "consecutive days with commits up to today (or "
                    + "yesterday, before today's first commit)") long currentStreak) {
    }

    /** The weekly series: the API's snapshots are always made per week. */
    @Schema(name = "CvSeries", description = "commits and lines per period; the API's series is per ISO week")
    record Series(
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "ascending; weeks without "
                    + "commits left out")) List<Week> week) {
    }

    /** One week of the series. */
    @Schema(name = "CvWeek", description = "one ISO week")
    record Week(
            @Schema(requiredMode = REQUIRED, description = "ISO week-based year and week", pattern = "^\\d{4}_\\d{2}$",
                    example = "2025_07") String period,
            @Schema(requiredMode = REQUIRED) long commits,
            @Schema(requiredMode = REQUIRED) long additions,
            @Schema(requiredMode = REQUIRED) long deletions) {
    }

    /** One local day with commits. */
    @Schema(name = "CvDay", description = "one local day with commits")
    record Day(
            @Schema(requiredMode = REQUIRED) LocalDate day,
            @Schema(requiredMode = REQUIRED) long commits,
            @Schema(requiredMode = REQUIRED) long additions,
            @Schema(requiredMode = REQUIRED) long deletions) {
    }

    /** One counted repository; a private one is masked on a public CV unless its owner chose to name it. */
    @Schema(name = "CvRepository", description = "one counted repository. A private or internal repository is "
            + "masked (`masked` true, name `private repository`, owner null) unless its owner chose to name it.")
    record Repository(
            @Schema(requiredMode = REQUIRED, description = "its name, or `private repository` when masked")
            String name,
            @Schema(requiredMode = REQUIRED, nullable = true, description = "the owner or group it belongs to; null when unknown or "
                    + "masked") @Nullable String owner,
            @Schema(requiredMode = REQUIRED, description = "where it lives: a well-known hosted service, `git` for any "
                    + "other git server (a self-managed server is never named), `local` for a folder",
                    allowableValues = {"local", "git", "github", "gitlab", "azure-devops", "bitbucket", "codeberg"})
            String provider,
            @Schema(requiredMode = REQUIRED, description = "whether its name and owner are hidden") boolean masked,
            @JsonProperty("open_source")
            @Schema(requiredMode = NOT_REQUIRED, description = "public on its host; only for a repository discovered "
                    + "through a provider account") @Nullable Boolean openSource,
            @Schema(requiredMode = NOT_REQUIRED, description = "someone else's open-source project the user "
                    + "contributed to; only for a discovered repository") @Nullable Boolean contribution,
            @Schema(requiredMode = NOT_REQUIRED, description = "stars or favourites on its host; only for a "
                    + "discovered repository") @Nullable Integer stars,
            @ArraySchema(maxItems = 3, arraySchema = @Schema(requiredMode = REQUIRED, description = "the languages "
                    + "written in it, most lines first")) List<String> languages,
            @JsonProperty("first_day")
            @Schema(requiredMode = REQUIRED, nullable = true, description = "the first local day with a counted commit in it; null "
                    + "when none is counted") @Nullable LocalDate firstDay,
            @JsonProperty("last_day")
            @Schema(requiredMode = REQUIRED, nullable = true, description = "the last one") @Nullable LocalDate lastDay,
            @Schema(requiredMode = REQUIRED, description = "the owner's commits counted in it") long commits,
            @Schema(requiredMode = REQUIRED) long additions,
            @Schema(requiredMode = REQUIRED) long deletions,
            @Schema(requiredMode = NOT_REQUIRED, description = "the owner's commits in it per calendar year of their "
                    + "local days (years without commits left out), as the year in review counts them",
                    example = "{\"2024\": 31, \"2025\": 12}") @Nullable Map<String, Long> years) {
    }

    /** One key metric: its total and three windows against the ones before. */
    @Schema(name = "CvKeyMetric", description = "a metric's total and the last 52, 13 and 1 weeks (whole local days "
            + "ending today) against the same length just before")
    record KeyMetric(
            @Schema(requiredMode = REQUIRED, example = "language:Java") String metric,
            @Schema(requiredMode = REQUIRED, description = "over all time") long total,
            @JsonProperty("last_52w") @Schema(requiredMode = REQUIRED) Trend last52w,
            @JsonProperty("last_13w") @Schema(requiredMode = REQUIRED) Trend last13w,
            @JsonProperty("last_1w") @Schema(requiredMode = REQUIRED) Trend last1w) {
    }

    /** A window against the one before it. */
    @Schema(name = "CvTrend", description = "a window against the window of the same length before it")
    record Trend(
            @Schema(requiredMode = REQUIRED, description = "in the window ending today") long current,
            @Schema(requiredMode = REQUIRED, description = "in the window before it") long previous,
            @Schema(requiredMode = REQUIRED, description = "current minus previous") long change) {
    }

    /** The month table every chart over time draws from. */
    @Schema(name = "CvMonths", description = "per month with commits, one value per column: languages, types and "
            + "detections over time")
    record Months(
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "`commits`, `additions`, "
                    + "`deletions`, then `additions_<language>` per language (most changed first), `type_<type>` "
                    + "(commits) per commit type present, `detected_<kind>` (detections) per detector kind present"))
            List<String> columns,
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "ascending")) List<Month> rows) {
    }

    /** One month's values. */
    @Schema(name = "CvMonth", description = "one month's values")
    record Month(
            @Schema(requiredMode = REQUIRED, description = "year and month", pattern = "^\\d{4}_\\d{2}$",
                    example = "2025_03") String month,
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "one per column, in the "
                    + "order of `columns`")) List<Long> values) {
    }
}
