package dev.commitstats.providers.gitlab;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One account's view of GitLab's REST API v4 ({@code BASE/api/v4}): the token sent as {@code Authorization: Bearer}
 * (GitLab accepts personal, project, group and OAuth tokens that way, {@code PRIVATE-TOKEN} only the first three),
 * unsuccessful answers turned into {@link ProviderException}s, and lists read across all their pages.
 *
 * <p>Pages are followed through the {@code Link} header's {@code rel="next"} (offset and keyset pagination both send
 * it) and, where a proxy or an old server drops {@code Link}, through {@code X-Next-Page}. Beyond 10,000 results
 * GitLab leaves out {@code X-Total}, {@code X-Total-Pages} and {@code rel="last"}, which is why neither is read. A
 * next-page link is only ever followed on the account's own host: one naming another host (a misconfigured
 * {@code external_url}) is rebased onto the base URL so that the token never travels elsewhere.
 *
 * <p>Immutable and cheap: made per call, shared by nothing.
 */
final class GitLabApi {

    /** 100 per page (GitLab's maximum) times this is far beyond any real account; it stops a looping server. */
    private static final int MAX_PAGES = 2_000;

    private final ProviderHttp http;
    private final URI root;
    private final String host;
    private final Map<String, String> headers;

    GitLabApi(ProviderHttp http, ProviderAccount account) {
        this.http = http;
        this.root = URI.create(account.base() + "/api/v4");
        this.host = account.host();
        this.headers = Map.of("Authorization", "Bearer " + account.secret(), "Accept", "application/json");
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

    /** The JSON of a successful answer; an unsuccessful one raised as {@link #failure}. */
    JsonNode json(String pathAndQuery, String what) throws ProviderException {
        ProviderHttp.Response r = get(pathAndQuery);
        if (!r.ok()) {
            throw failure(r, what);
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
            next = nextPage(r, next, what);
        }
        return items;
    }

    /**
     * The exception for an unsuccessful answer: GitLab's expired-token answer (401 with {@code invalid_token} and
     * "Token is expired" in the body and in {@code WWW-Authenticate}) becomes UNAUTHORIZED with status EXPIRED; the
     * rest is {@link ProviderHttp#failure}.
     */
    ProviderException failure(ProviderHttp.Response r, String what) {
        if (r.status() == 401 && expired(r)) {
            return new ProviderException(ProviderException.Kind.UNAUTHORIZED,
                    "the token has expired: GitLab at " + host + " no longer accepts it", null, TokenStatus.EXPIRED);
        }
        return ProviderHttp.failure(r, host, what);
    }

    /** Whether a 401 says the token expired rather than that it is unknown or revoked. */
    static boolean expired(ProviderHttp.Response r) {
        String said = ProviderHttp.hostMessage(r).orElse("") + " " + r.header("WWW-Authenticate").orElse("");
        return said.toLowerCase(Locale.ROOT).contains("expired");
    }

    private @Nullable URI nextPage(ProviderHttp.Response r, URI current, String what) throws ProviderException {
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
        String page = r.header("X-Next-Page").map(String::strip).orElse("");
        return page.matches("\\d{1,9}") ? withPage(current, page) : null;
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

    /** {@code uri} with its {@code page} parameter set to {@code page}. */
    static URI withPage(URI uri, String page) {
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
