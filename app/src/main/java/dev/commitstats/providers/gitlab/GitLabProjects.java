package dev.commitstats.providers.gitlab;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads GitLab's project entity ({@code GET /projects}, {@code GET /projects/:id}) into a
 * {@link DiscoveredRepository}: {@code http_url_to_repo}, {@code namespace.full_path} (a subgroup's is
 * {@code group/sub}) and {@code namespace.kind} ({@code user} or {@code group}), {@code path}, {@code visibility},
 * a fork when {@code forked_from_project} is there, {@code archived}, {@code default_branch},
 * {@code last_activity_at}, {@code star_count} and {@code web_url}. Stateless.
 */
final class GitLabProjects {

    private static final Set<String> VISIBILITIES = Set.of("public", "internal", "private");

    private GitLabProjects() {
    }

    /**
     * The repository a project entity describes.
     *
     * <p>{@code last_activity_at} moves on any activity (issues, comments), not only on pushes: read as the last
     * push it can make a repository look changed when it is not, which costs a fetch, and never the other way round.
     *
     * @throws ProviderException MALFORMED when a field every project has is missing
     */
    static DiscoveredRepository repository(JsonNode project, String host) throws ProviderException {
        JsonNode namespace = project.path("namespace");
        String cloneUrl = required(project, "http_url_to_repo", host);
        String ownerGroup = required(namespace, "full_path", host);
        String name = required(project, "path", host);
        OwnerKind ownerKind = "user".equals(text(namespace, "kind")) ? OwnerKind.USER : OwnerKind.GROUP;
        String visibility = text(project, "visibility");
        JsonNode forkedFrom = project.get("forked_from_project");
        return new DiscoveredRepository(cloneUrl, ownerGroup, ownerKind, name,
                // unknown counts as private: nothing is ever taken for public that GitLab did not call public
                visibility != null && VISIBILITIES.contains(visibility) ? visibility : "private",
                forkedFrom != null && forkedFrom.isObject(),
                project.path("archived").asBoolean(false),
                text(project, "default_branch"),
                instant(project, "last_activity_at"),
                project.path("star_count").asInt(0),
                text(project, "web_url"),
                false);
    }

    /** A string field, or null when it is missing, null, blank or not a string. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    /** An ISO-8601 time field; null when missing or unreadable, which callers read as "unknown". */
    static @Nullable Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String required(JsonNode node, String field, String host) throws ProviderException {
        String s = text(node, field);
        if (s == null) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    host + " described a project without " + field);
        }
        return s;
    }
}
