package dev.commitstats.providers.gitea;

import dev.commitstats.providers.PagedJsonApi;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

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
final class GiteaApi extends PagedJsonApi {

    /** A looping server is stopped long before this: 50 per page times this is far beyond any real account. */
    private static final int MAX_PAGES = 4_000;

    private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(\\d{1,9})(?:&|$)");

    GiteaApi(ProviderHttp http, ProviderAccount account) {
        super(http, URI.create(account.base() + "/api/v1"), account.host(),
                Map.of("Authorization", "token " + account.secret(), "Accept", "application/json"), MAX_PAGES);
    }

    /** The next page number while {@code X-Total-Count} says more are left, for answers without {@code Link}. */
    @Override
    protected @Nullable URI pageWithoutLink(ProviderHttp.Response r, URI current, int seen) {
        String total = r.header("X-Total-Count").map(String::strip).orElse("");
        if (total.matches("\\d{1,12}") && Long.parseLong(total) > seen) {
            return withPage(current, String.valueOf(pageOf(current) + 1));
        }
        return null;
    }

    private static int pageOf(URI uri) {
        Matcher m = PAGE.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
