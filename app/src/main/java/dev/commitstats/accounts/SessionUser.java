package dev.commitstats.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Who a browser session belongs to, as it is kept in the session store (serialized into the database, so it holds
 * ids only; the account's admin flag and existence are read afresh on each request, {@link
 * AccountSecurity#sessionCaller}). The same for a password sign-in and a sign-in with a provider; it is an {@link
 * OAuth2User} only because Spring's OAuth2 login wants one as the principal, and keeps nothing of the provider's.
 */
record SessionUser(long userId, String login) implements OAuth2User, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return login;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("login", login);
    }

    /** The authentication's authorities count; the principal's are none. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }
}
