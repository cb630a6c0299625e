package dev.commitstats.cv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/** {@code GET /cvs}: the instance's published CVs as a page, and {@code GET /api/v1/cvs} as JSON ({@link CvDirectory}). */
@Controller
@Tag(name = "cv", description = "Published coding CVs")
class CvDirectoryController {

    static final String VIEW = "cvs";

    private final CvDirectory directory;

    CvDirectoryController(CvDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/cvs")
    ModelAndView page(@RequestParam(defaultValue = "1") String page) {
        return new ModelAndView(VIEW, Map.of("cvs", directory.page(number(page))));
    }

    @GetMapping("/api/v1/cvs")
    @ResponseBody
    @Operation(operationId = "cvs", summary = "The instance's published CVs",
            description = "Every published CV, default (`/cv/{login}`) and named (`/cv/{login}/{name}`), most commits "
                    + "first, with the headline numbers of its snapshot: `commits`, `additions` (lines written), "
                    + "`active_days` and up to three `languages`. 50 per page (`page` from 1; a page out of range "
                    + "is the nearest one). A CV is listed once its snapshot was built. Kept for a minute.")
    ResponseEntity<Map<String, Object>> json(
            @Parameter(description = "the page, from 1") @RequestParam(defaultValue = "1") String page) {
        CvDirectory.Page p = directory.page(number(page));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generated_at", p.generatedAt().toString());
        out.put("page", p.page());
        out.put("pages", p.pages());
        out.put("total", p.total());
        out.put("cvs", p.entries().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("login", e.login());
            m.put("display_name", e.displayName());
            m.put("name", e.name());
            m.put("title", e.title());
            m.put("cv", e.path());
            m.put("commits", e.commits());
            m.put("additions", e.additions());
            m.put("active_days", e.activeDays());
            m.put("languages", e.languages());
            m.put("built_at", e.builtAt().toString());
            return m;
        }).toList());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(out);
    }

    /** A page number as people type it: anything that is not one is the first page. */
    private static int number(String page) {
        try {
            return Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
