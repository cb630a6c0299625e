package dev.commitstats.accounts;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a personal API key; lives for that request only, never in a session. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    ApiKeyAuthentication(Caller caller) {
        super(caller.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.id())).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return ""; // the key is not kept
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.login();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKeyAuthentication other && other.caller.equals(caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }
}
