package dev.commitstats.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.Providers;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Adding, checking, replacing and removing tokens, with their secrets encrypted per row; on both databases. */
class TokensTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "ghp_TokensTestsSecret0123456789abcdef";
    private static final String OTHER_SECRET = "glpat-TokensTestsOther0123456789";

    /** Ada and Bob, a GitHub and a GitLab host that know a few secrets, and the events published. */
    private static final class Fixture {
        final TestDatabase db;
        final long ada;
        final long bob;
        final MapProvider github = new MapProvider(ProviderKind.GITHUB);
        final MapProvider gitlab = new MapProvider(ProviderKind.GITLAB);
        final List<Object> events = new ArrayList<>();

        Fixture(TestDatabase db) {
            this.db = db;
            UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
            this.ada = accounts.create("ada", null, ZoneOffset.UTC).id();
            this.bob = accounts.create("bob", null, ZoneOffset.UTC).id();
            github.answer(SECRET, new TokenCheck(TokenStatus.VALID, "valid for octocat", "octocat",
                    Instant.parse("2026-12-31T00:00:00Z"), List.of("repo", "read:org"),
                    "this token can write: a read-only token is enough", null));
            gitlab.answer(OTHER_SECRET, MapProvider.valid("ada-lab", "read_api"));
        }

        Tokens tokens() {
            return tokens(TokenCipher.open("", db.dataDir()), OutboundPolicy.strict(), CLOCK);
        }

        Tokens tokens(TokenCipher cipher, OutboundPolicy policy, Clock clock) {
            return new Tokens(db.dataSource(), cipher, Providers.of(List.of(github, gitlab)), policy, events::add,
                    clock);
        }

        String storedSecret(long tokenId) {
            return db.jdbc().sql("SELECT secret FROM tokens WHERE id = :id").param("id", tokenId)
                    .query(String.class).single();
        }

        void storeSecret(long tokenId, String ciphertext) {
            db.jdbc().sql("UPDATE tokens SET secret = :s WHERE id = :id").param("s", ciphertext).param("id", tokenId)
                    .update();
        }

        int rows() {
            return db.jdbc().sql("SELECT COUNT(*) FROM tokens").query(Integer.class).single();
        }
    }

    private static NewToken github(String name) {
        return new NewToken(name, ProviderKind.GITHUB, null, null);
    }

    private static void refused(ThrowingCallable call, UseCaseException.Kind kind, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UseCaseException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).isEqualTo(message).doesNotContain(SECRET);
        });
    }

    @DatabaseTest
    void addsATokenWithWhatItsHostSaidAboutIt(TestDatabase db) {
        Fixture f = new Fixture(db);
        TokenView t = f.tokens().add(f.ada, github("work"), SECRET);

        assertThat(t.userId()).isEqualTo(f.ada);
        assertThat(t.name()).isEqualTo("work");
        assertThat(t.provider()).isEqualTo(ProviderKind.GITHUB);
        assertThat(t.baseUrl()).isEqualTo("https://github.com");
        assertThat(t.username()).isNull();
        assertThat(t.status()).isEqualTo(TokenStatus.VALID);
        assertThat(t.message()).isEqualTo("valid for octocat");
        assertThat(t.accountLogin()).isEqualTo("octocat");
        assertThat(t.scopes()).containsExactly("repo", "read:org");
        assertThat(t.warning()).isEqualTo("this token can write: a read-only token is enough");
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(t.checkedAt()).isEqualTo(NOW);
        assertThat(t.retryAt()).isNull();
        assertThat(t.createdAt()).isEqualTo(NOW);
        assertThat(f.tokens().list(f.ada)).containsExactly(t);
        assertThat(f.tokens().byName(f.ada, " work ")).contains(t);
        assertThat(f.tokens().token(f.ada, t.id())).isEqualTo(t);
        assertThat(f.tokens().list(f.bob)).isEmpty();
        assertThat(f.github.checked).extracting(ProviderAccount::secret).containsExactly(SECRET);
    }

    @DatabaseTest
    void aTokenTheHostRefusesIsSavedWithItsStatus(TestDatabase db) {
        Fixture f = new Fixture(db);
        TokenView t = f.tokens().add(f.ada, github("old"), "ghp_revoked");
        assertThat(t.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(t.message()).isEqualTo("github.com does not know this token");
        assertThat(t.scopes()).isEmpty();
        assertThat(f.tokens().list(f.ada)).extracting(TokenView::name).containsExactly("old");
    }

    @DatabaseTest
    void aKindWithoutAProviderYetIsSavedAsUnreachable(TestDatabase db) {
        Fixture f = new Fixture(db);
        TokenView t = f.tokens().add(f.ada,
                new NewToken("forge", ProviderKind.GITEA, "https://codeberg.org/", "ada"), SECRET);
        assertThat(t.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(t.message()).isEqualTo("not checked: this instance cannot talk to Gitea/Forgejo hosts yet");
        assertThat(t.baseUrl()).isEqualTo("https://codeberg.org");
        assertThat(t.username()).isEqualTo("ada");
    }

    @DatabaseTest
    void theSecretIsStoredOnlyAsCiphertextAndComesBackForDiscovery(TestDatabase db) {
        Fixture f = new Fixture(db);
        long id = f.tokens().add(f.ada, new NewToken("lab", ProviderKind.GITLAB, "https://gitlab.example.com",
                "ada"), OTHER_SECRET).id();
        String stored = f.storedSecret(id);
        assertThat(stored).isNotBlank().doesNotContain(OTHER_SECRET);
        assertThat(new String(Base64.getDecoder().decode(stored), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(OTHER_SECRET);

        ProviderAccount account = f.tokens().account(id);
        assertThat(account.kind()).isEqualTo(ProviderKind.GITLAB);
        assertThat(account.base()).isEqualTo("https://gitlab.example.com");
        assertThat(account.username()).isEqualTo("ada");
        assertThat(account.secret()).isEqualTo(OTHER_SECRET);
        assertThat(account.toString()).doesNotContain(OTHER_SECRET);
    }

    @DatabaseTest
    void aTamperedCiphertextDoesNotDecrypt(TestDatabase db) {
        Fixture f = new Fixture(db);
        long id = f.tokens().add(f.ada, github("work"), SECRET).id();
        byte[] ct = Base64.getDecoder().decode(f.storedSecret(id));
        ct[10] ^= 0x40;
        f.storeSecret(id, Base64.getEncoder().encodeToString(ct));
        assertThatThrownBy(() -> f.tokens().account(id)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessage("token " + id + " cannot be decrypted: wrong keyset or tampered ciphertext");
    }

    @DatabaseTest
    void aCiphertextCopiedToAnotherTokenOfTheSameUserDoesNotDecrypt(TestDatabase db) {
        Fixture f = new Fixture(db);
        long work = f.tokens().add(f.ada, github("work"), SECRET).id();
        long other = f.tokens().add(f.ada, github("other"), "ghp_other").id();
        f.storeSecret(other, f.storedSecret(work));
        assertThatThrownBy(() -> f.tokens().account(other)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessageStartingWith("token " + other + " cannot be decrypted");
        assertThatThrownBy(() -> f.tokens().check(f.ada, other)).isInstanceOf(TokenCipher.CipherException.class);
    }

    @DatabaseTest
    void aCiphertextCopiedToAnotherUsersTokenDoesNotDecrypt(TestDatabase db) {
        Fixture f = new Fixture(db);
        long adas = f.tokens().add(f.ada, github("work"), SECRET).id();
        long bobs = f.tokens().add(f.bob, github("bobs"), "ghp_bob").id();
        f.storeSecret(bobs, f.storedSecret(adas));
        // and the same id with another owner: the row's user_id is part of the associated data
        f.db.jdbc().sql("UPDATE tokens SET user_id = :bob WHERE id = :id").param("bob", f.bob).param("id", adas)
                .update();
        assertThatThrownBy(() -> f.tokens().account(bobs)).isInstanceOf(TokenCipher.CipherException.class);
        assertThatThrownBy(() -> f.tokens().account(adas)).isInstanceOf(TokenCipher.CipherException.class);
    }

    @DatabaseTest
    void aNameMustBeGivenAndShort(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        refused(() -> tokens.add(f.ada, github("  "), SECRET), UseCaseException.Kind.INVALID,
                "a token name must not be empty");
        refused(() -> tokens.add(f.ada, github("x".repeat(101)), SECRET), UseCaseException.Kind.INVALID,
                "a token name must be at most 100 characters");
        refused(() -> tokens.add(f.ada, github("two\nlines"), SECRET), UseCaseException.Kind.INVALID,
                "a token name must be one line without control characters");
        assertThat(tokens.add(f.ada, github("x".repeat(100)), SECRET).name()).hasSize(100);
        assertThat(f.github.checked).hasSize(1);
    }

    @DatabaseTest
    void aNameTakenByTheSameUserIsAConflict(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        tokens.add(f.ada, github("work"), SECRET);
        refused(() -> tokens.add(f.ada, new NewToken(" work", ProviderKind.GITLAB, null, null), OTHER_SECRET),
                UseCaseException.Kind.CONFLICT, "you already have a token named 'work'");
        refused(() -> tokens.validate(f.ada, github("work")), UseCaseException.Kind.CONFLICT,
                "you already have a token named 'work'");
        assertThat(tokens.add(f.bob, github("work"), SECRET).userId()).isEqualTo(f.bob);
        assertThat(f.rows()).isEqualTo(2);
    }

    @DatabaseTest
    void aSecretMustBeOneWordWithoutWhitespaceInside(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        refused(() -> tokens.add(f.ada, github("a"), " \n"), UseCaseException.Kind.INVALID,
                "the token must not be empty");
        for (String bad : List.of(SECRET + " x", SECRET + "\tx", "x\n" + SECRET, SECRET + "\u00a0x")) {
            refused(() -> tokens.add(f.ada, github("a"), bad), UseCaseException.Kind.INVALID,
                    "the token must not contain spaces, tabs or line breaks: paste it alone on one line");
        }
        assertThat(f.rows()).isZero();
        assertThat(f.github.checked).isEmpty();
        // surrounding whitespace, as a pasted line has it, is not part of the token
        assertThat(tokens.add(f.ada, github("a"), "  " + SECRET + "\r\n").status()).isEqualTo(TokenStatus.VALID);
    }

    @DatabaseTest
    void giteaAndGitTokensNeedABaseUrlAndHostedOnesDefaultToTheService(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        refused(() -> tokens.add(f.ada, new NewToken("g", ProviderKind.GITEA, " ", null), SECRET),
                UseCaseException.Kind.INVALID, "a base URL is required for gitea tokens, e.g. https://git.example.com");
        refused(() -> tokens.add(f.ada, new NewToken("g", ProviderKind.GIT, null, null), SECRET),
                UseCaseException.Kind.INVALID, "a base URL is required for git tokens, e.g. https://git.example.com");
        assertThat(tokens.add(f.ada, new NewToken("lab", ProviderKind.GITLAB, null, null), OTHER_SECRET).baseUrl())
                .isEqualTo("https://gitlab.com");
        assertThat(tokens.add(f.ada, new NewToken("ghe", ProviderKind.GITHUB, "https://ghe.example.com/", null),
                SECRET).baseUrl()).isEqualTo("https://ghe.example.com");
    }

    @DatabaseTest
    void aBaseUrlMustBeHttpsToAPublicHostWithoutCredentialsOrQuery(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        Map<String, String> refusals = Map.of(
                "http://git.example.com", "the base URL is refused: plain http is refused for git.example.com: use "
                        + "https (an admin can allow it with COMMITSTATS_PROVIDERS_ALLOWED_HOSTS)",
                "https://127.0.0.1", "the base URL is refused: refused to connect to 127.0.0.1:443 (127.0.0.1 is a "
                        + "loopback, private, link-local or otherwise internal address; an admin can allow it with "
                        + "COMMITSTATS_PROVIDERS_ALLOWED_HOSTS)",
                "https://ada:hunter2@git.example.com", "the base URL must not contain a user name or password: give "
                        + "the user name apart and the token as the secret",
                "https://git.example.com/?private_token=hunter2", "the base URL must not contain a query or a fragment",
                "file:///etc/passwd", "the base URL is refused: not an absolute URL with a host: file:///etc/passwd",
                "https://exa mple.com", "the base URL is not a valid URL");
        refusals.forEach((url, message) -> refused(
                () -> tokens.add(f.ada, new NewToken("g", ProviderKind.GITEA, url, null), SECRET),
                UseCaseException.Kind.INVALID, message));
        assertThat(f.rows()).isZero();
    }

    @DatabaseTest
    void anAllowListedHostMayUsePlainHttp(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens(TokenCipher.open("", db.dataDir()), OutboundPolicy.allowing("git.corp"), CLOCK);
        TokenView t = tokens.add(f.ada, new NewToken("corp", ProviderKind.GIT, "http://git.corp:3000", "ada"), SECRET);
        assertThat(t.baseUrl()).isEqualTo("http://git.corp:3000");
    }

    @DatabaseTest
    void checkingAgainStoresTheHostsNewVerdict(TestDatabase db) {
        Fixture f = new Fixture(db);
        long id = f.tokens().add(f.ada, github("work"), SECRET).id();
        Instant later = NOW.plusSeconds(3600);
        f.github.answer(SECRET, new TokenCheck(TokenStatus.RATE_LIMITED, "github.com rate limited until 11:05", null,
                null, List.of(), null, later.plusSeconds(300)));

        TokenView t = f.tokens(TokenCipher.open("", db.dataDir()), OutboundPolicy.strict(),
                Clock.fixed(later, ZoneOffset.UTC)).check(f.ada, id);

        assertThat(t.id()).isEqualTo(id);
        assertThat(t.status()).isEqualTo(TokenStatus.RATE_LIMITED);
        assertThat(t.message()).isEqualTo("github.com rate limited until 11:05");
        assertThat(t.retryAt()).isEqualTo(later.plusSeconds(300));
        assertThat(t.checkedAt()).isEqualTo(later);
        assertThat(t.createdAt()).isEqualTo(NOW);
        assertThat(t.accountLogin()).isNull();
        assertThat(t.scopes()).isEmpty();
        assertThat(f.github.checked).extracting(ProviderAccount::secret).containsExactly(SECRET, SECRET);
    }

    @DatabaseTest
    void replacingASecretKeepsTheTokenAndPublishesTokenReplaced(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        TokenView before = tokens.add(f.ada, github("work"), "ghp_expired");
        assertThat(before.status()).isEqualTo(TokenStatus.INVALID);
        String oldCiphertext = f.storedSecret(before.id());

        TokenView after = tokens.replaceSecret(f.ada, before.id(), SECRET);

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.name()).isEqualTo("work");
        assertThat(after.status()).isEqualTo(TokenStatus.VALID);
        assertThat(after.accountLogin()).isEqualTo("octocat");
        assertThat(f.storedSecret(before.id())).isNotEqualTo(oldCiphertext);
        assertThat(tokens.account(before.id()).secret()).isEqualTo(SECRET);
        assertThat(f.events).containsExactly(new TokenReplaced(f.ada, before.id()));
        assertThat(f.rows()).isEqualTo(1);
    }

    @DatabaseTest
    void aRefusedReplacementChangesNothingAndPublishesNothing(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        long id = tokens.add(f.ada, github("work"), SECRET).id();
        String ciphertext = f.storedSecret(id);
        refused(() -> tokens.replaceSecret(f.ada, id, ""), UseCaseException.Kind.INVALID,
                "the token must not be empty");
        assertThat(f.storedSecret(id)).isEqualTo(ciphertext);
        assertThat(f.events).isEmpty();
    }

    @DatabaseTest
    void anotherUsersTokenIsNotFound(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        TokenView adas = tokens.add(f.ada, github("work"), SECRET);
        long id = adas.id();
        String message = "no token " + id;
        refused(() -> tokens.token(f.bob, id), UseCaseException.Kind.NOT_FOUND, message);
        refused(() -> tokens.check(f.bob, id), UseCaseException.Kind.NOT_FOUND, message);
        refused(() -> tokens.replaceSecret(f.bob, id, "ghp_bobs"), UseCaseException.Kind.NOT_FOUND, message);
        refused(() -> tokens.remove(f.bob, id), UseCaseException.Kind.NOT_FOUND, message);
        refused(() -> tokens.token(f.ada, id + 100), UseCaseException.Kind.NOT_FOUND, "no token " + (id + 100));
        assertThat(tokens.byName(f.bob, "work")).isEmpty();
        assertThat(tokens.token(f.ada, id)).isEqualTo(adas);
        assertThat(tokens.account(id).secret()).isEqualTo(SECRET);
        assertThat(f.events).isEmpty();
        assertThat(f.github.checked).hasSize(1);
    }

    @DatabaseTest
    void removingATokenForgetsItAndItsSecret(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        long id = tokens.add(f.ada, github("work"), SECRET).id();
        tokens.remove(f.ada, id);
        assertThat(tokens.list(f.ada)).isEmpty();
        assertThat(f.rows()).isZero();
        refused(() -> tokens.account(id), UseCaseException.Kind.NOT_FOUND, "no token " + id);
        assertThat(tokens.add(f.ada, github("work"), SECRET).id()).isNotEqualTo(id);
    }

    @DatabaseTest
    void aUsersTokensGoWithTheUser(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.tokens().add(f.ada, github("work"), SECRET);
        f.tokens().add(f.bob, github("work"), SECRET);
        f.db.jdbc().sql("DELETE FROM users WHERE id = :id").param("id", f.ada).update();
        assertThat(f.rows()).isEqualTo(1);
    }

    @DatabaseTest
    void rotationReencryptsEveryTokenWithANewKeyThatTheOldKeysetDoesNotHave(TestDatabase db) throws IOException {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        long a = tokens.add(f.ada, github("work"), SECRET).id();
        long b = tokens.add(f.ada, new NewToken("lab", ProviderKind.GITLAB, null, null), OTHER_SECRET).id();
        long c = tokens.add(f.bob, github("work"), "ghp_bob").id();
        Path file = db.dataDir().resolve(TokenCipher.KEYSET_FILE);
        String oldKeyset = Files.readString(file);
        Map<Long, String> before = Map.of(a, f.storedSecret(a), b, f.storedSecret(b), c, f.storedSecret(c));

        KeyRotation r = tokens.rotateKeys(null);

        assertThat(r).isEqualTo(new KeyRotation(3, file, false, 2));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        before.forEach((id, ct) -> assertThat(f.storedSecret(id)).as("token %d", id).isNotEqualTo(ct));
        Tokens restarted = f.tokens(); // reads the rotated keyset file afresh
        assertThat(restarted.account(a).secret()).isEqualTo(SECRET);
        assertThat(restarted.account(b).secret()).isEqualTo(OTHER_SECRET);
        assertThat(restarted.account(c).secret()).isEqualTo("ghp_bob");
        Tokens onOldKeyset = f.tokens(TokenCipher.given(oldKeyset), OutboundPolicy.strict(), CLOCK);
        for (long id : List.of(a, b, c)) {
            assertThatThrownBy(() -> onOldKeyset.account(id)).isInstanceOf(TokenCipher.CipherException.class);
        }
    }

    @DatabaseTest
    void rotatingAKeysetFromTheEnvironmentWritesTheNewOneToTheGivenFile(TestDatabase db) throws IOException {
        Fixture f = new Fixture(db);
        String keyset = TokenCipher.newKeysetJson();
        Tokens tokens = f.tokens(TokenCipher.open(keyset, db.dataDir()), OutboundPolicy.strict(), CLOCK);
        long id = tokens.add(f.ada, github("work"), SECRET).id();
        String ciphertext = f.storedSecret(id);
        assertThatThrownBy(() -> tokens.rotateKeys(null)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessage("the keyset comes from COMMITSTATS_KEYSET: give --keyset-out FILE to write the rotated "
                        + "keyset to");
        assertThat(f.storedSecret(id)).isEqualTo(ciphertext);
        Path out = db.dataDir().getParent().resolve("rotated.json");

        KeyRotation r = tokens.rotateKeys(out);

        assertThat(r).isEqualTo(new KeyRotation(1, out, true, 2));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(db.dataDir().resolve(TokenCipher.KEYSET_FILE)).doesNotExist();
        Tokens onNewKeyset = f.tokens(TokenCipher.open(Files.readString(out), db.dataDir()), OutboundPolicy.strict(),
                CLOCK);
        assertThat(onNewKeyset.account(id).secret()).isEqualTo(SECRET);
        Tokens onOldKeyset = f.tokens(TokenCipher.open(keyset, db.dataDir()), OutboundPolicy.strict(), CLOCK);
        assertThatThrownBy(() -> onOldKeyset.account(id)).isInstanceOf(TokenCipher.CipherException.class);
    }

    @DatabaseTest
    void aRotationThatMeetsAnUndecryptableTokenReencryptsNone(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        long good = tokens.add(f.ada, github("work"), SECRET).id();
        long bad = tokens.add(f.bob, github("work"), SECRET).id();
        f.storeSecret(bad, f.storedSecret(good));
        String goodCiphertext = f.storedSecret(good);

        assertThatThrownBy(() -> tokens.rotateKeys(null)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessageStartingWith("token " + bad + " cannot be decrypted");

        assertThat(f.storedSecret(good)).isEqualTo(goodCiphertext);
        assertThat(tokens.account(good).secret()).isEqualTo(SECRET); // the old key stays in the rotated keyset
    }

    @DatabaseTest
    void noViewOrRefusalShowsTheSecret(TestDatabase db) {
        Fixture f = new Fixture(db);
        Tokens tokens = f.tokens();
        TokenView t = tokens.add(f.ada, github("work"), SECRET);
        assertThat(t.toString()).doesNotContain(SECRET);
        assertThat(tokens.list(f.ada).toString()).doesNotContain(SECRET);
        Consumer<ThrowingCallable> quiet = call -> assertThatThrownBy(call)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
        quiet.accept(() -> tokens.add(f.ada, github("work"), SECRET));
        quiet.accept(() -> tokens.add(f.ada, github("x"), SECRET + " " + SECRET));
        quiet.accept(() -> tokens.add(f.ada, new NewToken("x", ProviderKind.GITEA, "https://u:" + SECRET + "@h.example",
                null), SECRET));
        quiet.accept(() -> tokens.replaceSecret(f.bob, t.id(), SECRET));
        f.storeSecret(t.id(), f.storedSecret(t.id()).substring(4));
        quiet.accept(() -> tokens.account(t.id()));
    }
}
