package dev.commitstats.providers;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An account on a host as a provider needs it to talk to the host's API: which host, its web base URL (the hosted
 * service's or a self-managed server's, without a trailing slash), an optional user name (Bitbucket app passwords,
 * generic git servers) and the secret. The secret never appears in {@link #toString()}.
 *
 * @param kind     the host's kind
 * @param baseUrl  web address of the host, e.g. {@code https://github.com} or {@code https://git.example.com/gitlab}
 * @param username the account's user name where the host needs one with the secret; may be null
 * @param secret   the personal access token, app password or password
 */
public record ProviderAccount(ProviderKind kind, URI baseUrl, @Nullable String username, String secret) {

    public ProviderAccount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(secret, "secret");
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }

    /** The base URL as a string, without trailing slash. */
    public String base() {
        return baseUrl.toString();
    }

    /** The host name of the base URL, for messages. */
    public String host() {
        return baseUrl.getHost() == null ? baseUrl.toString() : baseUrl.getHost();
    }

    @Override
    public String toString() {
        return "ProviderAccount[kind=" + kind.id() + ", baseUrl=" + baseUrl + ", username=" + username
                + ", secret=***]";
    }
}
