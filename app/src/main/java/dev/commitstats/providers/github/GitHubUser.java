package dev.commitstats.providers.github;

import dev.commitstats.providers.ProviderException;

import tools.jackson.databind.JsonNode;

/**
 * The token's user as {@code GET /user} describes it: what the provider needs to tell the user's own repositories
 * from others' and to name the address GitHub gives commits made in its web interface.
 *
 * @param id    the account's numeric id, which survives renames
 * @param login the account's current login
 */
record GitHubUser(long id, String login) {

    /**
     * Letters, digits and hyphens, with {@code _} for managed users' {@code login_shortcode} and Enterprise Server's
     * LDAP names: anything else is not from GitHub and does not go into a search query.
     */
    private static final String LOGIN = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    static GitHubUser read(JsonNode user, String name) throws ProviderException {
        String login = GitHubRepositoryJson.text(user, "login");
        JsonNode id = user.get("id");
        if (login == null || !login.matches(LOGIN) || id == null || !id.isIntegralNumber()
                || !id.canConvertToLong()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    name + " answered the current user without a login and an id");
        }
        return new GitHubUser(id.asLong(), login);
    }

    /** {@code ID+login@users.noreply.github.com}: the address of commits made on github.com for a private email. */
    String noreplyAddress() {
        return id + "+" + login + "@users.noreply.github.com";
    }
}
