package dev.commitstats.providers.azure;

import dev.commitstats.providers.ProviderAccount;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Where an account's Azure DevOps API lives: its base URL names an organisation on Azure DevOps Services
 * ({@code https://dev.azure.com/ORGANISATION}) or a project collection on Azure DevOps Server
 * ({@code https://host/tfs/COLLECTION}); every API path hangs below it and every call carries {@code api-version}.
 *
 * @param base the base URL without trailing slash
 * @param name the organisation or collection: the last segment of the base URL's path, or null when there is none
 * @param what "organisation" or "collection", for messages
 * @param host the host, for messages
 */
record AzureOrganisation(String base, @Nullable String name, String what, String host) {

    static final String API_VERSION = "7.1";

    static AzureOrganisation of(ProviderAccount account) {
        String path = account.baseUrl().getRawPath() == null ? "" : account.baseUrl().getRawPath();
        String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
        String last = segments[segments.length - 1];
        // dev.azure.com/ORG has one segment; a Server's collection sits under a virtual directory (/tfs/COLLECTION)
        String what = segments.length > 1 ? "collection" : "organisation";
        return new AzureOrganisation(account.base(), last.isEmpty() ? null : decode(last), what, account.host());
    }

    /** {@code BASE/PATH?api-version=7.1}, plus a continuation token when there is one. */
    URI api(String path, @Nullable String continuationToken) {
        String uri = base + "/" + path + "?api-version=" + API_VERSION;
        if (continuationToken != null) {
            uri += "&continuationToken=" + URLEncoder.encode(continuationToken, StandardCharsets.UTF_8)
                    .replace("+", "%20");
        }
        return URI.create(uri);
    }

    /** "no organisation fabrikam at dev.azure.com". */
    String missing() {
        return "no " + what + " " + name + " at " + host;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
