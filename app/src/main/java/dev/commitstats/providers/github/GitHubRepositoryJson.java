package dev.commitstats.providers.github;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's "repository" object (as {@code /user/repos} lists it and {@code /repos/OWNER/NAME} answers it) read into a
 * {@link DiscoveredRepository}. Fields the product needs and GitHub documents as always present ({@code clone_url},
 * {@code name}, {@code owner.login}) make the answer malformed when missing; the others have a fallback.
 */
final class GitHubRepositoryJson {

    private static final Set<String> VISIBILITIES = Set.of("public", "private", "internal");

    private GitHubRepositoryJson() {
    }

    static DiscoveredRepository read(JsonNode repo, String name) throws ProviderException {
        if (!repo.isObject()) {
            throw malformed(name, "a repository that is not an object");
        }
        String cloneUrl = required(repo, "clone_url", name);
        String repoName = required(repo, "name", name);
        JsonNode owner = repo.path("owner");
        String login = text(owner, "login");
        if (login == null) {
            throw malformed(name, "repository " + repoName + " without owner.login");
        }
        OwnerKind kind = "Organization".equals(text(owner, "type")) ? OwnerKind.ORGANISATION : OwnerKind.USER;
        return new DiscoveredRepository(cloneUrl, login, kind, repoName, visibility(repo), flag(repo, "fork"),
                flag(repo, "archived"), text(repo, "default_branch"), instant(text(repo, "pushed_at")),
                count(repo.path("stargazers_count")),
                text(repo, "html_url"), false);
    }

    /** {@code visibility} where GitHub sends it ({@code internal} exists only there); else the {@code private} flag. */
    private static String visibility(JsonNode repo) {
        String v = text(repo, "visibility");
        if (v != null && VISIBILITIES.contains(v.toLowerCase(Locale.ROOT))) {
            return v.toLowerCase(Locale.ROOT);
        }
        return flag(repo, "private") ? "private" : "public";
    }

    private static @Nullable Instant instant(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;  // only used to skip fetches of unchanged repositories: unknown means "fetch"
        }
    }

    private static int count(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() ? Math.max(0, n.asInt()) : 0;
    }

    private static String required(JsonNode node, String field, String name) throws ProviderException {
        String v = text(node, field);
        if (v == null) {
            throw malformed(name, "a repository without " + field);
        }
        return v;
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isBoolean() && v.asBoolean();
    }

    private static ProviderException malformed(String name, String what) {
        return new ProviderException(ProviderException.Kind.MALFORMED, name + " answered " + what);
    }
}
