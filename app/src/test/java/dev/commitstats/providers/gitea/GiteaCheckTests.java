package dev.commitstats.providers.gitea;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.commitstats.providers.gitea.FakeGitea.NOW;
import static dev.commitstats.providers.gitea.FakeGitea.TOKEN;
import static dev.commitstats.providers.gitea.FakeGitea.api;
import static dev.commitstats.providers.gitea.FakeGitea.json;
import static dev.commitstats.providers.gitea.FakeGitea.rateLimited;
import static dev.commitstats.providers.gitea.FakeGitea.repository;
import static dev.commitstats.providers.gitea.FakeGitea.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaCheckTests {

    private static final String REPOS_PROBE = "/user/repos?limit=1";
    private static final String PULLS_PROBE = "/repos/issues/search?type=pulls&state=closed&created=true&limit=1";

    private FakeGitea gitea;

    @BeforeEach
    void start() {
        gitea = new FakeGitea();
    }

    @AfterEach
    void stop() {
        gitea.close();
    }

    private TokenCheck check() {
        TokenCheck check = gitea.provider.check(gitea.account);
        assertThat(check.message()).doesNotContain(TOKEN);
        return check;
    }

    private void everythingReadable() {
        gitea.stub(api("/user"), json(user("alice")));
        gitea.stub(api(REPOS_PROBE), json("[" + repository(1, "alice", "dotfiles") + "]")
                .withHeader("X-Total-Count", "12"));
        gitea.stub(api(PULLS_PROBE), json("[]").withHeader("X-Total-Count", "0"));
    }

    @Test
    void aTokenThatReadsUserRepositoriesAndIssuesIsValidForItsLogin() {
        everythingReadable();

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("valid for alice");
        assertThat(check.accountLogin()).isEqualTo("alice");
        // Gitea reports neither scopes nor expiry to the token itself
        assertThat(check.scopes()).isEmpty();
        assertThat(check.expiresAt()).isNull();
        assertThat(check.warning()).isNull();
    }

    @Test
    void aRevokedTokenIsInvalid() {
        gitea.stub(api("/user"), gitea.unauthorized());

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).startsWith("Gitea/Forgejo at localhost does not accept the token");
    }

    @Test
    void aTokenWithoutReadUserIsInsufficientWithTheHostsMessage() {
        gitea.stub(api("/user"), gitea.missingScope("read:user"));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message()).isEqualTo("Gitea/Forgejo at localhost refused the token (token does not have at "
                + "least one of required scope(s): [read:user]): it needs read:user and read:repository");
    }

    @Test
    void aTokenWithoutReadRepositoryIsInsufficientThoughItKnowsTheUser() {
        gitea.stub(api("/user"), json(user("alice")));
        gitea.stub(api(REPOS_PROBE), gitea.missingScope("read:repository"));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.accountLogin()).isEqualTo("alice");
        assertThat(check.message()).contains("[read:repository]");
    }

    @Test
    void aTokenWithoutReadIssueIsValidWithAWarningAboutContributions() {
        everythingReadable();
        gitea.stub(api(PULLS_PROBE), gitea.missingScope("read:issue"));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.warning()).startsWith("without read:issue the pull requests merged into other people's "
                + "repositories cannot be found");
    }

    @Test
    void aRateLimitLiftingInAnHourIsReportedWithItsTime() {
        gitea.stub(api("/user"), rateLimited(3600));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.RATE_LIMITED);
        assertThat(check.retryAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(check.message()).isEqualTo("localhost rate limited until "
                + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(NOW.plusSeconds(3600)));
    }

    @Test
    void aRateLimitLiftingInSecondsIsWaitedOut() {
        everythingReadable();
        gitea.stub(api("/user").inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("lifted"),
                rateLimited(5));
        gitea.stub(api("/user").inScenario("limit").whenScenarioStateIs("lifted"), json(user("alice")));

        assertThat(check().status()).isEqualTo(TokenStatus.VALID);
        assertThat(gitea.waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aBaseUrlWithoutGiteaBehindItIsUnreachable() {
        gitea.stub(api("/user"), gitea.error(404, "not found"));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).isEqualTo("there is no Gitea/Forgejo API at " + gitea.base()
                + "/api/v1 (404): check the base URL");
    }

    @Test
    void anAnswerThatIsNotJsonIsUnreachableWithAReadableMessage() {
        gitea.stub(api("/user"), json("<html><head><title>Gitea</title></head></html>"));

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).isEqualTo("localhost answered current user with malformed JSON");
    }

    @Test
    void aHostThatIsDownIsUnreachable() {
        gitea.server.stop();

        TokenCheck check = check();

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).startsWith("could not reach localhost");
    }
}
