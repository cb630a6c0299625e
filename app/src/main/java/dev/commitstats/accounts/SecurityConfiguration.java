package dev.commitstats.accounts;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's one security filter chain: which routes are public, how a request signs in (a browser session from the
 * {@code /login} form or from a sign-in with GitHub, GitLab or an OpenID Connect provider ({@link OAuthSignIn}, when
 * one is configured), or a personal API key in {@code Authorization: Bearer}), CSRF protection for every
 * state-changing request of a session, and the security headers of every response.
 *
 * <ul>
 *   <li>Public, for reading: the home page, sign-in and setup, published CVs (pages, cards, JSON), the ranking, the
 *       instance's info and status, the API docs, static files and WebJars, health and metrics. Webhooks
 *       ({@code /webhooks/**}) take any method without a session or CSRF token: they prove themselves with their own
 *       signature.</li>
 *   <li>Everything else needs sign-in: an anonymous {@code /api/**} request gets 401 as {@code
 *       application/problem+json}, an anonymous page request a redirect to {@code /login}.</li>
 *   <li>A Bearer request is stateless and exempt from CSRF (a browser never adds that header to a cross-site form);
 *       every other POST, PUT, PATCH and DELETE needs the session's CSRF token (forms carry it as a hidden field,
 *       htmx sends the {@code <meta name="_csrf">} of the layout as a header).</li>
 *   <li>Headers: a Content-Security-Policy without inline scripts and with {@code frame-ancestors 'none'},
 *       {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff}, a Referrer-Policy; the SVG card
 *       keeps its own policy and may be embedded anywhere. Responses to signed-in routes are not cached.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Scripts only from this server; inline styles stay allowed (charts and colour swatches set them). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The card's own policy ({@code CvCardController} sets it too): an image, embeddable anywhere. */
    static final String CARD_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    /** Routes anyone may read (GET and HEAD). */
    static final List<String> PUBLIC_READS = List.of("/", "/login", "/setup", "/cv/**", "/cvs", "/ranking",
            "/api/v1/cv/**", "/api/v1/cvs", "/api/v1/ranking", "/api/v1/info", "/api/info", "/status",
            "/api/v1/status",
            "/api/docs", "/api/docs/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.svg",
            "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/error", "/digest/unsubscribe");

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    OAuthAccounts oauthAccounts(DataSource dataSource, UserAccounts users, AccountSecurity accounts, Clock clock) {
        return new OAuthAccounts(dataSource, users, accounts, clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PasswordSignIn passwords,
            ObjectProvider<AccountSecurity> accounts, OAuthSettings oauth, ObjectProvider<OAuthAccounts> oauthAccounts,
            ObjectProvider<ApiKeys> keys, ObjectProvider<JsonMapper> json, ApplicationContext context) throws Exception {
        Problems problems = new Problems(json);
        List<AuthenticationProvider> signIns = new ArrayList<>(List.of(passwords));
        if (!oauth.providers().isEmpty()) {
            // "Sign in with GitHub / GitLab / NAME"; without a provider configured the chain has no OAuth2 login at all
            OAuthSignIn providers = new OAuthSignIn(oauth, oauthAccounts);
            signIns.addAll(providers.authenticationProviders());
            providers.configure(http, signedIn(accounts));
        }
        RequestMatcher publicReads = publicReads();
        RequestMatcher webhooks = PATHS.matcher("/webhooks/**");
        // the digest e-mail's one-click unsubscribe (RFC 8058): a mail client POSTs it with no session or CSRF token;
        // its signed token is the proof
        RequestMatcher unsubscribe = PATHS.matcher(HttpMethod.POST, "/digest/unsubscribe");
        RequestMatcher api = PATHS.matcher("/api/**");
        RequestMatcher card = new OrRequestMatcher(PATHS.matcher("/cv/*/card.svg"), PATHS.matcher("/cv/*/*/card.svg"));
        RequestMatcher notCard = new NegatedRequestMatcher(card);

        http.authenticationManager(new ProviderManager(signIns))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(publicReads).permitAll()
                        .requestMatchers(webhooks).permitAll()
                        .requestMatchers(unsubscribe).permitAll()
                        .requestMatchers(new UnmappedRoutes(context)).permitAll()
                        .requestMatchers(HttpMethod.POST, "/setup", "/login").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiKeyFilter(keys, problems), LogoutFilter.class)
                .csrf(csrf -> csrf
                        .requireCsrfProtectionMatcher(needsCsrfToken())
                        .ignoringRequestMatchers(webhooks, unsubscribe, ApiKeyFilter::hasBearer))
                .formLogin(form -> form
                        .loginPage("/login")
                        .loginProcessingUrl("/login")
                        .usernameParameter("login")
                        .passwordParameter("password")
                        .successHandler(signedIn(accounts))
                        .failureHandler(signInFailed(problems)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                // no saved requests: an anonymous visit creates no session, and sign-in always leads to /user
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "sign in, or send a "
                                    + "personal API key as 'Authorization: Bearer KEY'");
                        }, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, e instanceof CsrfException
                                        ? "missing or wrong CSRF token: send the page's _csrf token, or use an API key"
                                        : "forbidden"), api)
                        // the friendly 403 page; a second default also keeps the first one to /api/** only
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new ReferrerPolicyHeaderWriter(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notCard,
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(card,
                                new ContentSecurityPolicyHeaderWriter(CARD_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notCard,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        // public pages keep their own caching (the CV's max-age, the card's); signed-in ones none
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(publicReads), new CacheControlHeadersWriter())));
        return http.build();
    }

    /**
     * State-changing requests that could ride on a session: those that send a session cookie, and the sign-in and
     * setup forms (so that nobody signs a victim into the attacker's account). A request without a session has no
     * rights to abuse; checking it would only create a session for its token, and answer 403 where 401 is meant.
     */
    static RequestMatcher needsCsrfToken() {
        RequestMatcher forms = new OrRequestMatcher(PATHS.matcher("/login"), PATHS.matcher("/setup"));
        return request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && (request.getRequestedSessionId() != null || forms.matches(request));
    }

    static RequestMatcher publicReads() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String path : PUBLIC_READS) {
            matchers.add(PATHS.matcher(HttpMethod.GET, path));
            matchers.add(PATHS.matcher(HttpMethod.HEAD, path));
        }
        return new OrRequestMatcher(matchers);
    }

    /** After sign-in: the sign-in is recorded, and the user page comes next. */
    private static AuthenticationSuccessHandler signedIn(ObjectProvider<AccountSecurity> accounts) {
        return (request, response, authentication) -> {
            userId(authentication).ifPresent(id -> accounts.getObject().recordSignIn(id));
            response.sendRedirect(request.getContextPath() + "/user");
        };
    }

    private static java.util.Optional<Long> userId(Authentication authentication) {
        return authentication.getPrincipal() instanceof SessionUser user
                ? java.util.Optional.of(user.userId()) : java.util.Optional.empty();
    }

    /** A refused sign-in goes back to the form with the reason; a JSON client gets 401 or 429. */
    private static AuthenticationFailureHandler signInFailed(Problems problems) {
        return (request, response, e) -> {
            boolean limited = e instanceof PasswordSignIn.TooManyAttempts;
            if (Problems.wantsJson(request)) {
                problems.write(request, response, limited ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
                        limited ? e.getMessage() : PasswordSignIn.WRONG);
                return;
            }
            response.sendRedirect(request.getContextPath() + (limited
                    ? "/login?wait=" + ((PasswordSignIn.TooManyAttempts) e).minutes() : "/login?error"));
        };
    }
}
