package dev.commitstats.accounts;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller's {@link Caller} parameter the signed-in caller: a browser session's user with every scope (read
 * afresh, so a deleted account's session stops working at once), or an API key's user with the key's scopes. The
 * security filter chain keeps anonymous requests away from such routes; one that gets here anyway is refused.
 */
@Configuration(proxyBeanMethods = false)
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ObjectProvider<AccountSecurity> accounts;

    CallerResolver(ObjectProvider<AccountSecurity> accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        return current(SecurityContextHolder.getContext().getAuthentication(), accounts.getObject())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first"));
    }

    /** The caller an authentication stands for, if it stands for one that still exists. */
    static Optional<Caller> current(@Nullable Authentication authentication, AccountSecurity accounts) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return Optional.of(key.caller());
        }
        if (authentication.getPrincipal() instanceof SessionUser user) {
            return accounts.sessionCaller(user.userId());
        }
        return Optional.empty();
    }
}
