package dev.commitstats.providers.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import java.net.URI;

import org.junit.jupiter.api.Test;

class GitHubApiTests {

    private static final URI DOTCOM = URI.create(GitHubApi.DOTCOM_API);

    @Test
    void githubComIsServedByTheApiHost() throws Exception {
        assertThat(GitHubApi.root(URI.create("https://github.com"), DOTCOM)).hasToString("https://api.github.com");
        assertThat(GitHubApi.root(URI.create("https://GitHub.com/"), DOTCOM)).hasToString("https://api.github.com");
    }

    @Test
    void anEnterpriseServerIsServedUnderApiV3() throws Exception {
        assertThat(GitHubApi.root(URI.create("https://ghe.example.com"), DOTCOM))
                .hasToString("https://ghe.example.com/api/v3");
        assertThat(GitHubApi.root(URI.create("https://ghe.example.com/api/v3"), DOTCOM))
                .hasToString("https://ghe.example.com/api/v3");
    }

    @Test
    void messagesNameGitHubOrTheEnterpriseHost() throws Exception {
        assertThat(GitHubApi.of(account("https://github.com"), DOTCOM).name()).isEqualTo("GitHub");
        assertThat(GitHubApi.of(account("https://ghe.example.com"), DOTCOM).name()).isEqualTo("ghe.example.com");
    }

    @Test
    void theTokenIsSentAsABearerButNeverPrinted() throws Exception {
        GitHubApi api = GitHubApi.of(account("https://github.com"), DOTCOM);
        assertThat(api.headers()).containsEntry("Authorization", "Bearer s3cr3t")
                .containsEntry("Accept", "application/vnd.github+json")
                .containsEntry("X-GitHub-Api-Version", "2022-11-28");
        assertThat(api.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void nextPagesAreFollowedOnTheApiOriginOnly() throws Exception {
        GitHubApi api = GitHubApi.of(account("https://github.com"), DOTCOM);
        assertThat(api.serves(URI.create("https://api.github.com/user/repos?page=2"))).isTrue();
        assertThat(api.serves(URI.create("https://api.github.com:443/user/repos?page=2"))).isTrue();
        assertThat(api.serves(URI.create("https://evil.example/user/repos?page=2"))).isFalse();
        assertThat(api.serves(URI.create("http://api.github.com/user/repos?page=2"))).isFalse();
    }

    private static ProviderAccount account(String base) {
        return new ProviderAccount(ProviderKind.GITHUB, URI.create(base), null, "s3cr3t");
    }
}
