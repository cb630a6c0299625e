package dev.commitstats.providers.gitea;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads Gitea's repository entity ({@code GET /user/repos}, {@code GET /repositories/{id}}) into a
 * {@link DiscoveredRepository}: {@code clone_url}, {@code owner.login}, {@code name}, {@code private} and
 * {@code internal}, {@code fork} (and {@code mirror}), {@code archived}, {@code default_branch}, {@code updated_at},
 * {@code stars_count} and {@code html_url}. Stateless.
 */
final class GiteaRepositories {

    private GiteaRepositories() {
    }

    /**
     * The repository an entity describes, its owner being of {@code ownerKind} (Gitea's owner object does not say
     * whether it is a user or an organisation; the caller finds out).
     *
     * <p>A pull mirror counts as a fork: like a fork it copies history that lives elsewhere, so it starts inactive
     * instead of cloning, say, a mirrored kernel. Gitea has no push time; {@code updated_at} moves on pushes and on
     * settings changes, so it can only make a repository look changed when it is not, which costs a fetch.
     *
     * @throws ProviderException MALFORMED when a field every repository has is missing
     */
    static DiscoveredRepository repository(JsonNode repo, OwnerKind ownerKind, String host) throws ProviderException {
        return new DiscoveredRepository(required(repo, "clone_url", host), owner(repo, host), ownerKind,
                required(repo, "name", host), visibility(repo),
                repo.path("fork").asBoolean(false) || repo.path("mirror").asBoolean(false),
                repo.path("archived").asBoolean(false),
                text(repo, "default_branch"),
                instant(repo, "updated_at"),
                repo.path("stars_count").asInt(0),
                text(repo, "html_url"),
                false);
    }

    /** The owner's login ({@code username} on servers that predate {@code login} being filled). */
    static String owner(JsonNode repo, String host) throws ProviderException {
        JsonNode owner = repo.path("owner");
        String login = text(owner, "login");
        if (login == null) {
            login = text(owner, "username");
        }
        if (login == null) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    host + " described a repository without its owner's login");
        }
        return login;
    }

    /**
     * {@code private}, else {@code internal} (Gitea sets it for a public repository of an owner whose profile is
     * private, and it is what {@code limited} owners, visible to signed-in users only, amount to), else public.
     */
    private static String visibility(JsonNode repo) {
        if (repo.path("private").asBoolean(false)) {
            return "private";
        }
        String ownerVisibility = text(repo.path("owner"), "visibility");
        if (repo.path("internal").asBoolean(false) || "limited".equals(ownerVisibility)
                || "private".equals(ownerVisibility)) {
            return "internal";
        }
        return "public";
    }

    /** A string field, or null when it is missing, null, blank or not a string. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    /** An RFC 3339 time field; null when missing or unreadable, which callers read as "unknown". */
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

    private static String required(JsonNode node, String field, String host) throws ProviderException {
        String s = text(node, field);
        if (s == null) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    host + " described a repository without " + field);
        }
        return s;
    }
}
