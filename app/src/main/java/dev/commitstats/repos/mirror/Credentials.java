package dev.commitstats.repos.mirror;

import java.util.Objects;

/**
 * What a git host accepts as HTTPS basic credential: a user name and a token (or password). The token never appears in
 * {@link #toString()}, in a stored remote URL or in a message.
 *
 * @param username the basic-auth user; hosts that take a token mostly ignore it, but it must not be empty
 * @param token the secret
 */
public record Credentials(String username, String token) {

    /** The user name sent with a bare token; GitHub, Gitea and Azure DevOps ignore it, GitLab accepts any. */
    static final String TOKEN_USER = "x-access-token";

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        if (username.isEmpty() || token.isEmpty()) {
            throw new IllegalArgumentException("credentials need a user name and a token");
        }
    }

    /** A personal access token, sent with a placeholder user name. */
    public static Credentials token(String token) {
        return new Credentials(TOKEN_USER, token);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", token=***]";
    }
}
