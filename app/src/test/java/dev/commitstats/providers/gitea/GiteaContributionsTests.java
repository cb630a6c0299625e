package dev.commitstats.providers.gitea;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.commitstats.providers.gitea.FakeGitea.api;
import static dev.commitstats.providers.gitea.FakeGitea.json;
import static dev.commitstats.providers.gitea.FakeGitea.organisation;
import static dev.commitstats.providers.gitea.FakeGitea.pull;
import static dev.commitstats.providers.gitea.FakeGitea.repository;
import static dev.commitstats.providers.gitea.FakeGitea.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaContributionsTests {

    private static final String SEARCH = "/repos/issues/search?type=pulls&state=closed&created=true&limit=50";

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

    private List<DiscoveredRepository> contributions() throws Exception {
        return gitea.provider.contributions(gitea.account);
    }

    private void byId(long id, String repository) {
        gitea.stub(api("/repositories/" + id), json(repository));
    }

    @Test
    void publicRepositoriesOfOthersThatMergedTheUsersPullRequestsAreOpenSourceContributions() throws Exception {
        String url = gitea.base() + "/api/v1/repos/issues/search?created=true&limit=50&page=";
        gitea.stub(api(SEARCH + "&page=1"), json("[" + pull(1, "alice", 11, "forgejo", "forgejo", true) + ","
                + pull(2, "alice", 12, "bob", "tools", true) + "]")
                .withHeader("Link", "<" + url + "2&state=closed&type=pulls>; rel=\"next\",<" + url
                        + "2&state=closed&type=pulls>; rel=\"last\"")
                .withHeader("X-Total-Count", "3"));
        gitea.stub(api("/repos/issues/search?created=true&limit=50&page=2&state=closed&type=pulls"),
                json("[" + pull(3, "alice", 11, "forgejo", "forgejo", true) + "]").withHeader("X-Total-Count", "3"));
        byId(11, repository(11, "forgejo", "public", "forgejo", false, false, false, false, false, false));
        byId(12, repository(12, "bob", "public", "tools", false, false, false, false, false, false));
        gitea.stub(api("/orgs/forgejo"), json(organisation("forgejo")));
        gitea.stub(api("/orgs/bob"), gitea.error(404, "GetOrgByName"));

        List<DiscoveredRepository> found = contributions();

        assertThat(found).extracting(DiscoveredRepository::cloneUrl).containsExactly(
                "https://codeberg.org/forgejo/forgejo.git", "https://codeberg.org/bob/tools.git");
        assertThat(found).extracting(DiscoveredRepository::ownerKind)
                .containsExactly(OwnerKind.ORGANISATION, OwnerKind.USER);
        assertThat(found).allMatch(DiscoveredRepository::openSource);
    }

    @Test
    void unmergedOwnWritablePrivateForkedAndOthersPullRequestsAreNotContributions() throws Exception {
        gitea.stub(api(SEARCH + "&page=1"), json("[" + String.join(",",
                pull(1, "alice", 21, "gnome", "closed-unmerged", false),
                pull(2, "alice", 22, "alice", "dotfiles", true),
                pull(3, "alice", 23, "acme", "team-repo", true),
                pull(4, "alice", 24, "acme", "secret", true),
                pull(5, "alice", 25, "carol", "linux", true),
                // a server too old for 'created' lists everyone's pull requests
                pull(6, "mallory", 26, "gnome", "not-hers", true)) + "]"));
        byId(23, repository(23, "acme", "public", "team-repo", false, false, false, false, false, true));
        byId(24, repository(24, "acme", "public", "secret", true, false, false, false, false, false));
        byId(25, repository(25, "carol", "public", "linux", false, false, true, false, false, false));

        assertThat(contributions()).isEmpty();
        gitea.server.verify(0, getRequestedFor(urlEqualTo("/api/v1/repositories/26")));
    }

    @Test
    void aRepositoryGoneSinceItsPullRequestIsSkipped() throws Exception {
        gitea.stub(api(SEARCH + "&page=1"), json("[" + pull(1, "alice", 31, "gone", "gone", true) + "]"));
        gitea.stub(api("/repositories/31"), gitea.error(404, "not found"));

        assertThat(contributions()).isEmpty();
    }

    @Test
    void aTokenThatMayNotReadIssuesFindsNoContributionsRatherThanFailing() throws Exception {
        gitea.stub(api(SEARCH + "&page=1"), gitea.missingScope("read:issue"));

        assertThat(contributions()).isEmpty();
    }

    @Test
    void aUserWithoutPullRequestsHasNoContributions() throws Exception {
        gitea.stub(api(SEARCH + "&page=1"), json("[]").withHeader("X-Total-Count", "0"));

        assertThat(contributions()).isEmpty();
    }
}
