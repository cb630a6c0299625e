package dev.commitstats.providers.gitlab;

import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@code GET /personal_access_tokens/self} says about the token in use: its scopes and the date it expires.
 * Only personal access tokens have that endpoint; for the others (project, group and OAuth tokens answer 404 or 403)
 * nothing is known, and nothing is judged.
 *
 * @param scopes      the classic scopes ({@code api}, {@code read_api}, {@code read_repository}, ...); empty when
 *                    unknown
 * @param expiresAt   midnight UTC of {@code expires_at}, when GitLab says the token stops working; null when unknown
 *                    or never
 * @param fineGrained whether it is a fine-grained token ({@code granular_scopes}), whose permissions are not scopes
 */
record GitLabToken(List<String> scopes, @Nullable Instant expiresAt, boolean fineGrained) {

    /** Read access to the API lists projects, emails and merge requests; read access to repositories clones them. */
    static final List<String> RECOMMENDED = List.of("read_api", "read_repository");

    private static final GitLabToken UNKNOWN = new GitLabToken(List.of(), null, false);

    GitLabToken {
        scopes = List.copyOf(scopes);
    }

    /** The token's own description, or {@link #UNKNOWN} when the host does not give one. */
    static GitLabToken read(GitLabApi api) {
        try {
            ProviderHttp.Response r = api.get("/personal_access_tokens/self");
            if (!r.ok()) {
                return UNKNOWN;
            }
            JsonNode self = r.json(api.host(), "token description");
            List<String> scopes = new ArrayList<>();
            self.path("scopes").forEach(s -> {
                if (s.isString()) {
                    scopes.add(s.asString());
                }
            });
            JsonNode granular = self.get("granular_scopes");
            return new GitLabToken(scopes, expiry(GitLabProjects.text(self, "expires_at")),
                    granular != null && !granular.isNull());
        } catch (ProviderException e) {
            // the check already has its verdict from /user; what this call would add is optional
            return UNKNOWN;
        }
    }

    /**
     * The scopes to add for Commit Stats to work, empty when none are missing or when the scopes are not known.
     * {@code api} covers both reading the API and, over HTTPS, the repositories.
     */
    List<String> missing() {
        if (scopes.isEmpty() || fineGrained) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (!has("api") && !has("read_api")) {
            missing.add("read_api");
        }
        if (!has("api") && !has("read_repository") && !has("write_repository")) {
            missing.add("read_repository");
        }
        return missing;
    }

    /** The scopes that let the token change things, which Commit Stats never needs. */
    List<String> writeScopes() {
        return scopes.stream().filter(s -> s.equals("api") || s.equals("write_repository")).toList();
    }

    private boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** GitLab documents that a token expires at midnight UTC on its {@code expires_at} date. */
    private static @Nullable Instant expiry(@Nullable String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
