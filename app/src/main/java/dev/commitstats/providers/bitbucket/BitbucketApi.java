package dev.commitstats.providers.bitbucket;

import dev.commitstats.providers.ProviderAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how an account talks to the Bitbucket Cloud API: {@code https://api.bitbucket.org/2.0} for bitbucket.org
 * (the API has a host of its own), {@code BASE/2.0} for any other base URL (a test server); basic auth with the user
 * name and app password (or API token) when the account has a user name, else the secret as a bearer token, which is
 * how repository, project and workspace access tokens authenticate.
 *
 * @param root    the API root, e.g. {@code https://api.bitbucket.org/2.0}
 * @param host    the API's host, for messages
 * @param bearer  whether the secret goes as a bearer token (an access token, which is no user)
 * @param headers the request headers, authorization included
 */
record BitbucketApi(URI root, String host, boolean bearer, Map<String, String> headers) {

    static BitbucketApi of(ProviderAccount account) {
        String webHost = account.host().toLowerCase(Locale.ROOT);
        URI root = URI.create(webHost.equals("bitbucket.org") || webHost.equals("www.bitbucket.org")
                ? "https://api.bitbucket.org/2.0" : account.base() + "/2.0");
        String user = account.username();
        boolean bearer = user == null || user.isBlank();
        String authorization = bearer ? "Bearer " + account.secret()
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + account.secret())
                        .getBytes(StandardCharsets.UTF_8));
        return new BitbucketApi(root, root.getHost() == null ? root.toString() : root.getHost(), bearer,
                Map.of("Authorization", authorization, "Accept", "application/json"));
    }

    /** {@code ROOT/PATH}, the path with its query. */
    URI uri(String pathAndQuery) {
        return URI.create(root + pathAndQuery);
    }

    /**
     * Whether a {@code next} link stays on the API's origin: the credentials go with every page, so a page that
     * points elsewhere is not followed.
     */
    boolean sameOrigin(URI next) {
        return root.getHost() != null && root.getHost().equalsIgnoreCase(next.getHost())
                && root.getPort() == next.getPort()
                && root.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme()));
    }

    @Override
    public String toString() {
        return "BitbucketApi[root=" + root + ", bearer=" + bearer + ", headers=***]";
    }
}
