package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * "Sign in with GitHub / GitLab / NAME": Spring Security's OAuth2 login, wired into the server's one filter chain
 * ({@link SecurityConfiguration}) when a provider is configured ({@link OAuthSettings}).
 *
 * <ol>
 *   <li>{@code /oauth2/authorization/{id}} (the page's button, a plain link) sends the browser to the provider, with
 *       the state and, for OpenID Connect, a nonce kept in the session.</li>
 *   <li>{@code /login/oauth2/code/{id}} takes the provider's answer: the code is exchanged for an access token; the
 *       user's profile is read (GitHub: {@code GET /user} and {@code GET /user/emails}, keeping the verified emails;
 *       OpenID Connect: the ID token, checked against the provider's keys, and the user info, keeping
 *       {@code email} when {@code email_verified}); {@link OAuthAccounts} finds or creates the account; the session
 *       then holds a {@link SessionUser} like a password sign-in's, and the browser goes to {@code /user}.</li>
 *   <li>The access token is dropped there: nothing stores it ({@link NoAuthorizedClients}), since only the emails and
 *       the profile are used.</li>
 *   <li>A failure (consent denied, a stale or forged state, a provider error or one that cannot be reached) goes back
 *       to {@code /login?oauth-error=KIND&provider=ID}, which the page turns into a sentence; nothing the provider said
 *       is echoed into the page.</li>
 * </ol>
 *
 * <p>The calls to the provider time out after {@link OAuthRegistrations#TIMEOUT}. Thread-safe.
 */
final class OAuthSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthSignIn.class);
    /** The provider answered the callback with an error other than a refusal. */
    static final String FAILED = "failed";
    /** The user did not give consent. */
    static final String DENIED = "denied";
    /** The callback matched no sign-in this browser started (stale, replayed or forged state). */
    static final String EXPIRED = "expired";
    /** The provider cannot be reached, or is not configured. */
    static final String UNAVAILABLE = "unavailable";

    private final OAuthRegistrations registrations;
    private final ObjectProvider<OAuthAccounts> accounts;
    private final RestClientAuthorizationCodeTokenResponseClient tokens;
    private final DefaultOAuth2UserService userInfo;
    private final RestClient api;
    private final RestTemplate keysClient;
    private final Map<String, JwtDecoder> idTokenDecoders = new ConcurrentHashMap<>();

    OAuthSignIn(OAuthSettings settings, ObjectProvider<OAuthAccounts> accounts) {
        this.registrations = new OAuthRegistrations(settings);
        this.accounts = accounts;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(OAuthRegistrations.TIMEOUT);
        requests.setReadTimeout(OAuthRegistrations.TIMEOUT);
        this.tokens = new RestClientAuthorizationCodeTokenResponseClient();
        // as Spring's default client, with time-outs
        tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        RestTemplate userInfoClient = new RestTemplate(requests);
        userInfoClient.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        this.userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(userInfoClient);
        this.api = RestClient.builder().requestFactory(requests).build();
        this.keysClient = new RestTemplate(requests);
    }

    /** The providers that verify a provider's answer: GitHub's OAuth2 and OpenID Connect's. */
    List<AuthenticationProvider> authenticationProviders() {
        OidcUserService oidcUsers = new OidcUserService();
        oidcUsers.setOauth2UserService(userInfo);
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(tokens,
                oidcUsers);
        oidc.setJwtDecoderFactory(this::idTokenDecoder);
        return List.of(new OAuth2LoginAuthenticationProvider(tokens, this::gitHubUser), oidc);
    }

    /**
     * As Spring's {@code OidcIdTokenDecoderFactory} (RS256, the ID token's time stamps, issuer, audience and nonce
     * checked), with time-outs on the provider's keys; one per provider, which caches the keys.
     */
    private JwtDecoder idTokenDecoder(ClientRegistration registration) {
        return idTokenDecoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder
                    .withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(keysClient)
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }

    /** Adds the OAuth2 login to the chain; a sign-in ends as {@code signedIn} does for a password. */
    void configure(HttpSecurity http, AuthenticationSuccessHandler signedIn) throws Exception {
        LOG.info("Sign-in with {} is on; register the callback URL <this server>/login/oauth2/code/<id> with each "
                + "provider ({})", registrations.providers().stream().map(OAuthSettings.Provider::name).toList(),
                registrations.providers().stream().map(OAuthSettings.Provider::registrationId).toList());
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NoAuthorizedClients())
                .successHandler(signedIn)
                .failureHandler(this::callbackFailed)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationResultConverter(OAuthSignIn.this::signIn);
                        return filter;
                    }
                })
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(OAuthSignIn.this::startFailed);
                        return filter;
                    }
                }));
    }

    /** GitHub's user ({@code GET /user}) with the emails GitHub verified ({@code GET /user/emails}). */
    private OAuth2User gitHubUser(OAuth2UserRequest request) {
        OAuth2User user = userInfo.loadUser(request);
        String emailsUri = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri()
                + "/emails?per_page=100";
        List<Map<String, Object>> emails;
        try {
            emails = api.get().uri(emailsUri)
                    .header("Authorization", "Bearer " + request.getAccessToken().getTokenValue())
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .retrieve().body(new ParameterizedTypeReference<>() { });
        } catch (RestClientException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "cannot read the user's emails from GitHub: " + e.getMessage(), null), e);
        }
        List<String> verified = new ArrayList<>();
        for (Map<String, Object> email : emails == null ? List.<Map<String, Object>>of() : emails) {
            if (Boolean.TRUE.equals(email.get("verified")) && email.get("email") instanceof String address) {
                verified.add(address);
            }
        }
        Map<String, Object> attributes = new HashMap<>(user.getAttributes());
        attributes.put(VERIFIED_EMAILS, verified);
        return new DefaultOAuth2User(user.getAuthorities(), attributes, "id");
    }

    private static final String VERIFIED_EMAILS = "commitstats_verified_emails";

    /** The provider's user, signed in as their account: the session's principal is a {@link SessionUser}. */
    private OAuth2AuthenticationToken signIn(OAuth2LoginAuthenticationToken result) {
        String registrationId = result.getClientRegistration().getRegistrationId();
        ProviderProfile profile = profile(registrationId, result.getPrincipal());
        OAuthAccounts.Outcome outcome;
        try {
            outcome = accounts.getObject().signIn(profile);
        } catch (UseCaseException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_error", e.getMessage(), null), e);
        }
        Account account = outcome.account();
        LOG.info("{} signed in with {}{}", account.login(), result.getClientRegistration().getClientName(),
                outcome.created() ? " (a new account" + (account.admin() ? ", the instance's admin)" : ")") : "");
        if (!outcome.skippedEmails().isEmpty()) {
            LOG.info("{}: {} verified email(s) left out, another account has verified them", account.login(),
                    outcome.skippedEmails().size());
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (account.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return new OAuth2AuthenticationToken(new SessionUser(account.id(), account.login()), authorities,
                registrationId);
    }

    /** What Commit Stats uses of a provider's user: ids, names, avatar and verified emails. */
    static ProviderProfile profile(String registrationId, OAuth2User user) {
        if (user instanceof OidcUser oidc) {
            List<String> verified = oidc.getEmail() != null && Boolean.TRUE.equals(oidc.getEmailVerified())
                    ? List.of(oidc.getEmail()) : List.of();
            String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getNickName();
            return new ProviderProfile(registrationId, oidc.getSubject(), username, oidc.getFullName(),
                    webAddress(oidc.getPicture()), verified);
        }
        Map<String, Object> a = user.getAttributes();
        List<String> verified = new ArrayList<>();
        if (a.get(VERIFIED_EMAILS) instanceof List<?> emails) {
            emails.forEach(e -> verified.add(String.valueOf(e)));
        }
        return new ProviderProfile(registrationId, String.valueOf(a.get("id")), text(a.get("login")),
                text(a.get("name")), webAddress(text(a.get("avatar_url"))), verified);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** An avatar is shown as an image: only an http(s) address is kept. */
    private static @Nullable String webAddress(@Nullable String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** The provider's answer at the callback was refused: back to the sign-in page with the kind of failure. */
    private void callbackFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws java.io.IOException {
        String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        String kind = switch (code) {
            case OAuth2ErrorCodes.ACCESS_DENIED -> DENIED;
            case "authorization_request_not_found", "invalid_state_parameter" -> EXPIRED;
            case "client_registration_not_found" -> UNAVAILABLE;
            default -> FAILED;
        };
        String provider = lastSegment(request.getRequestURI());
        if (!kind.equals(DENIED) && !kind.equals(EXPIRED)) {
            // the error code and Spring's description (never a token: the response's body is not in it)
            LOG.warn("Sign-in with {} failed: {}", provider, e.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/login?oauth-error=" + kind + "&provider="
                + URLEncoder.encode(provider, StandardCharsets.UTF_8));
    }

    /** The sign-in could not start (a provider that is not configured, or whose discovery failed). */
    private void startFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws java.io.IOException {
        response.sendRedirect(request.getContextPath() + "/login?oauth-error=" + UNAVAILABLE + "&provider="
                + URLEncoder.encode(lastSegment(request.getRequestURI()), StandardCharsets.UTF_8));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Keeps no authorized client: the provider's access token is used to read the profile during the sign-in and
     * then forgotten, neither in memory nor in the session.
     */
    static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String registrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
