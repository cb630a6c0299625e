package dev.commitstats.providers.gitlab;

import static dev.commitstats.providers.gitlab.FakeGitLab.api;
import static dev.commitstats.providers.gitlab.FakeGitLab.json;
import static dev.commitstats.providers.gitlab.FakeGitLab.unauthorized;
import static dev.commitstats.providers.gitlab.FakeGitLab.user;
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
class GitLabIdentityTests {

    private FakeGitLab gitlab;

    @BeforeEach
    void start() {
        gitlab = new FakeGitLab();
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    @Test
    void verifiedEmailsAreTheUsersOwnAddressesAndTheConfirmedSecondaryOnes() throws Exception {
        gitlab.stub(api("/user"), json(user("alice")));
        gitlab.stub(api("/user/emails?per_page=100"), json("""
                [{"id": 1, "email": "alice@work.example", "confirmed_at": "2021-03-26T19:07:56.248Z"},
                 {"id": 3, "email": "alice@typo.example", "confirmed_at": null},
                 {"id": 4, "email": "Alice@Example.org", "confirmed_at": "2020-01-02T03:04:05.000Z"}]
                """).withHeader("X-Next-Page", "").withHeader("X-Total", "3"));

        assertThat(gitlab.provider.verifiedEmails(gitlab.account)).containsExactly(
                "alice@example.org", "42-alice@users.noreply.gitlab.com", "alice@work.example");
    }

    @Test
    void aUserWithoutSecondaryEmailsHasTheirOwnAddresses() throws Exception {
        gitlab.stub(api("/user"), json(user("alice")));
        gitlab.stub(api("/user/emails?per_page=100"), json("[]"));

        assertThat(gitlab.provider.verifiedEmails(gitlab.account))
                .containsExactly("alice@example.org", "42-alice@users.noreply.gitlab.com");
    }

    @Test
    void aRevokedTokenHasNoEmailsButAnError() {
        gitlab.stub(api("/user"), unauthorized());

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> gitlab.provider.verifiedEmails(gitlab.account));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
    }

    @Test
    void gitAuthenticatesAsOauth2WithABareToken() {
        assertThat(gitlab.provider.gitUsername(gitlab.account)).isEqualTo("oauth2");
    }

    @Test
    void gitAuthenticatesAsTheAccountsUserNameWhenItHasOne() {
        ProviderAccount named = new ProviderAccount(ProviderKind.GITLAB, URI.create("https://gitlab.com"), "alice",
                FakeGitLab.TOKEN);

        assertThat(gitlab.provider.gitUsername(named)).isEqualTo("alice");
    }
}
