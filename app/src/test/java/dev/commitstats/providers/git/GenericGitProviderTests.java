package dev.commitstats.providers.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;

import org.junit.jupiter.api.Test;

/** A git server without an API: nothing to ask, so nothing is asked. */
class GenericGitProviderTests {

    // an address no test could reach: the provider must not try
    private static final URI UNREACHABLE = URI.create("https://git.invalid/scm");

    private final GenericGitProvider git = new GenericGitProvider();
    private final ProviderAccount anonymous = new ProviderAccount(ProviderKind.GIT, UNREACHABLE, null, "s3cret");
    private final ProviderAccount named = new ProviderAccount(ProviderKind.GIT, UNREACHABLE, "ada", "s3cret");

    @Test
    void checkIsValidWithoutContactingTheServerAndSaysTheFetchWillTell() {
        TokenCheck check = git.check(named);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("no API to check against: the token is tried on the first fetch");
        assertThat(check.accountLogin()).isEqualTo("ada");
        assertThat(check.warning()).isNull();
    }

    @Test
    void discoverIdentitiesAndContributionsAreEmpty() {
        assertThat(git.discover(named)).isEmpty();
        assertThat(git.verifiedEmails(named)).isEmpty();
        assertThat(git.contributions(named)).isEmpty();
    }

    @Test
    void gitUsernameIsTheAccountsUserNameElseGit() {
        assertThat(git.gitUsername(named)).isEqualTo("ada");
        assertThat(git.gitUsername(anonymous)).isEqualTo("git");
    }

    @Test
    void kindIsGit() {
        assertThat(git.kind()).isEqualTo(ProviderKind.GIT);
    }
}
