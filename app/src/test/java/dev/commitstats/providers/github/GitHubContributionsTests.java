package dev.commitstats.providers.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.commitstats.providers.DiscoveredRepository;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubContributionsTests {

    private static final String QUERY = "type:pr author:octocat is:merged";

    private final GitHubServer github = new GitHubServer();

    @BeforeEach
    void user() {
        github.wireMock.stubFor(get(urlEqualTo("/api/v3/user")).willReturn(okJson(github.payload("user.json"))));
        stubRepository("rails/rails", "repo-rails.json");
        stubRepository("someone/forked-lib", "repo-someone-fork.json");
        stubRepository("acme/private-now", "repo-acme-private.json");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void publicNonForkRepositoriesOfOthersAreOpenSourceContributions() throws Exception {
        stubSearch(null, okJsonPage("search-merged.json", null));
        List<DiscoveredRepository> found = github.provider.contributions(github.account);
        assertThat(found).extracting(r -> r.ownerGroup() + "/" + r.name()).containsExactly("rails/rails");
        assertThat(found).allMatch(DiscoveredRepository::openSource);
        assertThat(found.get(0).stars()).isEqualTo(56000);
    }

    @Test
    void theUsersOwnRepositoriesAreNotLookedUp() throws Exception {
        stubSearch(null, okJsonPage("search-merged.json", null));
        github.provider.contributions(github.account);
        github.wireMock.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/repos/octocat/Hello-World")));
    }

    @Test
    void forksAndPrivateRepositoriesAreLeftOut() throws Exception {
        stubSearch(null, okJsonPage("search-merged.json", null));
        assertThat(github.provider.contributions(github.account))
                .noneMatch(r -> r.name().equals("forked-lib") || r.name().equals("private-now"));
        github.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/repos/someone/forked-lib")));
    }

    @Test
    void aRepositoryWithSeveralMergedPullRequestsIsLookedUpOnce() throws Exception {
        stubSearch(null, okJsonPage("search-merged.json", null));
        github.provider.contributions(github.account);
        github.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/repos/rails/rails")));
    }

    @Test
    void theSearchAsksForTheUsersMergedPullRequests() throws Exception {
        stubSearch(null, okJsonPage("search-none.json", null));
        assertThat(github.provider.contributions(github.account)).isEmpty();
        github.wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v3/search/issues"))
                .withQueryParam("q", equalTo(QUERY)).withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void aRepositoryGoneSinceTheMergeIsSkipped() throws Exception {
        stubSearch(null, okJsonPage("search-merged.json", null));
        github.wireMock.stubFor(get(urlEqualTo("/api/v3/repos/rails/rails")).atPriority(1).willReturn(
                aResponse().withStatus(404).withBody("{\"message\":\"Not Found\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}")));
        assertThat(github.provider.contributions(github.account)).isEmpty();
    }

    @Test
    void theSearchStopsAtTenPagesGitHubsCap() throws Exception {
        // every page names a next one: GitHub serves no more than 1,000 results, so no more are asked for
        stubSearch(null, okJsonPage("search-one.json", 2));
        for (int page = 2; page <= 12; page++) {
            stubSearch(Integer.toString(page), okJsonPage("search-one.json", page + 1));
        }
        github.provider.contributions(github.account);
        github.wireMock.verify(10, getRequestedFor(urlPathEqualTo("/api/v3/search/issues")));
        github.wireMock.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/search/issues"))
                .withQueryParam("page", equalTo("11")));
    }

    @Test
    void theSearchRateLimitIsWaitedOut() throws Exception {
        // the search API allows 30 requests a minute: a spent allowance lifts within the minute
        github.wireMock.stubFor(get(urlPathEqualTo("/api/v3/search/issues")).inScenario("search")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GitHubCheckTests.rateLimited(GitHubServer.NOW.plusSeconds(20))
                        .withHeader("X-RateLimit-Resource", "search").withHeader("X-RateLimit-Limit", "30"))
                .willSetStateTo("reset"));
        github.wireMock.stubFor(get(urlPathEqualTo("/api/v3/search/issues")).inScenario("search")
                .whenScenarioStateIs("reset").willReturn(okJson(github.payload("search-one.json"))));
        assertThat(github.provider.contributions(github.account)).hasSize(1);
        assertThat(github.waits).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void everySearchPageIsRead() throws Exception {
        stubSearch(null, okJsonPage("search-none.json", 2));
        stubSearch("2", okJsonPage("search-one.json", null));
        assertThat(github.provider.contributions(github.account)).extracting(DiscoveredRepository::name)
                .containsExactly("rails");
    }

    /** A search page, with a {@code Link} to page {@code next} as GitHub writes it when there is one. */
    private ResponseDefinitionBuilder okJsonPage(String payload, Integer next) {
        ResponseDefinitionBuilder response = okJson(github.payload(payload));
        if (next != null) {
            response = response.withHeader("Link", "<" + github.api() + "/search/issues?q=type%3Apr+author%3Aoctocat"
                    + "+is%3Amerged&per_page=100&page=" + next + ">; rel=\"next\", <" + github.api()
                    + "/search/issues?q=type%3Apr+author%3Aoctocat+is%3Amerged&per_page=100&page=" + next
                    + ">; rel=\"last\"");
        }
        return response;
    }

    private void stubSearch(String page, ResponseDefinitionBuilder response) {
        github.wireMock.stubFor(get(urlPathEqualTo("/api/v3/search/issues"))
                .withQueryParam("page", page == null ? absent() : equalTo(page)).willReturn(response));
    }

    private void stubRepository(String fullName, String payload) {
        github.wireMock.stubFor(get(urlEqualTo("/api/v3/repos/" + fullName)).willReturn(okJson(
                github.payload(payload))));
    }
}
