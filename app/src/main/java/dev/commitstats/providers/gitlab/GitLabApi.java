package dev.commitstats.providers.gitlab;

import dev.commitstats.providers.PagedJsonApi;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
final class GitLabApi extends PagedJsonApi {

    /** 100 per page (GitLab's maximum) times this is far beyond any real account; it stops a looping server. */
    private static final int MAX_PAGES = 2_000;

    GitLabApi(ProviderHttp http, ProviderAccount account) {
        super(http, URI.create(account.base() + "/api/v4"), account.host(),
                Map.of("Authorization", "Bearer " + account.secret(), "Accept", "application/json"), MAX_PAGES);
    }

    /**
     * The exception for an unsuccessful answer: GitLab's expired-token answer (401 with {@code invalid_token} and
     * "Token is expired" in the body and in {@code WWW-Authenticate}) becomes UNAUTHORIZED with status EXPIRED; the
     * rest is {@link ProviderHttp#failure}.
     */
    @Override
    protected ProviderException failure(ProviderHttp.Response r, String what) {
        if (r.status() == 401 && expired(r)) {
            return new ProviderException(ProviderException.Kind.UNAUTHORIZED,
                    "the token has expired: GitLab at " + host() + " no longer accepts it", null, TokenStatus.EXPIRED);
        }
        return super.failure(r, what);
    }

    /** Whether a 401 says the token expired rather than that it is unknown or revoked. */
    static boolean expired(ProviderHttp.Response r) {
        String said = ProviderHttp.hostMessage(r).orElse("") + " " + r.header("WWW-Authenticate").orElse("");
        return said.toLowerCase(Locale.ROOT).contains("expired");
    }

    /** GitLab's {@code X-Next-Page}, for answers whose {@code Link} a proxy or an old server dropped. */
    @Override
    protected @Nullable URI pageWithoutLink(ProviderHttp.Response r, URI current, int seen) {
        String page = r.header("X-Next-Page").map(String::strip).orElse("");
        return page.matches("\\d{1,9}") ? withPage(current, page) : null;
    }
}
