package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;
import java.util.Set;

/**
 * Who is calling a route that needs sign-in: a browser session (every scope) or a personal API key (its scopes).
 * A controller declares a parameter of this type and gets the caller; the security configuration of the
 * {@code accounts} module resolves it and never lets an anonymous request reach such a controller (401 for
 * {@code /api/**}, a redirect to sign-in for pages).
 *
 * @param userId the signed-in user's id
 * @param login  their login
 * @param admin  whether they administer this instance
 * @param scopes what the credential may do ({@link Scope})
 */
public record Caller(long userId, String login, boolean admin, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** What a personal API key may do; a browser session may do all of it. */
    public enum Scope {
        /** read the user's own data: tokens (never their secrets), repositories, runs, settings, exports */
        READ,
        /** change the user's settings: tokens, repositories, owner groups, CV settings, outliers, API keys */
        WRITE,
        /** enqueue a refresh of the user's repositories */
        REFRESH,
        /** upload numbers mined on the user's own machine */
        PUSH;

        /** The name used in commands and JSON ({@code read}, {@code write}, ...). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Checks that the credential may do this.
     *
     * @throws UseCaseException ({@code FORBIDDEN}) naming the missing scope
     */
    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new UseCaseException(UseCaseException.Kind.FORBIDDEN,
                    "this API key lacks the '" + scope.id() + "' scope");
        }
    }
}
