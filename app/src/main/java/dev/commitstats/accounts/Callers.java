package dev.commitstats.accounts;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of a public route, when there is one: a page that everyone may see but that shows its owner more (the
 * owner's view of an unpublished CV) asks here instead of declaring a {@link Caller} parameter, which would turn
 * anonymous visitors away. Reads the security context the session (if the request sent one) or the API key set up;
 * never creates a session.
 */
@Component
public final class Callers {

    private final ObjectProvider<AccountSecurity> accounts;

    Callers(ObjectProvider<AccountSecurity> accounts) {
        this.accounts = accounts;
    }

    /** The signed-in caller of the current request, or empty for an anonymous one. */
    public Optional<Caller> current() {
        AccountSecurity security = accounts.getIfAvailable();
        if (security == null) {
            return Optional.empty();
        }
        return CallerResolver.current(SecurityContextHolder.getContext().getAuthentication(), security);
    }
}
