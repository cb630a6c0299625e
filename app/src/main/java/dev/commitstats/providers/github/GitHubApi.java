package dev.commitstats.providers.github;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where an account's REST API lives and how to speak to it: {@code https://api.github.com} for github.com, {@code
 * BASE/api/v3} for an Enterprise Server; the token as a bearer, the documented media type and the API version this
 * provider was written against (so a future default version cannot change the shapes it reads).
 *
 * @param root    the API's root URL, without trailing slash
 * @param name    how messages name the host: "GitHub", or the Enterprise Server's host name
 * @param dotcom  whether this is github.com rather than an Enterprise Server
 * @param headers the request headers every call sends, the token included: never log them
 */
record GitHubApi(URI root, String name, boolean dotcom, Map<String, String> headers) {

    static final String API_VERSION = "2022-11-28";
    static final String DOTCOM_API = "https://api.github.com";

    /**
     * The API of {@code account}'s host, where github.com's API is at {@code dotcomApi} (tests put a stand-in
     * there).
     */
    static GitHubApi of(ProviderAccount account, URI dotcomApi) throws ProviderException {
        URI root = root(account.baseUrl(), dotcomApi);
        boolean dotcom = root.equals(dotcomApi);
        return new GitHubApi(root, dotcom ? "GitHub" : account.host(), dotcom, Map.of(
                "Authorization", "Bearer " + account.secret(),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", API_VERSION));
    }

    /** The API root for a web base URL: github.com's API host, or an Enterprise Server's {@code /api/v3}. */
    static URI root(URI baseUrl, URI dotcomApi) throws ProviderException {
        String host = baseUrl.getHost();
        if (host == null || baseUrl.getScheme() == null) {
            // named without the URL itself, which might carry credentials typed into it
            throw new ProviderException(ProviderException.Kind.REFUSED, "the GitHub base URL has no host: use "
                    + "https://github.com or an Enterprise Server's address");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("github.com") || h.equals("www.github.com") || h.equals("api.github.com")) {
            return dotcomApi;
        }
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base.endsWith("/api/v3") ? base : base + "/api/v3");
    }

    /** The URL of {@code pathAndQuery} ({@code /user/repos?per_page=100}) under the API root. */
    URI uri(String pathAndQuery) {
        return URI.create(root + pathAndQuery);
    }

    /**
     * Whether {@code uri} is on the API's own origin: a {@code next} page link elsewhere is not followed, since the
     * token would go with it.
     */
    boolean serves(URI uri) {
        return root.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && root.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                && port(root) == port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    @Override
    public String toString() {
        return "GitHubApi[root=" + root + ", name=" + name + ", dotcom=" + dotcom + "]";
    }
}
