package dev.commitstats.accounts;

import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who a browser session belongs to, as it is kept in the session store (serialized into the database, so it holds
 * ids only; the account's admin flag and existence are read afresh on each request, {@link
 * AccountSecurity#sessionCaller}).
 */
record SessionUser(long userId, String login) implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return login;
    }
}
