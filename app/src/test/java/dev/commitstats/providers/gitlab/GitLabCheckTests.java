package dev.commitstats.providers.gitlab;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.commitstats.providers.gitlab.FakeGitLab.NOW;
import static dev.commitstats.providers.gitlab.FakeGitLab.TOKEN;
import static dev.commitstats.providers.gitlab.FakeGitLab.api;
import static dev.commitstats.providers.gitlab.FakeGitLab.expired;
import static dev.commitstats.providers.gitlab.FakeGitLab.json;
import static dev.commitstats.providers.gitlab.FakeGitLab.rateLimited;
import static dev.commitstats.providers.gitlab.FakeGitLab.tokenSelf;
import static dev.commitstats.providers.gitlab.FakeGitLab.unauthorized;
import static dev.commitstats.providers.gitlab.FakeGitLab.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabCheckTests {

    private FakeGitLab gitlab;

    @BeforeEach
    void start() {
        gitlab = new FakeGitLab();
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    private TokenCheck check() {
        TokenCheck check = gitlab.provider.check(gitlab.account);
        assertThat(check.message()).doesNotContain(TOKEN);
        return check;
    }

    private void userIs(String login, String scopesJson, String expiresAt) {
        gitlab.stub(api("/user"), json(user(login)));
        gitlab.stub(api("/personal_access_tokens/self"), json(tokenSelf(scopesJson, expiresAt)));
    }

    @Test
    void aReadOnlyTokenIsValidForItsLoginWithItsScopesAndExpiry() {
        userIs("alice", "[\"read_api\", \"read_repository\"]", "2026-12-31");

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("valid for alice");
        assertThat(check.accountLogin()).isEqualTo("alice");
        assertThat(check.scopes()).containsExactly("read_api", "read_repository");
        assertThat(check.expiresAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(check.warning()).isNull();
    }

    @Test
    void aTokenThatCanWriteIsValidWithAWarningRecommendingAReadOnlyOne() {
        userIs("alice", "[\"api\", \"write_repository\"]", "2026-12-31");

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.warning()).isEqualTo("this token can write (api, write_repository): "
                + "a token with only read_api and read_repository is enough");
    }

    @Test
    void aTokenWithoutReadApiIsInsufficientAndNamesTheScopeToAdd() {
        userIs("alice", "[\"read_user\", \"read_repository\"]", "2026-12-31");

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message())
                .isEqualTo("the token lacks the scope read_api: give it read_api and read_repository");
        assertThat(check.accountLogin()).isEqualTo("alice");
    }

    @Test
    void aTokenThatCannotCloneIsInsufficientAndNamesReadRepository() {
        userIs("alice", "[\"read_api\"]", null);

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message()).startsWith("the token lacks the scope read_repository:");
        assertThat(check.expiresAt()).isNull();
    }

    @Test
    void aTokenWhoseScopesGitLabDoesNotReportIsJudgedByTheUserEndpointAlone() {
        // project, group and OAuth tokens have no /personal_access_tokens/self: WireMock answers 404 as GitLab does
        gitlab.stub(api("/user"), json(user("alice")));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.scopes()).isEmpty();
        assertThat(check.expiresAt()).isNull();
        assertThat(check.warning()).isNull();
    }

    @Test
    void aFineGrainedTokenIsNotJudgedByItsClassicScopes() {
        gitlab.stub(api("/user"), json(user("alice")));
        gitlab.stub(api("/personal_access_tokens/self"), json("""
                {"id": 5, "name": "fine", "revoked": false, "scopes": [], "user_id": 42, "active": true,
                 "expires_at": "2026-06-30",
                 "granular_scopes": [{"access": "all_memberships", "permissions": ["read_repository"]}]}
                """));

        assertThat(check().status()).isEqualTo(TokenStatus.VALID);
    }

    @Test
    void aRevokedTokenIsInvalid() {
        gitlab.stub(api("/user"), unauthorized());

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).startsWith("GitLab at localhost does not accept the token: it is revoked");
    }

    @Test
    void anExpiredTokenIsExpired() {
        gitlab.stub(api("/user"), expired());

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(check.message()).isEqualTo("the token has expired: GitLab at localhost no longer accepts it");
    }

    @Test
    void aTokenWithoutAnyApiScopeIsInsufficientAndNamesTheScopesToGive() {
        gitlab.stub(api("/user"), json(403, """
                {"error":"insufficient_scope","error_description":"The request requires higher privileges than \
                provided by the access token.","scope":"api read_api read_user"}"""));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message())
                .isEqualTo("the token cannot read the API: give it the scopes read_api and read_repository");
    }

    @Test
    void aRateLimitLiftingInAnHourIsReportedWithItsTime() {
        gitlab.stub(api("/user"), rateLimited(3600));

        TokenCheck check = check();

        Instant lifts = NOW.plusSeconds(3600);
        assertThat(check.status()).isEqualTo(TokenStatus.RATE_LIMITED);
        assertThat(check.retryAt()).isEqualTo(lifts);
        assertThat(check.message()).isEqualTo("localhost rate limited until "
                + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(lifts));
        assertThat(gitlab.waits).isEmpty();
    }

    @Test
    void aRateLimitLiftingInSecondsIsWaitedOut() {
        gitlab.stub(api("/user").inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("lifted"),
                rateLimited(20));
        gitlab.stub(api("/user").inScenario("limit").whenScenarioStateIs("lifted"), json(user("alice")));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(gitlab.waits).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void aBaseUrlWithoutGitLabBehindItIsUnreachable() {
        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message())
                .isEqualTo("there is no GitLab API at " + gitlab.base() + "/api/v4 (404): check the base URL");
    }

    @Test
    void anAnswerThatIsNotJsonIsUnreachableWithAReadableMessage() {
        gitlab.stub(api("/user"), json("<html><body>Sign in</body></html>"));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).isEqualTo("localhost answered current user with malformed JSON");
    }

    @Test
    void aHostThatIsDownIsUnreachableAfterTwoRetries() {
        gitlab.server.stop();

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).startsWith("could not reach localhost");
        assertThat(gitlab.waits).isEqualTo(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }
}
