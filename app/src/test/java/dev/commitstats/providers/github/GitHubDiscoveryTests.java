package dev.commitstats.providers.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubDiscoveryTests {

    private final GitHubServer github = new GitHubServer();

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void everyPageOfTheLinkHeaderIsRead() throws Exception {
        stubPage(null, okJson(github.payload("repos-page-1.json"))
                .withHeader("Link", link(2, "next") + ", " + link(3, "last")));
        stubPage("2", okJson(github.payload("repos-page-2.json")).withHeader("Link",
                link(1, "prev") + ", " + link(3, "next") + ", " + link(3, "last") + ", " + link(1, "first")));
        stubPage("3", okJson(github.payload("repos-page-3.json"))
                .withHeader("Link", link(2, "prev") + ", " + link(1, "first")));

        List<DiscoveredRepository> repos = github.provider.discover(github.account);

        assertThat(repos).extracting(r -> r.ownerGroup() + "/" + r.name()).containsExactly("octocat/Hello-World",
                "octo-org/octo-repo", "octo-org/internal-tools", "octocat/linguist", "octocat/old-project");
        github.wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/v3/user/repos")));
    }

    @Test
    void theRequestAsksForOwnedCollaboratorAndOrganisationRepositories() throws Exception {
        stubPage(null, okJson("[]"));
        github.provider.discover(github.account);
        github.wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v3/user/repos"))
                .withQueryParam("affiliation", equalTo("owner,collaborator,organization_member"))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("sort", equalTo("full_name")));
    }

    @Test
    void aRepositoryIsDescribedAsGitHubDescribesIt() throws Exception {
        stubPage(null, okJson(github.payload("repos-one.json")));
        DiscoveredRepository hello = github.provider.discover(github.account).get(0);
        assertThat(hello).isEqualTo(new DiscoveredRepository("https://github.com/octocat/Hello-World.git", "octocat",
                OwnerKind.USER, "Hello-World", "public", false, false, "master",
                Instant.parse("2011-01-26T19:06:43Z"), 80, "https://github.com/octocat/Hello-World", false));
    }

    @Test
    void ownerKindVisibilityForkAndArchivedAreMapped() throws Exception {
        stubPage(null, okJson(github.payload("repos-page-1.json")).withHeader("Link", link(2, "next")));
        stubPage("2", okJson(github.payload("repos-page-2.json")).withHeader("Link", link(3, "next")));
        stubPage("3", okJson(github.payload("repos-page-3.json")));
        List<DiscoveredRepository> repos = github.provider.discover(github.account);

        assertThat(repos.get(1).ownerKind()).isEqualTo(OwnerKind.ORGANISATION);
        assertThat(repos.get(1).visibility()).isEqualTo("private");
        assertThat(repos.get(2).visibility()).isEqualTo("internal");
        assertThat(repos.get(3).fork()).isTrue();
        assertThat(repos.get(3).activeByDefault()).isFalse();
        assertThat(repos.get(4).archived()).isTrue();
        // an older Enterprise Server without "visibility": the private flag decides
        assertThat(repos.get(4).visibility()).isEqualTo("private");
    }

    @Test
    void anEmptyAccountHasNoRepositories() throws Exception {
        stubPage(null, okJson("[]"));
        assertThat(github.provider.discover(github.account)).isEmpty();
    }

    @Test
    void aSecondDiscoveryIsConditionalAndNotModifiedGivesTheSameList() throws Exception {
        String etag = "W/\"a7f4c8d3e2b1f0a9c8d7e6f5a4b3c2d1\"";
        github.wireMock.stubFor(repos(null).atPriority(5)
                .willReturn(okJson(github.payload("repos-page-1.json")).withHeader("ETag", etag)));
        github.wireMock.stubFor(repos(null).atPriority(1).withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));

        List<DiscoveredRepository> first = github.provider.discover(github.account);
        List<DiscoveredRepository> second = github.provider.discover(github.account);

        assertThat(second).hasSize(2).isEqualTo(first);
        github.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/user/repos"))
                .withHeader("If-None-Match", absent()));
        github.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/user/repos"))
                .withHeader("If-None-Match", equalTo(etag)));
    }

    @Test
    void aRevokedTokenIsUnauthorized() {
        stubPage(null, aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("localhost rejected the token (401): Bad credentials")
                            .doesNotContain(GitHubServer.TOKEN);
                });
    }

    @Test
    void aRateLimitThatLiftsLaterFailsWithItsResetTime() {
        Instant reset = GitHubServer.NOW.plus(Duration.ofMinutes(50));
        stubPage(null, GitHubCheckTests.rateLimited(reset));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                    assertThat(e.retryAt()).isEqualTo(reset);
                    assertThat(e.getMessage()).isEqualTo("localhost rate limited until 13:55");
                });
        assertThat(github.waits).isEmpty();
    }

    @Test
    void aRateLimitThatLiftsSoonIsWaitedOut() throws Exception {
        github.wireMock.stubFor(repos(null).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GitHubCheckTests.rateLimited(GitHubServer.NOW.plusSeconds(30)))
                .willSetStateTo("reset"));
        github.wireMock.stubFor(repos(null).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(okJson(github.payload("repos-one.json"))));

        assertThat(github.provider.discover(github.account)).hasSize(1);
        assertThat(github.waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutForItsRetryAfter() throws Exception {
        github.wireMock.stubFor(repos(null).inScenario("secondary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("Retry-After", "45")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes "
                                + "before you try again.\",\"documentation_url\":\"https://docs.github.com/rest/"
                                + "overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\"}"))
                .willSetStateTo("calm"));
        github.wireMock.stubFor(repos(null).inScenario("secondary").whenScenarioStateIs("calm")
                .willReturn(okJson(github.payload("repos-one.json"))));

        assertThat(github.provider.discover(github.account)).hasSize(1);
        assertThat(github.waits).containsExactly(Duration.ofSeconds(45));
    }

    @Test
    void aMissingApiIsNotFound() {
        stubPage(null, aResponse().withStatus(404).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("localhost").contains("Not Found");
                });
    }

    @Test
    void anSsoRefusalIsForbiddenWithTheSsoMessage() {
        stubPage(null, aResponse().withStatus(403).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-GitHub-SSO", "required; url=https://github.com/orgs/octo-org/sso?authorization_request="
                        + "A5QSNIPXTMPLJ3H7UGOSEVTKCFOPDEDKNFXW4ZDJNZSV6ZTPOJBXE5DJN5XG")
                .withBody("{\"message\":\"Resource protected by organization SAML enforcement.\"}"));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
                    assertThat(e.tokenStatus()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
                    assertThat(e.getMessage()).isEqualTo("localhost: the organisation requires SSO authorisation "
                            + "(authorise the token at github.com)");
                });
    }

    @Test
    void malformedJsonIsMalformedWithAReadableMessage() {
        stubPage(null, okJson("[{\"id\": 1296269, \"name\": \"Hello-World\""));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
                    assertThat(e.getMessage()).isEqualTo("localhost answered repositories with malformed JSON");
                });
    }

    @Test
    void aRepositoryWithoutCloneUrlIsMalformed() {
        stubPage(null, okJson("[{\"id\": 1296269, \"name\": \"Hello-World\", \"owner\": {\"login\": \"octocat\"}}]"));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
                    assertThat(e.getMessage()).isEqualTo("localhost answered a repository without clone_url");
                });
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowed() {
        stubPage(null, okJson(github.payload("repos-one.json"))
                .withHeader("Link", "<https://collector.example/user/repos?page=2>; rel=\"next\""));
        assertThatThrownBy(() -> github.provider.discover(github.account))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("at another host");
                });
    }

    /** A {@code Link} entry as GitHub writes it: the full query of the first request plus {@code page}. */
    private String link(int page, String rel) {
        return "<" + github.api() + "/user/repos?affiliation=owner%2Ccollaborator%2Corganization_member"
                + "&per_page=100&sort=full_name&page=" + page + ">; rel=\"" + rel + "\"";
    }

    private MappingBuilder repos(String page) {
        return get(urlPathEqualTo("/api/v3/user/repos"))
                .withQueryParam("page", page == null ? absent() : equalTo(page));
    }

    private void stubPage(String page, ResponseDefinitionBuilder response) {
        github.wireMock.stubFor(repos(page).willReturn(response));
    }
}
