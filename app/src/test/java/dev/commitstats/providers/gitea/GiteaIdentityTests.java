package dev.commitstats.providers.gitea;

import static dev.commitstats.providers.gitea.FakeGitea.api;
import static dev.commitstats.providers.gitea.FakeGitea.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderKind;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who the account is in commits: verified emails, and the user name git authenticates with. */
class GiteaIdentityTests {

    private FakeGitea gitea;

    @BeforeEach
    void start() {
        gitea = new FakeGitea();
    }

    @AfterEach
    void stop() {
        gitea.close();
    }

    @Test
    void onlyVerifiedEmailsAreTheUsers() throws Exception {
        gitea.stub(api("/user/emails"), json("""
                [{"email": "alice@example.org", "verified": true, "primary": true, "user_id": 7, "username": "alice"},
                 {"email": "alice@old-job.example", "verified": false, "primary": false, "user_id": 7,
                  "username": "alice"},
                 {"email": "alice@work.example", "verified": true, "primary": false, "user_id": 7,
                  "username": "alice"}]
                """));

        assertThat(gitea.provider.verifiedEmails(gitea.account))
                .containsExactly("alice@example.org", "alice@work.example");
    }

    @Test
    void aTokenWithoutReadUserHasNoEmailsButAnError() {
        gitea.stub(api("/user/emails"), gitea.missingScope("read:user"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> gitea.provider.verifiedEmails(gitea.account));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("[read:user]");
    }

    @Test
    void gitAuthenticatesAsOauth2WithABareToken() {
        assertThat(gitea.provider.gitUsername(gitea.account)).isEqualTo("oauth2");
    }

    @Test
    void gitAuthenticatesAsTheAccountsUserNameWhenItHasOne() {
        ProviderAccount named = new ProviderAccount(ProviderKind.GITEA, URI.create("https://codeberg.org"), "alice",
                FakeGitea.TOKEN);

        assertThat(gitea.provider.gitUsername(named)).isEqualTo("alice");
    }
}
