package dev.commitstats.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code /status} (public page) and {@code GET /api/v1/status} (JSON): the instance's collection status, no user data. */
@Controller
@Tag(name = "status", description = "Health and background collection of this instance")
class CollectionStatusController {

    static final String VIEW = "status";

    private final CollectionStatus status;

    CollectionStatusController(CollectionStatus status) {
        this.status = status;
    }

    @GetMapping("/status")
    String page(Model model) {
        model.addAttribute("status", status.status());
        return VIEW;
    }

    @GetMapping("/api/v1/status")
    @ResponseBody
    @Operation(summary = "Health, jobs enqueued, running and failed, the last periodic delta, repositories by status")
    ResponseEntity<CollectionStatus.Status> api() {
        CollectionStatus.Status s = status.status();
        return ResponseEntity.status(s.healthy() ? 200 : 503).body(s);
    }
}
