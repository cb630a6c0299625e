package dev.commitstats.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

class AccountSecurityTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static AccountSecurity security(TestDatabase db) {
        return new AccountSecurity(db.dataSource(), new UserAccounts(db.dataSource(), CLOCK), CLOCK);
    }

    @DatabaseTest
    void aPasswordIsStoredHashedAndVerified(TestDatabase db) {
        AccountSecurity security = security(db);
        assertThat(security.setupPending()).isTrue();
        Account ada = security.create(new NewAccount("ada", "Ada", List.of("Ada@Example.com"), false, null),
                "correct horse battery");
        assertThat(security.setupPending()).isFalse();
        assertThat(ada.hasPassword()).isTrue();
        assertThat(ada.identities()).containsExactly(new Account.Identity("ada@example.com", false));
        assertThat(db.jdbc().sql("SELECT password_hash FROM users WHERE id = :id").param("id", ada.id())
                .query(String.class).single()).startsWith("{bcrypt}$2").doesNotContain("correct horse");
        assertThat(security.verify("ada", "correct horse battery")).hasValueSatisfying(a ->
                assertThat(a.login()).isEqualTo("ada"));
        assertThat(security.verify("ada", "wrong horse battery")).isEmpty();
        assertThat(security.verify("nobody", "correct horse battery")).isEmpty();
        security.setPassword(ada.id(), "a new password here");
        assertThat(security.verify("ada", "correct horse battery")).isEmpty();
        assertThat(security.verify("ada", "a new password here")).isPresent();
        security.recordSignIn(ada.id());
        assertThat(security.require("ada").lastSignInAt()).isEqualTo(CLOCK.instant());
    }

    @DatabaseTest
    void anOAuthAccountHasNoPasswordAndCannotSignInWithOne(TestDatabase db) {
        AccountSecurity security = security(db);
        Account bob = security.create(new NewAccount("bob", null, List.of(), false, "https://example.com/a.png"),
                null);
        assertThat(bob.hasPassword()).isFalse();
        assertThat(bob.avatarUrl()).isEqualTo("https://example.com/a.png");
        assertThat(security.verify("bob", "")).isEmpty();
        assertThat(security.verify("bob", "anything at all")).isEmpty();
        assertThat(security.setupPending()).as("an account without password or admin leaves setup pending").isTrue();
    }

    @DatabaseTest
    void passwordsAndLoginsFollowTheRules(TestDatabase db) {
        AccountSecurity security = security(db);
        assertThatThrownBy(() -> security.create(new NewAccount("ada", null, List.of(), false, null), "short"))
                .isInstanceOf(UseCaseException.class).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> security.create(new NewAccount("ada", null, List.of(), false, null),
                "x".repeat(73))).hasMessageContaining("at most 72 bytes");
        assertThatThrownBy(() -> security.create(new NewAccount("a/b", null, List.of(), false, null),
                "long enough password")).hasMessageContaining("a login has 1 to 64");
        assertThatThrownBy(() -> security.create(new NewAccount("ada", null, List.of("not-an-email"), false, null),
                "long enough password")).hasMessageContaining("not an email address");
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
    }

    @DatabaseTest
    void theFirstAdminIsCreatedOnlyWhileSetupIsPending(TestDatabase db) {
        AccountSecurity security = security(db);
        Account root = security.createFirstAdmin("root", List.of(), "the admin password");
        assertThat(root.admin()).isTrue();
        assertThatThrownBy(() -> security.createFirstAdmin("other", List.of(), "the admin password"))
                .isInstanceOfSatisfying(UseCaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.CONFLICT));
        assertThat(security.sessionCaller(root.id())).hasValueSatisfying(c -> {
            assertThat(c.admin()).isTrue();
            assertThat(c.scopes()).isEqualTo(EnumSet.allOf(Caller.Scope.class));
        });
    }

    @DatabaseTest
    void keysAreHashedScopedAndRevocableByTheirOwnerOnly(TestDatabase db) {
        AccountSecurity security = security(db);
        long ada = security.create(new NewAccount("ada", null, List.of(), false, null), "long enough password").id();
        long bob = security.create(new NewAccount("bob", null, List.of(), false, null), "long enough password").id();
        ApiKeys keys = new ApiKeys(db.dataSource(), CLOCK);
        ApiKeys.Created created = keys.create(ada, " ci ", Set.of(Caller.Scope.READ, Caller.Scope.PUSH));
        assertThat(created.value()).startsWith("cs_").hasSize(46);
        assertThat(created.toString()).doesNotContain(created.value());
        assertThat(created.key().name()).isEqualTo("ci");
        assertThat(created.key().prefix()).isEqualTo(created.value().substring(0, 11));
        assertThat(db.jdbc().sql("SELECT key_hash FROM api_keys").query(String.class).single())
                .hasSize(64).doesNotContain(created.value().substring(3));
        assertThat(keys.authenticate(created.value())).hasValue(new Caller(ada, "ada", false,
                Set.of(Caller.Scope.READ, Caller.Scope.PUSH)));
        assertThat(keys.list(ada).get(0).lastUsedAt()).isEqualTo(CLOCK.instant());
        assertThat(keys.authenticate(created.value() + "x")).isEmpty();
        assertThat(keys.authenticate("not a key")).isEmpty();
        assertThatThrownBy(() -> keys.revoke(bob, created.key().id())).isInstanceOfSatisfying(
                UseCaseException.class, e -> assertThat(e.kind()).isEqualTo(UseCaseException.Kind.NOT_FOUND));
        assertThat(keys.authenticate(created.value())).isPresent();
        assertThat(keys.revoke(ada, created.key().id()).revoked()).isTrue();
        assertThat(keys.authenticate(created.value())).isEmpty();
        assertThatThrownBy(() -> keys.create(ada, "none", Set.of())).hasMessageContaining("at least one scope");
        assertThatThrownBy(() -> ApiKeys.parseScopes("read,everything")).hasMessageContaining("unknown scope");
        assertThat(ApiKeys.parseScopes(" READ , push ")).containsExactlyInAnyOrder(Caller.Scope.READ,
                Caller.Scope.PUSH);
    }
}
