package dev.commitstats.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/info}: lets API clients check which version they talk to. */
@RestController
@RequestMapping("/api")
@Tag(name = "instance", description = "About this Commit Stats instance")
class InfoApiController {

    private final InstanceInfo info;

    InfoApiController(InstanceInfo info) {
        this.info = info;
    }

    @GetMapping("/info")
    @Operation(summary = "Version of this instance and the kind of database it uses")
    InstanceInfo.Description info() {
        return info.describe();
    }
}
