package dev.commitstats.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client registrations of the configured sign-in providers ({@link OAuthSettings}). GitHub's is made from its
 * fixed endpoints. GitLab's and the OpenID Connect provider's come from the provider's discovery document, which is
 * read on first use (the first "Sign in with ..." click) and not when the server starts: a provider that is down or
 * slow neither delays nor fails the start, and costs a clear log line and a message on the sign-in page until it
 * answers. A document once read is kept; a failure is retried on the next sign-in. Thread-safe.
 *
 * <p>The discovery document and every later call to the provider (token, user info, keys) go to the host the admin
 * configured, not to one a user chose, so they do not pass through the outbound policy that guards the calls made on
 * a user's behalf ({@code config.OutboundPolicy}): an instance may well sign in with a Keycloak on its own network.
 */
final class OAuthRegistrations implements ClientRegistrationRepository {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthRegistrations.class);
    static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OAuthSettings settings;
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    OAuthRegistrations(OAuthSettings settings) {
        this.settings = settings;
        OAuthSettings.GitHub github = settings.github();
        if (github != null && github.enabled()) {
            registrations.put(OAuthSettings.GITHUB, github(github));
        }
    }

    /** The registration, or null for a provider that is not configured or whose discovery document cannot be read. */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        ClientRegistration known = registrations.get(registrationId);
        if (known != null) {
            return known;
        }
        OAuthSettings.GitLab gitlab = settings.gitlab();
        OAuthSettings.Oidc oidc = settings.oidc();
        ClientRegistration discovered = null;
        if (registrationId.equals(OAuthSettings.GITLAB) && gitlab != null && gitlab.enabled()) {
            discovered = discover(OAuthSettings.GITLAB, "GitLab", gitlab.baseUrl(), gitlab.clientId(),
                    gitlab.clientSecret());
        } else if (registrationId.equals(OAuthSettings.OIDC) && oidc != null && oidc.enabled()) {
            discovered = discover(OAuthSettings.OIDC, oidc.name(), oidc.issuerUri(), oidc.clientId(),
                    oidc.clientSecret());
        }
        if (discovered != null) {
            registrations.putIfAbsent(registrationId, discovered);
        }
        return discovered;
    }

    private static ClientRegistration github(OAuthSettings.GitHub github) {
        return CommonOAuth2Provider.GITHUB.getBuilder(OAuthSettings.GITHUB)
                .clientId(github.clientId())
                .clientSecret(github.clientSecret())
                .authorizationUri(github.baseUrl() + "/login/oauth/authorize")
                .tokenUri(github.baseUrl() + "/login/oauth/access_token")
                .userInfoUri(github.effectiveApiUrl() + "/user")
                // the numeric id: a login can be renamed and then taken by someone else
                .userNameAttributeName("id")
                .scope("read:user", "user:email")
                .redirectUri(REDIRECT_URI)
                .clientName("GitHub")
                .build();
    }

    /** The registration from the issuer's discovery document, or null (logged) when it cannot be read. */
    private @Nullable ClientRegistration discover(String id, String name, String issuer, String clientId,
            String clientSecret) {
        URI document = URI.create(issuer + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            Map<?, ?> metadata = JsonMapper.shared().readValue(response.body(), Map.class);
            String stated = string(metadata, "issuer");
            if (stated == null || !trimSlash(stated).equals(issuer)) {
                throw new IOException("the document names the issuer " + stated + ", not " + issuer);
            }
            String authorize = required(metadata, "authorization_endpoint");
            String token = required(metadata, "token_endpoint");
            String keys = required(metadata, "jwks_uri");
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) metadata;
            ClientRegistration registration = ClientRegistration.withRegistrationId(id)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .clientAuthenticationMethod(authenticationMethod(metadata.get(
                            "token_endpoint_auth_methods_supported")))
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT_URI)
                    .scope("openid", "profile", "email")
                    .authorizationUri(authorize)
                    .tokenUri(token)
                    .jwkSetUri(keys)
                    .userInfoUri(string(metadata, "userinfo_endpoint"))
                    .userNameAttributeName("sub")
                    .issuerUri(stated)
                    .providerConfigurationMetadata(copy)
                    .clientName(name)
                    .build();
            LOG.info("Sign-in with {}: read the OpenID Connect discovery document of {}", name, issuer);
            return registration;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            LOG.warn("Sign-in with {} is unavailable: cannot read the OpenID Connect discovery document {} ({}); "
                    + "it is tried again on the next sign-in", name, document, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** client_secret_basic unless the provider supports only client_secret_post (the discovery default is basic). */
    private static ClientAuthenticationMethod authenticationMethod(@Nullable Object supported) {
        if (supported instanceof Collection<?> methods && !methods.isEmpty()
                && !methods.contains("client_secret_basic") && methods.contains("client_secret_post")) {
            return ClientAuthenticationMethod.CLIENT_SECRET_POST;
        }
        return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    }

    private static String required(Map<?, ?> metadata, String key) throws IOException {
        String value = string(metadata, key);
        if (value == null || value.isBlank()) {
            throw new IOException("the document has no " + key);
        }
        return value;
    }

    private static @Nullable String string(Map<?, ?> metadata, String key) {
        return metadata.get(key) instanceof String s ? s : null;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** For tests and the start-up log line: the configured providers, discovered or not. */
    List<OAuthSettings.Provider> providers() {
        return settings.providers();
    }
}
