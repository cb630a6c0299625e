package dev.commitstats.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

class UserAccountsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @DatabaseTest
    void createsAndFindsUsersByLogin(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        User ada = accounts.create("ada", "Ada Lovelace", ZoneId.of("Europe/London"));
        assertThat(accounts.find("ada")).contains(ada);
        assertThat(accounts.require("ada")).isEqualTo(ada);
        assertThat(accounts.findOrCreate("ada")).isEqualTo(ada);
        User bob = accounts.findOrCreate("bob");
        assertThat(bob.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(bob.displayName()).isEqualTo("bob");
        assertThat(bob.id()).isNotEqualTo(ada.id());
        assertThat(accounts.find("nobody")).isEmpty();
        assertThat(db.jdbc().sql("SELECT created_at FROM users WHERE login = 'ada'").query(Long.class).single())
                .isEqualTo(CLOCK.instant().getEpochSecond());
    }

    @DatabaseTest
    void aTakenOrBlankLoginIsRefused(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        accounts.create("ada", null, ZoneOffset.UTC);
        assertThatThrownBy(() -> accounts.create("ada", null, ZoneOffset.UTC))
                .isInstanceOfSatisfying(UseCaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.CONFLICT))
                .hasMessageContaining("taken");
        assertThatThrownBy(() -> accounts.findOrCreate(" ")).isInstanceOfSatisfying(UseCaseException.class,
                e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.INVALID));
    }

    @DatabaseTest
    void anUnknownLoginIsNotFound(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        assertThatThrownBy(() -> accounts.require("nobody")).isInstanceOf(UnknownUserException.class)
                .hasMessage("no user 'nobody' in this database: collect their commits first");
    }

    @DatabaseTest
    void identitiesAreLowerCasedAndUniquePerUser(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        long bob = accounts.create("bob", null, ZoneOffset.UTC).id();
        assertThat(accounts.addIdentities(ada, List.of("Ada@Example.COM", " ada@example.com ", "ada@work.example")))
                .containsExactly("ada@example.com", "ada@work.example");
        assertThat(accounts.addIdentities(ada, List.of("ADA@example.com"))).isEmpty();
        accounts.addIdentities(bob, List.of("ada@example.com"));
        assertThat(accounts.identities(ada)).containsExactly("ada@example.com", "ada@work.example");
        assertThat(accounts.identities(bob)).containsExactly("ada@example.com");
    }

    @DatabaseTest
    void identitiesAreAllCheckedBeforeAnyIsAdded(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        for (String bad : List.of("ada", "@example.com", "ada@", "a da@example.com", "")) {
            assertThatThrownBy(() -> accounts.addIdentities(ada, List.of("ok@example.com", bad))).as(bad)
                    .isInstanceOf(UseCaseException.class).hasMessageContaining("not an email address");
        }
        assertThat(accounts.identities(ada)).isEmpty();
    }

    @DatabaseTest
    void publishesACv(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        accounts.setPublished(ada, true);
        assertThat(accounts.requireUser(ada).published()).isTrue();
        accounts.setPublished(ada, false);
        assertThat(accounts.requireUser(ada).published()).isFalse();
    }

    @DatabaseTest
    void emailsAHostVerifiedAreMarkedVerifiedIncludingOnesTheUserTypedBefore(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        accounts.addIdentities(ada, java.util.List.of("ada@example.com", "old@example.com"));

        assertThat(accounts.addVerifiedIdentities(ada, java.util.List.of("Ada@Example.com", "ada@work.example")))
                .as("only the new one is added").containsExactly("ada@work.example");
        assertThat(accounts.verifiedIdentities(ada)).containsExactly("ada@example.com", "ada@work.example");
        assertThat(accounts.identities(ada)).contains("old@example.com");
    }
}
