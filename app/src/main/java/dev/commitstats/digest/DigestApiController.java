package dev.commitstats.digest;

import dev.commitstats.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's weekly digest and its e-mail settings, as JSON. */
@RestController
@RequestMapping("/api/v1/digest")
@Tag(name = "digest", description = "Your weekly digest")
class DigestApiController {

    private final WeeklyDigests digests;
    private final DigestPreferences preferences;

    DigestApiController(WeeklyDigests digests, DigestPreferences preferences) {
        this.digests = digests;
        this.preferences = preferences;
    }

    /**
     * The e-mail settings.
     *
     * @param email        whether the digest is mailed every Monday
     * @param address      where to
     * @param lastSentWeek the last week mailed (or complete when you opted in)
     */
    record Settings(boolean email, @Nullable String address, @Nullable String lastSentWeek) {
        static Settings of(DigestPreferences.Preferences p) {
            return new Settings(p.email(), p.address(), p.lastSentWeek() == null ? null : p.lastSentWeek().toString());
        }
    }

    /** A change: {@code email} on or off, optionally the address (one of your commit emails). */
    record SettingsChange(@Nullable Boolean email, @Nullable String address) {
    }

    @GetMapping
    @Operation(summary = "Your weekly digest", description = "The ISO week `week` (`2026-W47`), or the last "
            + "complete week in your time zone, against the 13 weeks before.")
    WeeklyDigest digest(Caller caller, @RequestParam(required = false) @Nullable String week) {
        caller.require(Caller.Scope.READ);
        return digests.digest(caller.userId(), week == null || week.isBlank() ? null : IsoWeek.parse(week));
    }

    @GetMapping("/settings")
    @Operation(summary = "Your digest e-mail settings")
    Settings settings(Caller caller) {
        caller.require(Caller.Scope.READ);
        return Settings.of(preferences.of(caller.userId()));
    }

    @PutMapping("/settings")
    @Operation(summary = "Opt in or out of the digest e-mail", description = "Body: `{\"email\": true}`, "
            + "optionally with `address`, one of your commit emails.")
    Settings change(Caller caller, @RequestBody SettingsChange change) {
        caller.require(Caller.Scope.WRITE);
        DigestPreferences.Preferences now = preferences.of(caller.userId());
        return Settings.of(preferences.change(caller.userId(), change.email() == null ? now.email() : change.email(),
                change.address(), digests.lastCompleteWeek(caller.userId())));
    }
}
