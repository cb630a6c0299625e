package dev.commitstats.cv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /ranking}: the instance's opt-in leaderboard as a page, and {@code GET /api/v1/ranking} as JSON, both
 * from {@link CvRanking}. Only published users who joined it ({@code commitstats cv settings --ranking on}) appear.
 */
@Controller
@Tag(name = "cv", description = "Published coding CVs")
class CvRankingController {

    static final String VIEW = "ranking";

    private final CvRanking ranking;

    CvRankingController(CvRanking ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/ranking")
    ModelAndView page() {
        return new ModelAndView(VIEW, Map.of("ranking", ranking.current()));
    }

    @GetMapping("/api/v1/ranking")
    @ResponseBody
    @Operation(operationId = "ranking", summary = "The instance's ranking",
            description = "Published users who joined the ranking: `overall` by lines written (honest additions) in "
                    + "the last 52 weeks, then commits; `languages`, per language (most written first), by lines "
                    + "written in that language in the last 12 months. At most 50 places per list; equal figures "
                    + "share a rank. Made from the CV snapshots and kept for a minute.")
    @ApiResponse(responseCode = "200", description = "the ranking", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CvRankingSchema.class),
            examples = @ExampleObject(name = CvApiExamples.RANKING,
                    ref = CvApiExamples.REF + CvApiExamples.RANKING)))
    ResponseEntity<Map<String, Object>> json() {
        CvRanking.Ranking r = ranking.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generated_at", r.generatedAt().toString());
        out.put("users", r.users());
        out.put("overall", r.overall().stream().map(e -> entry(e, true)).toList());
        Map<String, Object> languages = new LinkedHashMap<>();
        r.byLanguage().forEach((l, entries) -> languages.put(l, entries.stream().map(e -> entry(e, false)).toList()));
        out.put("languages", languages);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(out);
    }

    private static Map<String, Object> entry(CvRanking.Entry e, boolean withCommits) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", e.rank());
        m.put("login", e.login());
        m.put("name", e.name());
        m.put("lines_written", e.linesWritten());
        if (withCommits) {
            m.put("commits", e.commits());
        }
        m.put("cv", "/cv/" + e.login());
        return m;
    }
}
