package dev.commitstats.accounts;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs in with login and password (the {@code /login} form), after counting the attempt against the login's and
 * the address's limits ({@link SignInLimits}). Every failure reads the same, "wrong login or password", whether the
 * login exists or not.
 */
@Component
final class PasswordSignIn implements AuthenticationProvider {

    static final String WRONG = "wrong login or password";

    private final ObjectProvider<AccountSecurity> accounts;
    private final SignInLimits limits;

    PasswordSignIn(ObjectProvider<AccountSecurity> accounts, SignInLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    /** Too many attempts: the page says how long to wait. */
    static final class TooManyAttempts extends AuthenticationException {
        private final long minutes;

        TooManyAttempts(long minutes) {
            super("too many attempts, try again in " + minutes + (minutes == 1 ? " minute" : " minutes"));
            this.minutes = minutes;
        }

        long minutes() {
            return minutes;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        SignInLimits.Refused refused = limits.attempt(login, address);
        if (refused != null) {
            throw new TooManyAttempts(refused.minutes());
        }
        if (login.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException(WRONG);
        }
        Account account = accounts.getObject().verify(login, password)
                .orElseThrow(() -> new BadCredentialsException(WRONG));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (account.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(new SessionUser(account.id(), account.login()),
                null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
