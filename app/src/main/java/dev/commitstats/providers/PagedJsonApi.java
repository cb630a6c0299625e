package dev.commitstats.providers;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One account's view of a host's JSON API that pages lists with an RFC 8288 {@code Link} header (GitLab, Gitea and
 * Forgejo): requests under one root with the account's headers, unsuccessful answers turned into
 * {@link ProviderException}s ({@link #failure}, which a host may refine), and lists read across all their pages. A
 * next-page link is only ever followed on the root's own scheme, host and port: one naming another host (a
 * misconfigured external URL) is rebased onto the root, so that the token never travels elsewhere. Where a proxy
 * drops {@code Link}, {@link #pageWithoutLink} may still name the next page. Immutable.
 */
public abstract class PagedJsonApi {

    private final ProviderHttp http;
    private final URI root;
    private final String host;
    private final Map<String, String> headers;
    private final int maxPages;

    /**
     * @param root     the API root, e.g. {@code https://gitlab.example.com/api/v4}
     * @param host     the host's name for messages
     * @param headers  sent with every request (authorization included)
     * @param maxPages a list with more pages than this is a looping server
     */
    protected PagedJsonApi(ProviderHttp http, URI root, String host, Map<String, String> headers, int maxPages) {
        this.http = http;
        this.root = root;
        this.host = host;
        this.headers = Map.copyOf(headers);
        this.maxPages = maxPages;
    }

    /** The host name, for messages. */
    public String host() {
        return host;
    }

    /** The API root, for messages. */
    public URI root() {
        return root;
    }

    /** Any answer to {@code GET root + pathAndQuery}, for callers that read particular statuses themselves. */
    public ProviderHttp.Response get(String pathAndQuery) throws ProviderException {
        return http.get(URI.create(root + pathAndQuery), headers);
    }

    /** The JSON of a successful answer; an unsuccessful one raised as {@link #failure}. */
    public JsonNode json(String pathAndQuery, String what) throws ProviderException {
        ProviderHttp.Response r = get(pathAndQuery);
        if (!r.ok()) {
            throw failure(r, what);
        }
        return r.json(host, what);
    }

    /** Every element of a JSON list, across all its pages; an empty page ends it. */
    public List<JsonNode> list(String pathAndQuery, String what) throws ProviderException {
        List<JsonNode> items = new ArrayList<>();
        Set<URI> asked = new HashSet<>();
        URI next = URI.create(root + pathAndQuery);
        while (next != null) {
            if (!asked.add(next) || asked.size() > maxPages) {
                throw new ProviderException(ProviderException.Kind.MALFORMED,
                        host + " kept sending more pages of " + what);
            }
            ProviderHttp.Response r = http.get(next, headers);
            if (!r.ok()) {
                throw failure(r, what);
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

    /** The exception for an unsuccessful answer; {@link ProviderHttp#failure} unless a host knows better. */
    protected ProviderException failure(ProviderHttp.Response r, String what) {
        return ProviderHttp.failure(r, host, what);
    }

    /**
     * The next page when the answer has no {@code Link} to one, from the host's own headers, or null when the list
     * is complete.
     *
     * @param current the page just read
     * @param seen    the elements read so far
     */
    protected @Nullable URI pageWithoutLink(ProviderHttp.Response r, URI current, int seen) {
        return null;
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
        return link.isPresent() ? onOwnHost(link.get()) : pageWithoutLink(r, current, seen);
    }

    /** The link itself when it points at the root's scheme, host and port; else its path and query there. */
    private URI onOwnHost(URI link) {
        boolean same = link.getHost() != null && link.getHost().equalsIgnoreCase(root.getHost())
                && link.getPort() == root.getPort() && root.getScheme().equalsIgnoreCase(link.getScheme());
        if (same) {
            return link;
        }
        String query = link.getRawQuery() == null ? "" : "?" + link.getRawQuery();
        return URI.create(root.getScheme() + "://" + root.getRawAuthority() + link.getRawPath() + query);
    }

    /** {@code uri} with its {@code page} parameter set to {@code page}. */
    public static URI withPage(URI uri, String page) {
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
