package dev.commitstats.cli;

import static dev.commitstats.cli.TokenCommands.add;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import dev.commitstats.tokens.Tokens;
import dev.commitstats.tokens.TokensSettings;

/** The server's {@link Tokens} bean, over the same keyset file as the command line. */
class TokensServerTests {

    private static final String SECRET = "ghp_TokensServerTests0123456789abcdef";

    @DatabaseTest
    void theServerReadsTheTokensTheCommandLineStored(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        long id = db.jdbc().sql("SELECT id FROM tokens").query(Long.class).single();
        try (TestServer server = TestServer.start(db)) {
            assertThat(server.context().getBean(TokensSettings.class).keyset()).isEmpty();
            ProviderAccount account = server.context().getBean(Tokens.class).account(id);
            assertThat(account.secret()).isEqualTo(SECRET);
            assertThat(account.base()).isEqualTo("https://gitea.invalid");
        }
    }
}
