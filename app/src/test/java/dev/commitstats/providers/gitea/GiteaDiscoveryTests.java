package dev.commitstats.providers.gitea;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.commitstats.providers.gitea.FakeGitea.NOW;
import static dev.commitstats.providers.gitea.FakeGitea.TOKEN;
import static dev.commitstats.providers.gitea.FakeGitea.api;
import static dev.commitstats.providers.gitea.FakeGitea.json;
import static dev.commitstats.providers.gitea.FakeGitea.organisation;
import static dev.commitstats.providers.gitea.FakeGitea.rateLimited;
import static dev.commitstats.providers.gitea.FakeGitea.repository;
import static dev.commitstats.providers.gitea.FakeGitea.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.TokenStatus;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaDiscoveryTests {

    private FakeGitea gitea;

    @BeforeEach
    void start() {
        gitea = new FakeGitea();
        gitea.stub(api("/user"), json(user("alice")));
    }

    @AfterEach
    void stop() {
        gitea.close();
    }

    private List<DiscoveredRepository> discover() throws ProviderException {
        return gitea.provider.discover(gitea.account);
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

    private void page(int page, int lastPage, int total, String... repositories) {
        var response = json(list(repositories)).withHeader("X-Total-Count", Integer.toString(total));
        String link = gitea.link("/user/repos", 50, page, lastPage);
        gitea.stub(api("/user/repos?limit=50&page=" + page),
                link.isEmpty() ? response : response.withHeader("Link", link));
    }

    @Test
    void followsTheLinkHeaderThroughEveryPage() throws Exception {
        page(1, 3, 5, repository(1, "alice", "a"), repository(2, "alice", "b"));
        page(2, 3, 5, repository(3, "alice", "c"), repository(4, "alice", "d"));
        page(3, 3, 5, repository(5, "alice", "e"));

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("a", "b", "c", "d", "e");
        gitea.server.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/user/repos")));
    }

    @Test
    void stopsAtAnEmptyPage() throws Exception {
        page(1, 3, 2, repository(1, "alice", "a"), repository(2, "alice", "b"));
        page(2, 3, 2);

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("a", "b");
        gitea.server.verify(0, getRequestedFor(urlEqualTo("/api/v1/user/repos?limit=50&page=3")));
    }

    @Test
    void followsTheTotalCountWhenAProxyDroppedTheLinkHeader() throws Exception {
        gitea.stub(api("/user/repos?limit=50&page=1"), json(list(repository(1, "alice", "a")))
                .withHeader("X-Total-Count", "2"));
        gitea.stub(api("/user/repos?limit=50&page=2"), json(list(repository(2, "alice", "b")))
                .withHeader("X-Total-Count", "2"));

        assertThat(discover()).extracting(DiscoveredRepository::name).containsExactly("a", "b");
    }

    @Test
    void readsARepositoryTheWayGiteaDescribesIt() throws Exception {
        page(1, 1, 1, repository(7, "alice", "dotfiles"));

        assertThat(discover()).containsExactly(new DiscoveredRepository("https://codeberg.org/alice/dotfiles.git",
                "alice", OwnerKind.USER, "dotfiles", "public", false, false, "main",
                Instant.parse("2026-02-20T17:30:00Z"), 7, "https://codeberg.org/alice/dotfiles", false));
    }

    @Test
    void tellsOrganisationsFromOtherUsersAskingOncePerOwner() throws Exception {
        gitea.stub(api("/orgs/acme"), json(organisation("acme")));
        gitea.stub(api("/orgs/bob"), gitea.error(404, "GetOrgByName"));
        page(1, 1, 3, repository(1, "acme", "api"), repository(2, "acme", "web"), repository(3, "bob", "tools"));

        assertThat(discover()).extracting(DiscoveredRepository::ownerKind)
                .containsExactly(OwnerKind.ORGANISATION, OwnerKind.ORGANISATION, OwnerKind.USER);
        gitea.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/orgs/acme")));
        gitea.server.verify(0, getRequestedFor(urlEqualTo("/api/v1/orgs/alice")));
    }

    @Test
    void anOwnerTheTokenMayNotLookUpIsTakenForAnOrganisation() throws Exception {
        gitea.stub(api("/orgs/acme"), gitea.missingScope("read:organization"));
        page(1, 1, 1, repository(1, "acme", "api"));

        assertThat(discover()).extracting(DiscoveredRepository::ownerKind).containsExactly(OwnerKind.ORGANISATION);
    }

    @Test
    void privateInternalForkedMirroredAndArchivedRepositoriesAreFoundAndMarked() throws Exception {
        page(1, 1, 6,
                repository(1, "alice", "public", "secret", true, false, false, false, false, true),
                repository(2, "alice", "public", "team-only", false, true, false, false, false, true),
                repository(3, "alice", "limited", "signed-in-only", false, false, false, false, false, true),
                repository(4, "alice", "public", "linux", false, false, true, false, false, true),
                repository(5, "alice", "public", "mirror-of-gcc", false, false, false, true, false, true),
                repository(6, "alice", "public", "old", false, false, false, false, true, true));

        List<DiscoveredRepository> found = discover();

        assertThat(found).extracting(DiscoveredRepository::visibility)
                .containsExactly("private", "internal", "internal", "public", "public", "public");
        assertThat(found).extracting(DiscoveredRepository::activeByDefault)
                .containsExactly(true, true, true, false, false, false);
    }

    @Test
    void anAccountWithoutRepositoriesHasNone() throws Exception {
        page(1, 1, 0);

        assertThat(discover()).isEmpty();
    }

    @Test
    void aRevokedTokenFailsAsUnauthorized() {
        gitea.stub(api("/user"), gitea.unauthorized());

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(e.tokenStatus()).isEqualTo(TokenStatus.INVALID);
        assertThat(e.getMessage()).isEqualTo("localhost rejected the token (401): token is required");
    }

    @Test
    void aMissingScopeFailsAsForbiddenWithTheHostsMessage() {
        gitea.stub(api("/user/repos?limit=50&page=1"), gitea.missingScope("read:repository"));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
        assertThat(e.tokenStatus()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(e.getMessage()).isEqualTo("localhost refused repositories (403): token does not have at least "
                + "one of required scope(s): [read:repository]");
    }

    @Test
    void aRateLimitLiftingInAnHourFailsWithTheTimeToRetry() {
        gitea.stub(api("/user/repos?limit=50&page=1"), rateLimited(3600));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void aBaseUrlWithoutGiteaBehindItFailsAsNotFound() {
        gitea.server.resetAll();

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
    }

    @Test
    void anAnswerThatIsNotJsonFailsAsMalformedWithAReadableMessage() {
        gitea.stub(api("/user/repos?limit=50&page=1"), json("[{\"id\": 1, \"name\": "));

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("localhost answered repositories with malformed JSON");
    }

    @Test
    void aRepositoryWithoutACloneUrlFailsAsMalformed() {
        page(1, 1, 1, "{\"id\": 1, \"name\": \"x\", \"owner\": {\"login\": \"alice\"}}");

        ProviderException e = discoveryFailure();

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("localhost described a repository without clone_url");
    }
}
