package dev.commitstats.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class OAuthAccountsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static AccountSecurity security(TestDatabase db) {
        return new AccountSecurity(db.dataSource(), new UserAccounts(db.dataSource(), CLOCK), CLOCK);
    }

    private static OAuthAccounts oauth(TestDatabase db) {
        UserAccounts users = new UserAccounts(db.dataSource(), CLOCK);
        return new OAuthAccounts(db.dataSource(), users, new AccountSecurity(db.dataSource(), users, CLOCK), CLOCK);
    }

    private static ProviderProfile github(String id, String login, String... verified) {
        return new ProviderProfile("github", id, login, "The " + login, "https://avatars.example.com/" + id,
                List.of(verified));
    }

    @DatabaseTest
    void aFirstSignInCreatesTheUserWithTheVerifiedEmailsAndTheFirstBecomesAdmin(TestDatabase db) {
        OAuthAccounts oauth = oauth(db);
        OAuthAccounts.Outcome first = oauth.signIn(github("583231", "octocat", "Octocat@GitHub.com",
                "octo@example.com"));
        assertThat(first.created()).isTrue();
        Account octocat = first.account();
        assertThat(octocat.login()).isEqualTo("octocat");
        assertThat(octocat.displayName()).isEqualTo("The octocat");
        assertThat(octocat.avatarUrl()).isEqualTo("https://avatars.example.com/583231");
        assertThat(octocat.hasPassword()).isFalse();
        assertThat(octocat.admin()).as("the instance had no account: setup is done by this sign-in").isTrue();
        assertThat(octocat.identities()).containsExactly(new Account.Identity("octo@example.com", true),
                new Account.Identity("octocat@github.com", true));
        assertThat(first.addedEmails()).containsExactly("octocat@github.com", "octo@example.com");
        assertThat(oauth.links(octocat.id())).containsExactly(new OAuthAccounts.Link("github", "583231"));
        assertThat(security(db).setupPending()).isFalse();

        OAuthAccounts.Outcome second = oauth.signIn(github("9", "hubot"));
        assertThat(second.created()).isTrue();
        assertThat(second.account().admin()).as("only the first").isFalse();
    }

    @DatabaseTest
    void aLaterSignInReusesTheUserAndAddsNewlyVerifiedEmails(TestDatabase db) {
        OAuthAccounts oauth = oauth(db);
        long id = oauth.signIn(github("583231", "octocat", "octocat@github.com")).account().id();
        OAuthAccounts.Outcome again = oauth.signIn(new ProviderProfile("github", "583231", "renamed-octocat", "Other",
                "https://avatars.example.com/new", List.of("octocat@github.com", "new@example.com")));
        assertThat(again.created()).isFalse();
        assertThat(again.account().id()).isEqualTo(id);
        assertThat(again.account().login()).as("the login stays").isEqualTo("octocat");
        assertThat(again.account().displayName()).as("the name stays as the user may have set it")
                .isEqualTo("The octocat");
        assertThat(again.account().avatarUrl()).isEqualTo("https://avatars.example.com/new");
        assertThat(again.addedEmails()).containsExactly("new@example.com");
        assertThat(again.account().identities()).extracting(Account.Identity::email)
                .containsExactly("new@example.com", "octocat@github.com");
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(1);

        // the same subject at another provider is another user
        OAuthAccounts.Outcome gitlab = oauth.signIn(new ProviderProfile("gitlab", "583231", "octocat", null, null,
                List.of()));
        assertThat(gitlab.created()).isTrue();
        assertThat(gitlab.account().login()).isEqualTo("octocat-2");
    }

    @DatabaseTest
    void aTakenLoginGetsASuffixAndAnEmailVerifiedByAnotherAccountIsNotMerged(TestDatabase db) {
        AccountSecurity security = security(db);
        Account ada = security.create(new NewAccount("ada", "Ada", List.of(), true, null), "correct horse battery");
        new UserAccounts(db.dataSource(), CLOCK).addVerifiedIdentities(ada.id(), List.of("ada@example.com"));
        security.create(new NewAccount("ada-2", null, List.of(), false, null), null);

        OAuthAccounts.Outcome outcome = oauth(db).signIn(new ProviderProfile("oidc", "a1b2", "ada", "Ada L.", null,
                List.of("ada@example.com", "ada@work.example.com")));
        assertThat(outcome.created()).isTrue();
        assertThat(outcome.account().id()).isNotEqualTo(ada.id());
        assertThat(outcome.account().login()).isEqualTo("ada-3");
        assertThat(outcome.account().admin()).as("the instance has an admin").isFalse();
        assertThat(outcome.skippedEmails()).containsExactly("ada@example.com");
        assertThat(outcome.account().identities()).containsExactly(
                new Account.Identity("ada@work.example.com", true));
        assertThat(security.require("ada").identities()).containsExactly(new Account.Identity("ada@example.com",
                true));
    }

    @DatabaseTest
    void deletingTheUserDeletesItsLinks(TestDatabase db) {
        OAuthAccounts oauth = oauth(db);
        long id = oauth.signIn(github("1", "gone")).account().id();
        db.jdbc().sql("DELETE FROM users WHERE id = :id").param("id", id).update();
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM sign_in_identities").query(Long.class).single()).isZero();
        assertThat(oauth.signIn(github("1", "gone")).created()).isTrue();
    }

    @Test
    void aLoginIsDerivedFromTheUsernameOrTheEmailAndMadeValid() {
        assertThat(OAuthAccounts.loginBase(profile("octocat"))).isEqualTo("octocat");
        assertThat(OAuthAccounts.loginBase(profile("ada.lovelace@contoso.com"))).isEqualTo("ada.lovelace");
        assertThat(OAuthAccounts.loginBase(profile("José María"))).isEqualTo("Jos--Mar-a");
        assertThat(OAuthAccounts.loginBase(profile("__x__"))).isEqualTo("x");
        assertThat(OAuthAccounts.loginBase(profile("!!!"))).isEqualTo("user");
        assertThat(OAuthAccounts.loginBase(profile("a".repeat(80)))).hasSize(56);
        assertThat(OAuthAccounts.loginBase(new ProviderProfile("oidc", "s", null, null, null,
                List.of("first.last+tag@example.com")))).isEqualTo("first.last-tag");
        assertThat(OAuthAccounts.loginBase(new ProviderProfile("oidc", "s", " ", null, null, List.of())))
                .isEqualTo("user");
        for (String username : List.of("octocat", "ada.lovelace@contoso.com", "José María", "__x__", "!!!",
                "a".repeat(80), "-._", "日本語")) {
            AccountSecurity.requireNewLogin(OAuthAccounts.loginBase(profile(username)) + "-12");
        }
    }

    private static ProviderProfile profile(String username) {
        return new ProviderProfile("oidc", "s", username, null, null, List.of());
    }
}
