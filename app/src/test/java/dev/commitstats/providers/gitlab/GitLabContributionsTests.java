package dev.commitstats.providers.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.commitstats.providers.gitlab.FakeGitLab.api;
import static dev.commitstats.providers.gitlab.FakeGitLab.json;
import static dev.commitstats.providers.gitlab.FakeGitLab.mergedMergeRequest;
import static dev.commitstats.providers.gitlab.FakeGitLab.project;
import static dev.commitstats.providers.gitlab.FakeGitLab.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabContributionsTests {

    private static final String MERGED = "/merge_requests?scope=created_by_me&state=merged&per_page=100";
    private static final String NOT_A_MEMBER = "\"permissions\": {\"project_access\": null, \"group_access\": null}";

    private FakeGitLab gitlab;

    @BeforeEach
    void start() {
        gitlab = new FakeGitLab();
        gitlab.stub(api("/user"), json(user("alice")));
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    private List<DiscoveredRepository> contributions() throws Exception {
        return gitlab.provider.contributions(gitlab.account);
    }

    private void singleProject(long id, String json) {
        gitlab.stub(api("/projects/" + id), json(json));
    }

    @Test
    void publicProjectsOfOthersThatMergedTheUsersMergeRequestsAreOpenSourceContributions() throws Exception {
        gitlab.stub(api(MERGED), json("[" + mergedMergeRequest(1001, 11) + "," + mergedMergeRequest(1002, 12) + ","
                + mergedMergeRequest(1003, 11) + "]")
                .withHeader("Link", "<" + gitlab.base() + "/api/v4" + MERGED + "&page=2>; rel=\"next\", <"
                        + gitlab.base() + "/api/v4" + MERGED + "&page=2>; rel=\"last\"")
                .withHeader("X-Next-Page", "2").withHeader("X-Total", "4"));
        gitlab.stub(api(MERGED + "&page=2"), json("[" + mergedMergeRequest(1004, 13) + "]")
                .withHeader("X-Next-Page", ""));
        singleProject(11, project(11, "gnome/core", "group", "shell", "public", false, false, NOT_A_MEMBER));
        singleProject(12, project(12, "inkscape", "group", "inkscape", "public", false, false, NOT_A_MEMBER));
        singleProject(13, project(13, "bob", "user", "tools", "public", false, false, NOT_A_MEMBER));

        List<DiscoveredRepository> found = contributions();

        assertThat(found).extracting(DiscoveredRepository::name).containsExactly("shell", "inkscape", "tools");
        assertThat(found).allMatch(DiscoveredRepository::openSource);
        assertThat(found.get(0).ownerGroup()).isEqualTo("gnome/core");
        assertThat(found.get(2).ownerKind()).isEqualTo(OwnerKind.USER);
        gitlab.server.verify(1, getRequestedFor(urlEqualTo("/api/v4/projects/11")));
    }

    @Test
    void theUsersOwnPrivateForkedAndMemberProjectsAreNotContributions() throws Exception {
        gitlab.stub(api(MERGED), json("[" + String.join(",", mergedMergeRequest(1, 21), mergedMergeRequest(2, 22),
                mergedMergeRequest(3, 23), mergedMergeRequest(4, 24)) + "]"));
        singleProject(21, project(21, "alice", "user", "dotfiles", "public", false, false, NOT_A_MEMBER));
        singleProject(22, project(22, "acme", "group", "secret", "private", false, false, NOT_A_MEMBER));
        singleProject(23, project(23, "bob", "user", "linux", "public", false, true, NOT_A_MEMBER));
        singleProject(24, project(24, "acme", "group", "api", "public", false, false,
                "\"permissions\": {\"project_access\": {\"access_level\": 30, \"notification_level\": 3},"
                        + " \"group_access\": null}"));

        assertThat(contributions()).isEmpty();
    }

    @Test
    void aProjectGoneSinceItsMergeRequestIsSkipped() throws Exception {
        gitlab.stub(api(MERGED), json("[" + mergedMergeRequest(1, 31) + "," + mergedMergeRequest(2, 32) + "]"));
        gitlab.stub(api("/projects/31"), json(404, "{\"message\":\"404 Project Not Found\"}"));
        singleProject(32, project(32, "gnome", "group", "gtk", "public", false, false, NOT_A_MEMBER));

        assertThat(contributions()).extracting(DiscoveredRepository::name).containsExactly("gtk");
    }

    @Test
    void aUserWithoutMergedMergeRequestsHasNoContributions() throws Exception {
        gitlab.stub(api(MERGED), json("[]"));

        assertThat(contributions()).isEmpty();
    }
}
