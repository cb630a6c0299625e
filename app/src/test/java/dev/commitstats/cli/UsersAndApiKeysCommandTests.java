package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import dev.commitstats.accounts.AccountSecurity;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/** {@code users} and {@code api-keys}: secrets come from standard input and never leave it except the key, once. */
class UsersAndApiKeysCommandTests {

    private static final String PASSWORD = "a long enough password";

    private static AccountSecurity security(TestDatabase db) {
        return new AccountSecurity(db.dataSource(), new UserAccounts(db.dataSource(), Clock.systemUTC()),
                Clock.systemUTC());
    }

    @DatabaseTest
    void createsAnAdminWithAPasswordFromStandardInputAndChangesIt(TestDatabase db) {
        CommandLineTests.Run created = TokenCommands.run(db, PASSWORD + "\n", "users", "create", "--login", "ada",
                "--email", "ada@example.com", "--email", "Ada@Work.example", "--admin", "--name", "Ada Lovelace");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("User 'ada' created (administrator).").doesNotContain(PASSWORD);
        assertThat(security(db).verify("ada", PASSWORD)).hasValueSatisfying(a -> {
            assertThat(a.admin()).isTrue();
            assertThat(a.displayName()).isEqualTo("Ada Lovelace");
            assertThat(a.identities()).extracting(i -> i.email()).containsExactly("ada@example.com",
                    "ada@work.example");
        });
        assertThat(security(db).setupPending()).isFalse();

        CommandLineTests.Run changed = TokenCommands.run(db, "another long password\n", "users", "password",
                "--login", "ada");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(security(db).verify("ada", PASSWORD)).isEmpty();
        assertThat(security(db).verify("ada", "another long password")).isPresent();

        CommandLineTests.Run list = TokenCommands.run(db, "", "users", "list");
        assertThat(list.out()).contains("ada").contains("yes").contains("password").contains("ada@example.com")
                .doesNotContain(PASSWORD).doesNotContain("bcrypt");
    }

    @DatabaseTest
    void refusesShortPasswordsTakenLoginsAndMissingInput(TestDatabase db) {
        CommandLineTests.Run tooShort = TokenCommands.run(db, "short\n", "users", "create", "--login", "ada");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).contains("at least 10 characters").doesNotContain("short\n");
        CommandLineTests.Run none = TokenCommands.run(db, "", "users", "create", "--login", "ada");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no password on standard input");
        assertThat(TokenCommands.run(db, "", "users", "create", "--login", "ada", "--no-password").exitCode())
                .isZero();
        assertThat(security(db).require("ada").hasPassword()).isFalse();
        CommandLineTests.Run taken = TokenCommands.run(db, PASSWORD + "\n", "users", "create", "--login", "ada");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("taken");
        CommandLineTests.Run badLogin = TokenCommands.run(db, PASSWORD + "\n", "users", "create", "--login", "../x");
        assertThat(badLogin.err()).contains("a login has 1 to 64 letters");
        assertThat(TokenCommands.run(db, PASSWORD + "\n", "users", "password", "--login", "nobody").err())
                .contains("no user 'nobody'");
    }

    @DatabaseTest
    void createsListsAndRevokesApiKeys(TestDatabase db) {
        TokenCommands.run(db, PASSWORD + "\n", "users", "create", "--login", "ada");
        CommandLineTests.Run created = TokenCommands.run(db, "", "api-keys", "create", "--user", "ada", "--scopes",
                "read,refresh,push", "--name", "ci");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("cs_").hasSize(46);
        assertThat(created.err()).contains("'ci'").contains("read,refresh,push").doesNotContain(key);
        ApiKeys keys = new ApiKeys(db.dataSource(), Clock.systemUTC());
        assertThat(keys.authenticate(key)).hasValueSatisfying(c -> assertThat(c.login()).isEqualTo("ada"));

        CommandLineTests.Run list = TokenCommands.run(db, "", "api-keys", "list", "--user", "ada");
        assertThat(list.out()).contains("ci").contains(key.substring(0, 11) + "…").contains("active")
                .doesNotContain(key);
        long id = keys.list(security(db).require("ada").id()).get(0).id();
        CommandLineTests.Run revoked = TokenCommands.run(db, "", "api-keys", "revoke", "--user", "ada",
                String.valueOf(id));
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(keys.authenticate(key)).isEmpty();
        assertThat(TokenCommands.run(db, "", "api-keys", "list", "--user", "ada", "--format", "json").out())
                .contains("\"revokedAt\"").doesNotContain(key);

        CommandLineTests.Run unknownScope = TokenCommands.run(db, "", "api-keys", "create", "--user", "ada",
                "--scopes", "read,admin");
        assertThat(unknownScope.exitCode()).isEqualTo(1);
        assertThat(unknownScope.err()).contains("unknown scope 'admin': use read, write, refresh, push");
        TokenCommands.run(db, PASSWORD + "\n", "users", "create", "--login", "bob");
        assertThat(TokenCommands.run(db, "", "api-keys", "revoke", "--user", "bob", String.valueOf(id)).err())
                .contains("no API key " + id);
    }
}
