package dev.commitstats.providers.gitea;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One account's view of the Gitea/Forgejo REST API v1 ({@code BASE/api/v1}): the token sent as
 * {@code Authorization: token ...} (the form Gitea's "API Usage" page documents for access tokens), unsuccessful
 * answers turned into {@link ProviderException}s, and lists read across all their pages.
 *
 * <p>Gitea pages with {@code page} and {@code limit}; the server caps {@code limit} at its {@code MAX_RESPONSE_ITEMS}
 * (50 by default) and answers with a {@code Link} header ({@code rel="next"}, no space after the commas) and
 * {@code X-Total-Count}. Pages are followed through {@code rel="next"}; without it (a proxy dropping {@code Link})
 * the next page number is asked while {@code X-Total-Count} says more are left; an empty page always ends the list.
 * A next-page link naming another host than the base URL's (a misconfigured {@code ROOT_URL}) is rebased onto the
 * base URL so that the token never travels elsewhere.
 *
 * <p>Immutable and cheap: made per call, shared by nothing.
 */
final class GiteaApi {

    /** A looping server is stopped long before this: 50 per page times this is far beyond any real account. */
    private static final int MAX_PAGES = 4_000;
    private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(\\d{1,9})(?:&|$)");

    private final ProviderHttp http;
    private final URI root;
    private final String host;
    private final Map<String, String> headers;

    GiteaApi(ProviderHttp http, ProviderAccount account) {
        this.http = http;
        this.root = URI.create(account.base() + "/api/v1");
        this.host = account.host();
        this.headers = Map.of("Authorization", "token " + account.secret(), "Accept", "application/json");
    }

    /** The host name, for messages. */
    String host() {
        return host;
    }

    /** The API root, for messages. */
    URI root() {
        return root;
    }

    /** Any answer to {@code GET root + pathAndQuery}, for callers that read particular statuses themselves. */
    ProviderHttp.Response get(String pathAndQuery) throws ProviderException {
        return http.get(URI.create(root + pathAndQuery), headers);
    }

    /** The JSON of a successful answer; an unsuccessful one raised as {@link ProviderHttp#failure}. */
    JsonNode json(String pathAndQuery, String what) throws ProviderException {
        ProviderHttp.Response r = get(pathAndQuery);
        if (!r.ok()) {
            throw ProviderHttp.failure(r, host, what);
        }
        return r.json(host, what);
    }

    /** Every element of a JSON list, across all its pages. */
    List<JsonNode> list(String pathAndQuery, String what) throws ProviderException {
        List<JsonNode> items = new ArrayList<>();
        Set<URI> asked = new HashSet<>();
        URI next = URI.create(root + pathAndQuery);
        while (next != null) {
            if (!asked.add(next) || asked.size() > MAX_PAGES) {
                throw new ProviderException(ProviderException.Kind.MALFORMED,
                        host + " kept sending more pages of " + what);
            }
            ProviderHttp.Response r = http.get(next, headers);
            if (!r.ok()) {
                throw ProviderHttp.failure(r, host, what);
            }
            JsonNode page = r.json(host, what);
            if (!page.isArray()) {
                throw new ProviderException(ProviderException.Kind.MALFORMED,
                        host + " answered " + what + " with something other than a list");
            }
            if (page.isEmpty()) {
                break;
            }
            page.forEach(items::add);
            next = nextPage(r, next, items.size(), what);
        }
        return items;
    }

    private @Nullable URI nextPage(ProviderHttp.Response r, URI current, int seen, String what)
            throws ProviderException {
        Optional<URI> link;
        try {
            link = r.nextLink();
        } catch (IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED,
                    host + " sent an unreadable next-page link for " + what);
        }
        if (link.isPresent()) {
            return onOwnHost(link.get());
        }
        String total = r.header("X-Total-Count").map(String::strip).orElse("");
        if (total.matches("\\d{1,12}") && Long.parseLong(total) > seen) {
            return withPage(current, pageOf(current) + 1);
        }
        return null;
    }

    /** The link itself when it points at the base URL's scheme, host and port; else its path and query there. */
    private URI onOwnHost(URI link) {
        boolean same = link.getHost() != null && link.getHost().equalsIgnoreCase(root.getHost())
                && link.getPort() == root.getPort() && root.getScheme().equalsIgnoreCase(link.getScheme());
        if (same) {
            return link;
        }
        String query = link.getRawQuery() == null ? "" : "?" + link.getRawQuery();
        return URI.create(root.getScheme() + "://" + root.getRawAuthority() + link.getRawPath() + query);
    }

    private static int pageOf(URI uri) {
        Matcher m = PAGE.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** {@code uri} with its {@code page} parameter set to {@code page}. */
    private static URI withPage(URI uri, int page) {
        StringBuilder query = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("page=")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("page=").append(page);
        String s = uri.toString();
        int q = s.indexOf('?');
        return URI.create((q < 0 ? s : s.substring(0, q)) + "?" + query);
    }
}
