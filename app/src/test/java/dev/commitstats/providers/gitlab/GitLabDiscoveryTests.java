package dev.commitstats.providers.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.commitstats.providers.gitlab.FakeGitLab.NOW;
import static dev.commitstats.providers.gitlab.FakeGitLab.TOKEN;
import static dev.commitstats.providers.gitlab.FakeGitLab.api;
import static dev.commitstats.providers.gitlab.FakeGitLab.expired;
import static dev.commitstats.providers.gitlab.FakeGitLab.json;
import static dev.commitstats.providers.gitlab.FakeGitLab.project;
import static dev.commitstats.providers.gitlab.FakeGitLab.rateLimited;
import static dev.commitstats.providers.gitlab.FakeGitLab.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabDiscoveryTests {

    /** The first page the provider asks for: members' projects, archived included, keyset-paginated by id. */
    private static final String FIRST = "/projects?membership=true&per_page=100&order_by=id&sort=asc&pagination=keyset";

    private FakeGitLab gitlab;

    @BeforeEach
    void start() {
        gitlab = new FakeGitLab();
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    private List<DiscoveredRepository> discover() throws ProviderException {
        return gitlab.provider.discover(gitlab.account);
    }

    private ProviderException discoveryFailure() {
        ProviderException e = catchThrowableOfType(ProviderException.class, this::discover);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        return e;
    }

    private static String list(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    /** The next-page link of keyset pagination, query parameters as GitLab writes them back. */
    private String keysetNext(long idAfter) {
        return gitlab.base() + "/api/v4/projects?id_after=" + idAfter + "&imported=false&membership=true"
                + "&order_by=id&owned=false&page=1&pagination=keyset&per_page=100&repository_checksum_failed=false"
                + "&simple=false&sort=asc&starred=false&statistics=false&wiki_checksum_failed=false"
                + "&with_custom_attributes=false&with_issues_enabled=false&with_merge_requests_enabled=false";
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/api/v4") + "/api/v4".length());
    }

    @Test
    void followsKeysetPagesThroughTheLinkHeaderToTheLastPage() throws Exception {
        gitlab.stub(api(FIRST), json(list(project(1, "alice", "user", "dotfiles"), project(2, "acme", "group", "api")))
                .withHeader("Link", "<" + keysetNext(2) + ">; rel=\"next\""));
        gitlab.stub(api(pathOf(keysetNext(2))), json(list(project(3, "acme", "group", "web")))
                .withHeader("Link", "<" + keysetNext(3) + ">; rel=\"next\""));
        gitlab.stub(api(pathOf(keysetNext(3))), json(list(project(4, "acme", "group", "docs"))));

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("dotfiles", "api", "web", "docs");
        gitlab.server.verify(3, getRequestedFor(anyUrl()));
    }

    @Test
    void followsXNextPageWhenTheLinkHeaderIsMissing() throws Exception {
        gitlab.stub(api(FIRST), json(list(project(1, "acme", "group", "api"), project(2, "acme", "group", "web")))
                .withHeader("X-Next-Page", "2").withHeader("X-Page", "1").withHeader("X-Per-Page", "2")
                .withHeader("X-Prev-Page", "").withHeader("X-Total", "3").withHeader("X-Total-Pages", "2"));
        gitlab.stub(api(FIRST + "&page=2"), json(list(project(3, "acme", "group", "docs")))
                .withHeader("X-Next-Page", "").withHeader("X-Page", "2").withHeader("X-Per-Page", "2")
                .withHeader("X-Prev-Page", "1").withHeader("X-Total", "3").withHeader("X-Total-Pages", "2"));

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("api", "web", "docs");
    }

    @Test
    void followsANextLinkNamingAnotherHostOnTheAccountsOwnHost() throws Exception {
        // a self-managed GitLab whose external_url is not the address it is reached at
        gitlab.stub(api(FIRST), json(list(project(1, "acme", "group", "api"))).withHeader("Link",
                "<https://gitlab.internal.example/api/v4/projects?id_after=1&pagination=keyset>; rel=\"next\""));
        gitlab.stub(api("/projects?id_after=1&pagination=keyset"), json(list(project(2, "acme", "group", "web"))));

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("api", "web");
    }

    @Test
    void readsAProjectTheWayGitLabDescribesIt() throws Exception {
        gitlab.stub(api(FIRST), json(list(project(7, "alice", "user", "dotfiles", "public", false, false, ""))));

        assertThat(discover()).containsExactly(new DiscoveredRepository(
                "https://gitlab.example.com/alice/dotfiles.git", "alice", OwnerKind.USER, "dotfiles", "public",
                false, false, "main", Instant.parse("2026-02-27T09:15:30.120Z"), 7,
                "https://gitlab.example.com/alice/dotfiles", false));
    }

    @Test
    void aSubgroupProjectBelongsToTheSubgroupsFullPath() throws Exception {
        gitlab.stub(api(FIRST), json(list(project(8, "acme/platform/backend", "group", "billing"))));

        DiscoveredRepository repository = discover().get(0);

        assertThat(repository.ownerGroup()).isEqualTo("acme/platform/backend");
        assertThat(repository.ownerKind()).isEqualTo(OwnerKind.GROUP);
        assertThat(repository.cloneUrl()).isEqualTo("https://gitlab.example.com/acme/platform/backend/billing.git");
    }

    @Test
    void forksAndArchivedProjectsAreFoundAndStartInactive() throws Exception {
        gitlab.stub(api(FIRST), json(list(
                project(1, "alice", "user", "linux", "public", false, true, ""),
                project(2, "acme", "group", "legacy", "internal", true, false, ""),
                project(3, "acme", "group", "api", "private", false, false, ""))));

        List<DiscoveredRepository> found = discover();

        assertThat(found).extracting(DiscoveredRepository::fork).containsExactly(true, false, false);
        assertThat(found).extracting(DiscoveredRepository::archived).containsExactly(false, true, false);
        assertThat(found).extracting(DiscoveredRepository::visibility).containsExactly("public", "internal", "private");
        assertThat(found).extracting(DiscoveredRepository::activeByDefault).containsExactly(false, false, true);
    }

    @Test
    void anAccountWithoutProjectsHasNone() throws Exception {
        gitlab.stub(api(FIRST), json("[]").withHeader("X-Next-Page", "").withHeader("X-Total", "0"));

        assertThat(discover()).isEmpty();
    }

    @Test
    void aRevokedTokenFailsAsUnauthorizedWithStatusInvalid() {
        gitlab.stub(api(FIRST), unauthorized());

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(e.tokenStatus()).isEqualTo(TokenStatus.INVALID);
        assertThat(e.getMessage()).isEqualTo("localhost rejected the token (401): 401 Unauthorized");
    }

    @Test
    void anExpiredTokenFailsAsUnauthorizedWithStatusExpired() {
        gitlab.stub(api(FIRST), expired());

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(e.tokenStatus()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void aRateLimitLiftingInAnHourFailsWithTheTimeToRetry() {
        gitlab.stub(api(FIRST), rateLimited(3600));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void aRateLimitOnALaterPageLiftingInSecondsIsWaitedOut() throws Exception {
        gitlab.stub(api(FIRST), json(list(project(1, "acme", "group", "api")))
                .withHeader("Link", "<" + keysetNext(1) + ">; rel=\"next\""));
        gitlab.stub(api(pathOf(keysetNext(1))).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("lifted"), rateLimited(30));
        gitlab.stub(api(pathOf(keysetNext(1))).inScenario("limit").whenScenarioStateIs("lifted"),
                json(list(project(2, "acme", "group", "web"))));

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("api", "web");
        assertThat(gitlab.waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aBaseUrlWithoutGitLabBehindItFailsAsNotFound() {
        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).startsWith("localhost has no projects for this token (404)");
    }

    @Test
    void anAnswerThatIsNotJsonFailsAsMalformedWithAReadableMessage() {
        gitlab.stub(api(FIRST), json("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("localhost answered projects with malformed JSON");
    }

    @Test
    void anAnswerThatIsNotAListFailsAsMalformed() {
        gitlab.stub(api(FIRST), json("{\"message\":\"hello\"}"));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("localhost answered projects with something other than a list");
    }

    @Test
    void aNextLinkPointingBackAtAnAskedPageFailsInsteadOfLooping() {
        gitlab.stub(api(FIRST), json(list(project(1, "acme", "group", "api")))
                .withHeader("Link", "<" + gitlab.base() + "/api/v4" + FIRST + ">; rel=\"next\""));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
        gitlab.server.verify(1, getRequestedFor(urlEqualTo("/api/v4" + FIRST)));
    }
}
