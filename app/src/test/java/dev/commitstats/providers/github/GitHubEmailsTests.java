package dev.commitstats.providers.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.commitstats.providers.ProviderException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in is an Enterprise Server, where the noreply address is only what {@code /user/emails} lists; for the
 * github.com address computed from {@code /user}, it plays github.com's API.
 */
class GitHubEmailsTests {

    private final GitHubServer github = new GitHubServer();

    @BeforeEach
    void user() {
        github.wireMock.stubFor(get(urlEqualTo("/api/v3/user")).willReturn(okJson(github.payload("user.json"))));
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void onlyVerifiedAddressesCountTheNoreplyOneIncluded() throws Exception {
        stubEmails(okJson(github.payload("emails.json")));
        assertThat(github.provider.verifiedEmails(github.account))
                .containsExactly("octocat@github.com", "1+octocat@users.noreply.github.com");
    }

    @Test
    void everyPageOfAddressesIsRead() throws Exception {
        github.wireMock.stubFor(get(urlPathEqualTo("/api/v3/user/emails")).withQueryParam("page", absent())
                .willReturn(okJson(github.payload("emails-without-noreply.json")).withHeader("Link",
                        "<" + github.api() + "/user/emails?per_page=100&page=2>; rel=\"next\", <" + github.api()
                                + "/user/emails?per_page=100&page=2>; rel=\"last\"")));
        github.wireMock.stubFor(get(urlPathEqualTo("/api/v3/user/emails")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("[{\"email\":\"mona@work.example\",\"primary\":false,\"verified\":true,"
                        + "\"visibility\":null}]")));
        assertThat(github.provider.verifiedEmails(github.account))
                .containsExactly("octocat@github.com", "mona@work.example");
    }

    @Test
    void aTokenWithoutTheEmailPermissionGivesNoAddressesNotAnError() throws Exception {
        stubEmails(aResponse().withStatus(403).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Resource not accessible by personal access token\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-"
                        + "user\",\"status\":\"403\"}"));
        assertThat(github.provider.verifiedEmails(github.account)).isEmpty();
    }

    @Test
    void aClassicTokenWithoutUserEmailScopeGivesNoAddressesNotAnError() throws Exception {
        stubEmails(aResponse().withStatus(404).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        assertThat(github.provider.verifiedEmails(github.account)).isEmpty();
    }

    @Test
    void aRevokedTokenIsStillAnError() {
        stubEmails(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        assertThatThrownBy(() -> github.provider.verifiedEmails(github.account))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void onGitHubComTheNoreplyAddressIsAddedWhenNotListed() throws Exception {
        stubEmails(okJson(github.payload("emails-without-noreply.json")));
        assertThat(github.dotcom.verifiedEmails(github.dotcomAccount))
                .containsExactly("octocat@github.com", "1+octocat@users.noreply.github.com");
    }

    @Test
    void onGitHubComARevokedTokenIsAnErrorNotAnAccountWithoutAddresses() {
        github.wireMock.stubFor(get(urlEqualTo("/api/v3/user")).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        assertThatThrownBy(() -> github.dotcom.verifiedEmails(github.dotcomAccount))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void onGitHubComTheNoreplyAddressIsAddedEvenWithoutTheEmailPermission() throws Exception {
        stubEmails(aResponse().withStatus(403).withBody("{\"message\":\"Resource not accessible by personal access "
                + "token\"}"));
        assertThat(github.dotcom.verifiedEmails(github.dotcomAccount))
                .containsExactly("1+octocat@users.noreply.github.com");
    }

    private void stubEmails(ResponseDefinitionBuilder response) {
        github.wireMock.stubFor(get(urlPathEqualTo("/api/v3/user/emails")).willReturn(response));
    }
}
