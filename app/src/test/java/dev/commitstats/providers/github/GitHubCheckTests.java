package dev.commitstats.providers.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubCheckTests {

    private final GitHubServer github = new GitHubServer();

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void aValidTokenNamesItsUser() {
        stubUser(okJson(github.payload("user.json")));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("valid for octocat");
        assertThat(check.accountLogin()).isEqualTo("octocat");
    }

    @Test
    void theDocumentedHeadersAreSent() {
        stubUser(okJson(github.payload("user.json")));
        github.provider.check(github.account);
        github.wireMock.verify(getRequestedFor(urlEqualTo("/api/v3/user"))
                .withHeader("Authorization", equalTo("Bearer " + GitHubServer.TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    @Test
    void aClassicTokenWithRepoScopeIsWarnedThatReadOnlyIsEnough() {
        stubUser(okJson(github.payload("user.json")).withHeader("X-OAuth-Scopes", "repo, read:org, workflow"));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.scopes()).containsExactly("repo", "read:org", "workflow");
        assertThat(check.warning()).contains("can write (repo, workflow)")
                .contains("fine-grained token with Contents: read");
    }

    @Test
    void adminAndWriteScopesAreWarnedAbout() {
        stubUser(okJson(github.payload("user.json"))
                .withHeader("X-OAuth-Scopes", "admin:org, write:packages, delete_repo, read:user"));
        assertThat(github.provider.check(github.account).warning())
                .contains("can write (admin:org, write:packages, delete_repo)");
    }

    @Test
    void aClassicTokenWithoutRepoScopeIsWarnedItSeesPublicRepositoriesOnly() {
        stubUser(okJson(github.payload("user.json")).withHeader("X-OAuth-Scopes", "read:user, user:email"));
        assertThat(github.provider.check(github.account).warning()).contains("public repositories only");
    }

    @Test
    void aFineGrainedTokenHasNoScopesAndNoWarning() {
        // fine-grained tokens send no X-OAuth-Scopes: their permissions cannot be judged from here
        stubUser(okJson(github.payload("user.json")));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.scopes()).isEmpty();
        assertThat(check.warning()).isNull();
    }

    @Test
    void aFineGrainedTokenIsNotJudgedByAnEmptyScopesHeader() {
        stubUser(okJson(github.payload("user.json")).withHeader("X-OAuth-Scopes", ""));
        ProviderAccount fineGrained = new ProviderAccount(ProviderKind.GITHUB, URI.create(github.base()), null,
                "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV");
        assertThat(github.provider.check(fineGrained).warning()).isNull();
    }

    @Test
    void theExpirationHeaderGivesTheExpiryTime() {
        stubUser(okJson(github.payload("user.json"))
                .withHeader("GitHub-Authentication-Token-Expiration", "2026-05-01 12:00:00 UTC"));
        assertThat(github.provider.check(github.account).expiresAt())
                .isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    }

    @Test
    void aRevokedTokenIsInvalid() {
        stubUser(aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\","
                        + "\"status\":\"401\"}"));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).isEqualTo("localhost rejected the token: it was revoked, mistyped or has expired")
                .doesNotContain(GitHubServer.TOKEN);
    }

    @Test
    void onGitHubComMessagesSayGitHub() {
        stubUser(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}"));
        assertThat(github.dotcom.check(github.dotcomAccount).message())
                .isEqualTo("GitHub rejected the token: it was revoked, mistyped or has expired");
    }

    @Test
    void aRejectedTokenWhoseExpiryHasPassedIsExpired() {
        stubUser(aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("GitHub-Authentication-Token-Expiration", "2026-03-01 00:00:00 UTC")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(check.message()).contains("expired on 2026-03-01");
        assertThat(check.expiresAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void anOrganisationThatRequiresSsoMakesTheScopeInsufficient() {
        stubUser(aResponse().withStatus(403).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-GitHub-SSO", "required; url=https://github.com/orgs/octo-org/sso?authorization_request="
                        + "A5QSNIPXTMPLJ3H7UGOSEVTKCFOPDEDKNFXW4ZDJNZSV6ZTPOJBXE5DJN5XG")
                .withBody("{\"message\":\"Resource protected by organization SAML enforcement. You must grant your "
                        + "Personal Access token access to this organization.\",\"documentation_url\":"
                        + "\"https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-"
                        + "sign-on/\"}"));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message()).contains("the organisation requires SSO authorisation")
                .contains("github.com").doesNotContain("authorization_request").doesNotContain("A5QSNIP");
    }

    @Test
    void anExhaustedRateLimitThatLiftsLaterIsRateLimitedUntilItsResetTime() {
        stubUser(rateLimited(GitHubServer.NOW.plus(Duration.ofHours(1))));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.RATE_LIMITED);
        assertThat(check.message()).endsWith("rate limited until 14:05");
        assertThat(check.retryAt()).isEqualTo(GitHubServer.NOW.plus(Duration.ofHours(1)));
        assertThat(github.waits).isEmpty();
    }

    @Test
    void aBaseUrlWithoutGitHubBehindItIsUnreachableNotInvalid() {
        stubUser(aResponse().withStatus(404).withBody("<html>no such page</html>"));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).contains("check the base URL");
    }

    @Test
    void malformedJsonIsReportedNotThrown() {
        stubUser(okJson("{\"login\": \"octocat\", "));
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).isEqualTo("localhost answered the current user with malformed JSON");
    }

    @Test
    void aHostThatCannotBeReachedIsUnreachable() {
        github.close();  // nothing listens on the port any more
        TokenCheck check = github.provider.check(github.account);
        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).startsWith("could not reach localhost");
        assertThat(github.waits).hasSize(2);  // the two retries of a transient failure
    }

    static ResponseDefinitionBuilder rateLimited(Instant reset) {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Used", "5000").withHeader("X-RateLimit-Resource", "core")
                .withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                .withBody("{\"message\":\"API rate limit exceeded for user ID 1.\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\",\"status\":\"403\"}");
    }

    private void stubUser(ResponseDefinitionBuilder response) {
        github.wireMock.stubFor(get(urlEqualTo("/api/v3/user")).willReturn(response));
    }
}
