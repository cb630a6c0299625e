package dev.commitstats.cli;

import static dev.commitstats.cli.TokenCommands.add;
import static dev.commitstats.cli.TokenCommands.run;
import static dev.commitstats.cli.TokenCommands.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.commitstats.config.Database;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code commitstats tokens add | list | check | replace | remove}: secrets from standard input only, statuses
 * printed, and no secret anywhere but in the database's ciphertext. The instance's providers are not wired in yet (or
 * cannot resolve the {@code .invalid} host of these tests), so every token here is saved as unreachable.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokensCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "ghp_CANARY0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String REPLACEMENT = "ghp_CANARYREPLACEMENT5a69788796a5b4c3d2e1";

    private static JsonNode listed(TestDatabase db, String login) {
        CommandLineTests.Run r = tokens(db, "list", "--user", login, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @DatabaseTest
    void addReadsTheSecretFromStandardInputSavesItAndPrintsItsStatus(TestDatabase db) {
        CommandLineTests.Run r = add(db, "ada", "work", SECRET);
        assertThat(r.exitCode()).as("not valid: saved, exit 1").isEqualTo(1);
        assertThat(r.out()).startsWith("gitea token 'work' saved: unreachable").doesNotContain("\n\n");
        assertThat(r.err()).isEmpty();
        JsonNode list = listed(db, "ada");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("work");
        assertThat(list.get(0).get("baseUrl").asString()).isEqualTo("https://gitea.invalid");
    }

    @DatabaseTest
    void addWithNothingOnStandardInputSavesNothing(TestDatabase db) {
        CommandLineTests.Run r = run(db, "", "tokens", "add", "--user", "ada", "--provider", "github", "--name", "w");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("commitstats: no token on standard input");
        assertThat(listed(db, "ada").size()).isZero();
    }

    @DatabaseTest
    void addRefusesWhatItCannotSaveBeforeReadingTheSecret(TestDatabase db) {
        InputStream saved = System.in;
        ByteArrayInputStream stdin = new ByteArrayInputStream((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        System.setIn(stdin);
        try {
            CommandLineTests.Run r = CommandLineTests.run(Stream.concat(Stream.of("tokens", "add"),
                    Stream.concat(Stream.of(db.cliOptions()), Stream.of("--user", "ada", "--provider", "gitea",
                            "--name", "forge"))).toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo(
                    "commitstats: a base URL is required for gitea tokens, e.g. https://git.example.com");
            assertThat(stdin.available()).as("the secret was not read").isPositive();
        } finally {
            System.setIn(saved);
        }
    }

    @DatabaseTest
    void anUnknownProviderIsAUsageError(TestDatabase db) {
        CommandLineTests.Run r = run(db, SECRET, "tokens", "add", "--user", "ada", "--provider", "sourceforge",
                "--name", "w");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown provider 'sourceforge': use one of github, gitlab, azure-devops, "
                + "bitbucket, gitea, git");
    }

    @DatabaseTest
    void aDuplicateNameIsRefused(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        CommandLineTests.Run r = add(db, "ada", "work", REPLACEMENT);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("commitstats: you already have a token named 'work'");
    }

    @DatabaseTest
    void listPrintsATableOfTheTokens(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        add(db, "ada", "forge", REPLACEMENT);
        CommandLineTests.Run r = tokens(db, "list", "--user", "ada");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("NAME").contains("PROVIDER", "BASE URL", "STATUS", "LAST CHECK", "MESSAGE");
        assertThat(lines.get(1)).startsWith("forge").contains("gitea", "https://gitea.invalid", "unreachable", " UTC");
        assertThat(lines.get(2)).startsWith("work ");
    }

    @DatabaseTest
    void listAsJsonHasCamelCaseFieldsAndNoSecret(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        JsonNode t = listed(db, "ada").get(0);
        List<String> fields = new ArrayList<>(t.propertyNames());
        assertThat(fields).containsExactly("id", "name", "provider", "baseUrl", "username", "status", "message",
                "accountLogin", "scopes", "warning", "expiresAt", "checkedAt", "retryAt", "createdAt");
        assertThat(t.get("provider").asString()).isEqualTo("gitea");
        assertThat(t.get("status").asString()).isEqualTo("unreachable");
        assertThat(t.get("checkedAt").asString()).endsWith("Z");
        assertThat(t.get("scopes").isArray()).isTrue();
    }

    @DatabaseTest
    void aUserWithoutTokensIsToldHowToAddOne(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        tokens(db, "remove", "--user", "ada", "--name", "work");
        CommandLineTests.Run r = tokens(db, "list", "--user", "ada");
        assertThat(r.out()).startsWith("User 'ada' has no tokens. Add one with: commitstats tokens add --user ada");
        CommandLineTests.Run nobody = tokens(db, "list", "--user", "nobody");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).startsWith("commitstats: no user 'nobody'");
    }

    @DatabaseTest
    void checkChecksOneTokenOrAll(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        add(db, "ada", "forge", REPLACEMENT);
        CommandLineTests.Run all = tokens(db, "check", "--user", "ada");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out().lines()).hasSize(2).allMatch(l -> l.startsWith("gitea token '")
                && l.contains("' checked: unreachable"));
        CommandLineTests.Run one = tokens(db, "check", "--user", "ada", "--name", "work");
        assertThat(one.out().lines()).singleElement().asString().startsWith("gitea token 'work' checked: ");
        CommandLineTests.Run unknown = tokens(db, "check", "--user", "ada", "--name", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo(
                "commitstats: user 'ada' has no token named 'nope': see commitstats tokens list --user ada");
    }

    @DatabaseTest
    void replaceKeepsTheToken(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        String ciphertext = db.jdbc().sql("SELECT secret FROM tokens").query(String.class).single();
        long id = listed(db, "ada").get(0).get("id").asLong();
        CommandLineTests.Run r = run(db, REPLACEMENT + "\n", "tokens", "replace", "--user", "ada", "--name", "work");
        assertThat(r.out()).startsWith("gitea token 'work' replaced: unreachable");
        assertThat(listed(db, "ada").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(db.jdbc().sql("SELECT secret FROM tokens").query(String.class).single()).isNotEqualTo(ciphertext);
    }

    @DatabaseTest
    void removeForgetsTheToken(TestDatabase db) {
        add(db, "ada", "work", SECRET);
        CommandLineTests.Run r = tokens(db, "remove", "--user", "ada", "--name", "work");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("gitea token 'work' removed");
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM tokens").query(Integer.class).single()).isZero();
    }

    @Test
    void tokensWithoutASubcommandPrintsUsage() {
        CommandLineTests.Run r = CommandLineTests.run("tokens");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: commitstats tokens").contains("add").contains("replace");
    }

    @Test
    void theSharedOptionsAreDescribedPerCommand() {
        assertThat(CommandLineTests.run("tokens", "add", "--help").out())
                .contains("The user who owns the token (created if missing).");
        assertThat(CommandLineTests.run("tokens", "list", "--help").out())
                .contains("table (default) or json: an array of the tokens");
        assertThat(CommandLineTests.run("--help").out()).contains("tokens").contains("keys");
    }

    /**
     * Every command that touches a token, with TRACE logging on for the product, JDBC and the pool: the secrets
     * appear nowhere except encrypted in the database.
     */
    @DatabaseTest
    void theSecretIsNeverShownLoggedOrStoredInClear(TestDatabase db, CapturedOutput logs) throws IOException {
        Map<String, Level> levels = Map.of("dev.commitstats", Level.TRACE, "org.springframework.jdbc", Level.TRACE,
                "com.zaxxer.hikari", Level.TRACE, "org.springframework.transaction", Level.TRACE);
        Map<String, Level> before = new HashMap<>();
        levels.forEach((name, level) -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        List<CommandLineTests.Run> runs = new ArrayList<>();
        try {
            runs.add(add(db, "ada", "work", SECRET));
            runs.add(add(db, "ada", "work", SECRET)); // refused: the name is taken
            runs.add(add(db, "ada", "spaced", SECRET + " " + SECRET)); // refused: whitespace inside
            runs.add(run(db, SECRET, "tokens", "add", "--user", "ada", "--provider", "gitea", "--name", "bad-url",
                    "--base-url", "https://ada:" + SECRET + "@gitea.invalid"));
            runs.add(tokens(db, "list", "--user", "ada"));
            runs.add(tokens(db, "list", "--user", "ada", "--format", "json"));
            runs.add(tokens(db, "check", "--user", "ada"));
            runs.add(run(db, REPLACEMENT + "\n", "tokens", "replace", "--user", "ada", "--name", "work"));
            runs.add(run(db, "", "keys", "rotate"));
            runs.add(tokens(db, "check", "--user", "ada", "--name", "work"));
            runs.add(add(db, "ada", "second", SECRET));
            runs.add(tokens(db, "remove", "--user", "ada", "--name", "second"));
        } finally {
            before.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        }
        assertThat(runs.get(1).err()).contains("already have a token named 'work'");
        assertThat(runs.get(2).err()).contains("must not contain spaces");
        assertThat(runs.get(3).err()).contains("must not contain a user name or password");
        assertThat(runs.get(8).exitCode()).as(runs.get(8).err()).isZero();
        assertThat(runs.get(9).err()).as("decrypts after rotation").isEmpty();
        for (CommandLineTests.Run r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain(REPLACEMENT);
        }
        assertThat(logs.getAll()).contains("tokens").doesNotContain(SECRET).doesNotContain(REPLACEMENT);

        List<Map<String, Object>> rows = db.jdbc().sql("SELECT * FROM tokens").query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toString()).doesNotContain(SECRET).doesNotContain(REPLACEMENT);
        if (db.vendor() == Database.Vendor.SQLITE) {
            try (Stream<Path> files = Files.walk(db.dataDir())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).as(f.toString()).doesNotContain(SECRET).doesNotContain(REPLACEMENT);
                }
            }
        }
    }
}
