package dev.commitstats.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The hosts Commit Stats knows, by the name users type ({@code --provider github}) and the database stores. */
public enum ProviderKind {
    GITHUB("github", "GitHub", "https://github.com"),
    GITLAB("gitlab", "GitLab", "https://gitlab.com"),
    AZURE_DEVOPS("azure-devops", "Azure DevOps", "https://dev.azure.com"),
    BITBUCKET("bitbucket", "Bitbucket", "https://bitbucket.org"),
    GITEA("gitea", "Gitea/Forgejo", null),
    /** Any HTTPS git server: a token is only used as the basic-auth password for clone and fetch. */
    GIT("git", "git server", null);

    private final String id;
    private final String displayName;
    private final @Nullable String defaultBaseUrl;

    ProviderKind(String id, String displayName, @Nullable String defaultBaseUrl) {
        this.id = id;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The name users type and the database stores: {@code github}, {@code azure-devops}, ... */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The web address of the hosted service, or null when there is none and a base URL is required. */
    public @Nullable String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public static Optional<ProviderKind> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    /** "github, gitlab, ..." for messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ProviderKind::id).toList());
    }
}
