package dev.commitstats.providers.azure;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Azure DevOps Services ({@code https://dev.azure.com/ORGANISATION}) and Azure DevOps Server
 * ({@code https://host/tfs/COLLECTION}) through REST API 7.1. The base URL names the organisation or collection; a
 * personal access token goes as the basic-auth password with an empty user name.
 *
 * <ul>
 *   <li>{@link #check}: {@code GET _apis/connectionData}, whose {@code authenticatedUser} names the token's owner.
 *       Azure answers a token it does not know with {@code 203} and its HTML sign-in page rather than {@code 401}
 *       (unless {@code X-TFS-FedAuthRedirect: Suppress} is honoured, which this class also sends); both count as
 *       invalid. Azure does not tell a token's scopes through this API, so no "can write" warning is possible here:
 *       the user is told at creation time to grant Code (Read) only.</li>
 *   <li>{@link #discover}: {@code GET _apis/git/repositories} (every project of the organisation the token can read),
 *       following {@code x-ms-continuationtoken} when Azure pages. The owner group is the project. The list carries no
 *       push time, so {@code lastPush} stays null (the project's {@code lastUpdateTime} would be wrong: a stale value
 *       would skip a repository that was pushed to).</li>
 *   <li>{@link #verifiedEmails}: the sign-in address of the {@code connectionData} user, which Microsoft Entra ID or
 *       the Microsoft account has verified.</li>
 *   <li>{@link #contributions}: empty: Azure has no search for a user's merged pull requests across organisations,
 *       and public projects outside the user's organisations are rare.</li>
 * </ul>
 *
 * Holds no per-account state; thread-safe.
 */
public final class AzureDevOpsProvider implements Provider {

    private static final int MAX_PAGES = 1000;

    private final ProviderHttp http;

    public AzureDevOpsProvider(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.AZURE_DEVOPS;
    }

    @Override
    public TokenCheck check(ProviderAccount account) {
        AzureOrganisation org = AzureOrganisation.of(account);
        if (org.name() == null) {
            return new TokenCheck(TokenStatus.INVALID, "the base URL must name the organisation ("
                    + account.base() + "/ORGANISATION) or the collection", null, null, List.of(), null, null);
        }
        try {
            ProviderHttp.Response r = http.get(org.api("_apis/connectionData", null), headers(account));
            if (signInPage(r)) {
                return invalid(signInMessage(org));
            }
            if (r.status() == 401) {
                return invalid(ProviderHttp.failure(r, org.host(), "the token").getMessage());
            }
            if (r.status() == 403) {
                String said = ProviderHttp.hostMessage(r).map(m -> " (" + m + ")").orElse("");
                return new TokenCheck(TokenStatus.INSUFFICIENT_SCOPE, org.host() + " refused the token: it needs Code"
                        + " (Read) in " + org.what() + " " + org.name() + said, null, null, List.of(), null, null);
            }
            if (r.status() == 404) {
                return invalid(org.missing());
            }
            if (!r.ok()) {
                return TokenCheck.failed(ProviderHttp.failure(r, org.host(), "the current user"));
            }
            User user = user(r, org);
            if (user.anonymous()) {
                return invalid(org.host() + " treated the token as anonymous: it is unknown, revoked or expired");
            }
            String name = user.displayName() != null ? user.displayName() : user.email();
            return new TokenCheck(TokenStatus.VALID, "valid for " + (name == null ? "an unnamed user" : name),
                    user.email() != null ? user.email() : user.displayName(), null, List.of(), null, null);
        } catch (ProviderException e) {
            return TokenCheck.failed(e);
        }
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) throws ProviderException {
        AzureOrganisation org = requireOrganisation(account);
        List<DiscoveredRepository> found = new ArrayList<>();
        Set<String> tokensSeen = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ProviderHttp.Response r = http.get(org.api("_apis/git/repositories", token), headers(account));
            requireOk(r, org, "the repository list");
            JsonNode body = r.json(org.host(), "the repository list");
            JsonNode value = body.get("value");
            if (value == null || !value.isArray()) {
                throw malformed(org, "the repository list without a value array");
            }
            for (JsonNode repo : value) {
                found.add(repository(repo, org));
            }
            token = r.header("x-ms-continuationtoken").filter(t -> !t.isBlank()).orElse(null);
            if (token == null) {
                return List.copyOf(found);
            }
            if (!tokensSeen.add(token)) {
                throw malformed(org, "the repository list with a continuation token it had already given");
            }
        }
        throw malformed(org, "the repository list with more than " + MAX_PAGES + " pages");
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) throws ProviderException {
        AzureOrganisation org = requireOrganisation(account);
        ProviderHttp.Response r = http.get(org.api("_apis/connectionData", null), headers(account));
        requireOk(r, org, "the current user");
        User user = user(r, org);
        return user.email() == null || user.anonymous() ? List.of() : List.of(user.email());
    }

    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) {
        return List.of();
    }

    /** Azure accepts any non-empty user name with a personal access token. */
    @Override
    public String gitUsername(ProviderAccount account) {
        String u = account.username();
        return u != null && !u.isBlank() ? u : "pat";
    }

    /** The signed-in user of {@code connectionData}: display name, sign-in address, whether Azure saw no one. */
    private record User(@Nullable String displayName, @Nullable String email, boolean anonymous) {
    }

    private static User user(ProviderHttp.Response r, AzureOrganisation org) throws ProviderException {
        JsonNode body = r.json(org.host(), "the current user");
        JsonNode user = body.get("authenticatedUser");
        if (user == null || !user.isObject()) {
            throw malformed(org, "the current user without authenticatedUser");
        }
        String name = text(user, "providerDisplayName");
        JsonNode account = user.path("properties").path("Account").get("$value");
        String email = account != null && account.isString() && account.asString().contains("@")
                ? account.asString().strip() : null;
        // with public projects Azure answers an unauthenticated call as this identity instead of refusing it
        String descriptor = text(user, "descriptor");
        boolean anonymous = descriptor != null
                && descriptor.startsWith("Microsoft.TeamFoundation.UnauthenticatedIdentity");
        return new User(name, email, anonymous);
    }

    private static DiscoveredRepository repository(JsonNode repo, AzureOrganisation org) throws ProviderException {
        String name = text(repo, "name");
        String remoteUrl = text(repo, "remoteUrl");
        String project = text(repo.path("project"), "name");
        if (name == null || remoteUrl == null || project == null) {
            throw malformed(org, "the repository list with an entry without name, remoteUrl or project.name");
        }
        String visibility = switch (String.valueOf(text(repo.path("project"), "visibility")).toLowerCase(Locale.ROOT)) {
            case "public" -> "public";
            case "organization" -> "internal";  // visible to every member of the organisation
            default -> "private";
        };
        String branch = text(repo, "defaultBranch");
        if (branch != null && branch.startsWith("refs/heads/")) {
            branch = branch.substring("refs/heads/".length());
        }
        return new DiscoveredRepository(remoteUrl, project, OwnerKind.PROJECT, name, visibility,
                repo.path("isFork").asBoolean(false), repo.path("isDisabled").asBoolean(false), branch, null, 0,
                text(repo, "webUrl"), false);
    }


    private static AzureOrganisation requireOrganisation(ProviderAccount account) throws ProviderException {
        AzureOrganisation org = AzureOrganisation.of(account);
        if (org.name() == null) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, "the base URL must name the organisation ("
                    + account.base() + "/ORGANISATION) or the collection");
        }
        return org;
    }

    private static void requireOk(ProviderHttp.Response r, AzureOrganisation org, String what)
            throws ProviderException {
        if (signInPage(r)) {
            throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, signInMessage(org));
        }
        if (r.status() == 404) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, org.missing());
        }
        if (!r.ok()) {
            throw ProviderHttp.failure(r, org.host(), what);
        }
    }

    /**
     * Azure's way of refusing a token it does not know: 203 Non-Authoritative Information with the HTML sign-in page
     * (or, after a redirect, that page with 200). An API answer is always JSON.
     */
    private static boolean signInPage(ProviderHttp.Response r) {
        if (r.status() == 203) {
            return true;
        }
        String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return r.ok() && type.startsWith("text/html");
    }

    private static String signInMessage(AzureOrganisation org) {
        return org.host() + " answered with its sign-in page: the token is unknown, revoked or expired";
    }

    private static TokenCheck invalid(String message) {
        return new TokenCheck(TokenStatus.INVALID, message, null, null, List.of(), null, null);
    }

    private static ProviderException malformed(AzureOrganisation org, String what) {
        return new ProviderException(ProviderException.Kind.MALFORMED, org.host() + " answered " + what);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    private static Map<String, String> headers(ProviderAccount account) {
        String basic = Base64.getEncoder().encodeToString((":" + account.secret()).getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + basic, "Accept", "application/json",
                // asks for 401 instead of a redirect to the sign-in page when the token is not accepted
                "X-TFS-FedAuthRedirect", "Suppress");
    }
}
