package dev.commitstats.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with GitHub, GitLab and one OpenID Connect provider, {@code commitstats.sign-in.github.*},
 * {@code .gitlab.*} and {@code .oidc.*} (environment {@code COMMITSTATS_SIGN_IN_GITHUB_CLIENT_ID} and so on; the README
 * lists them). A provider is on when its client id is set; with none, the instance has local accounts only. Client
 * secrets come from the environment or a file (Spring's {@code configtree:} import); {@link #toString()} never shows
 * them.
 *
 * @param github GitHub or GitHub Enterprise Server (OAuth2, not OpenID Connect)
 * @param gitlab gitlab.com or a self-managed GitLab (OpenID Connect, its issuer is the base URL)
 * @param oidc   any OpenID Connect provider by its issuer: Keycloak, Google, Microsoft Entra ID, Authentik...
 */
@ConfigurationProperties("commitstats.sign-in")
public record OAuthSettings(@Nullable GitHub github, @Nullable GitLab gitlab, @Nullable Oidc oidc) {

    /** The registration ids, as they appear in the callback URL {@code /login/oauth2/code/{id}}. */
    static final String GITHUB = "github";
    static final String GITLAB = "gitlab";
    static final String OIDC = "oidc";

    /** A configured provider, as the sign-in page offers it. */
    record Provider(String registrationId, String name) {
    }

    /** The providers that are on, in a fixed order: GitHub, GitLab, the OpenID Connect provider. */
    List<Provider> providers() {
        List<Provider> on = new ArrayList<>();
        if (github != null && github.enabled()) {
            on.add(new Provider(GITHUB, "GitHub"));
        }
        if (gitlab != null && gitlab.enabled()) {
            on.add(new Provider(GITLAB, "GitLab"));
        }
        if (oidc != null && oidc.enabled()) {
            on.add(new Provider(OIDC, oidc.name()));
        }
        return on;
    }

    /** The configured provider with this registration id. */
    Optional<Provider> provider(@Nullable String registrationId) {
        return providers().stream().filter(p -> p.registrationId().equals(registrationId)).findFirst();
    }

    /**
     * GitHub's OAuth app ({@code commitstats.sign-in.github.*}).
     *
     * @param clientId     the OAuth app's client id; empty = off
     * @param clientSecret its client secret
     * @param baseUrl      {@code https://github.com}, or a GitHub Enterprise Server's address
     * @param apiUrl       the REST API; empty = {@code https://api.github.com} for github.com, else
     *                     {@code <base-url>/api/v3}
     */
    public record GitHub(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
            @DefaultValue("https://github.com") String baseUrl, @DefaultValue("") String apiUrl) {

        public GitHub {
            clientId = clientId.strip();
            clientSecret = clientSecret.strip(); // a secret file's newline is no part of it
            requireSecret("github", clientId, clientSecret);
            baseUrl = trimSlash(baseUrl);
            apiUrl = trimSlash(apiUrl);
        }

        boolean enabled() {
            return !clientId.isBlank();
        }

        String effectiveApiUrl() {
            if (!apiUrl.isBlank()) {
                return apiUrl;
            }
            return baseUrl.equals("https://github.com") ? "https://api.github.com" : baseUrl + "/api/v3";
        }

        @Override
        public String toString() {
            return "GitHub[clientId=" + clientId + ", clientSecret=" + masked(clientSecret) + ", baseUrl=" + baseUrl
                    + ", apiUrl=" + effectiveApiUrl() + "]";
        }
    }

    /**
     * GitLab's application ({@code commitstats.sign-in.gitlab.*}), signed in with OpenID Connect.
     *
     * @param clientId     the application's id; empty = off
     * @param clientSecret its secret
     * @param baseUrl      {@code https://gitlab.com}, or a self-managed GitLab's address (its OpenID Connect issuer)
     */
    public record GitLab(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
            @DefaultValue("https://gitlab.com") String baseUrl) {

        public GitLab {
            clientId = clientId.strip();
            clientSecret = clientSecret.strip();
            requireSecret("gitlab", clientId, clientSecret);
            baseUrl = trimSlash(baseUrl);
        }

        boolean enabled() {
            return !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "GitLab[clientId=" + clientId + ", clientSecret=" + masked(clientSecret) + ", baseUrl=" + baseUrl
                    + "]";
        }
    }

    /**
     * Any OpenID Connect provider ({@code commitstats.sign-in.oidc.*}).
     *
     * @param issuerUri    the issuer; its discovery document is {@code <issuer>/.well-known/openid-configuration}
     * @param clientId     the client's id; empty = off
     * @param clientSecret the client's secret
     * @param name         the name on the button: "Sign in with NAME"
     */
    public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret, @DefaultValue("OpenID Connect") String name) {

        public Oidc {
            clientId = clientId.strip();
            clientSecret = clientSecret.strip();
            requireSecret("oidc", clientId, clientSecret);
            if (!clientId.isBlank() && issuerUri.isBlank()) {
                throw new IllegalArgumentException("commitstats.sign-in.oidc.issuer-uri is missing: the provider's "
                        + "issuer, e.g. https://keycloak.example.com/realms/main");
            }
            issuerUri = trimSlash(issuerUri);
            name = name.isBlank() ? "OpenID Connect" : name.strip();
        }

        boolean enabled() {
            return !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                    + masked(clientSecret) + ", name=" + name + "]";
        }
    }

    private static void requireSecret(String provider, String clientId, String clientSecret) {
        if (!clientId.isBlank() && clientSecret.isBlank()) {
            throw new IllegalArgumentException("commitstats.sign-in." + provider + ".client-secret is missing: set "
                    + "COMMITSTATS_SIGN_IN_" + provider.toUpperCase(java.util.Locale.ROOT)
                    + "_CLIENT_SECRET, or put it in a file read with spring.config.import=configtree:DIR/");
        }
    }

    private static String trimSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String masked(String secret) {
        return secret.isEmpty() ? "" : "******";
    }
}
