package dev.commitstats.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The way a developer gets their private repositories counted, as a newcomer types it: {@code tokens add} (a GitHub
 * Enterprise Server stand-in on WireMock, payloads as GitHub documents them), {@code discover}, {@code collect --user}
 * against a real smart-HTTP git server that wants the token as the basic-auth password; then a second round that skips
 * the fetch because the host reports no push, a push that is collected, and a revoked token that fails without losing
 * anything. The token never appears in any output or log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivateRepositoriesEndToEndTests {

    private static final String SECRET = "ghp_E2ECANARY0000111122223333444455556666";
    private static final String ADA = "ada@example.com";
    private static final String REPO = "private/acme/api.git";

    @TempDir
    Path tmp;

    private final WireMockServer github = new WireMockServer(options().dynamicPort());
    private SmartHttpGitServer git;
    private Path served;

    @BeforeEach
    void start() throws Exception {
        github.start();
        served = tmp.resolve("served");
        git = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")))
                .allow("x-access-token", SECRET);
        // the stand-ins run on this machine: an admin allows them, as for a self-managed server on a private network
        System.setProperty("commitstats.providers.allowed-hosts",
                "localhost:" + github.port() + ",127.0.0.1:" + git.port());
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("commitstats.providers.allowed-hosts");
        github.stop();
        git.close();
    }

    private void stubGitHub(String pushedAt) {
        github.stubFor(get(urlPathEqualTo("/api/v3/user")).willReturn(okJson("""
                {"login": "ada", "id": 583231, "type": "User", "name": "Ada", "email": null}""")
                .withHeader("X-OAuth-Scopes", "").withHeader("X-RateLimit-Remaining", "4999")));
        github.stubFor(get(urlPathEqualTo("/api/v3/user/repos")).willReturn(okJson("""
                [{"id": 1296269, "name": "api", "full_name": "acme/api", "private": true, "visibility": "private",
                  "owner": {"login": "acme", "id": 9919, "type": "Organization"},
                  "html_url": "%s", "clone_url": "%s", "fork": false, "archived": false,
                  "default_branch": "main", "pushed_at": "%s", "stargazers_count": 4}]"""
                .formatted(github.baseUrl() + "/acme/api", git.url(REPO), pushedAt))));
        github.stubFor(get(urlPathEqualTo("/api/v3/user/emails")).willReturn(okJson("""
                [{"email": "ada@example.com", "verified": true, "primary": true, "visibility": "private"},
                 {"email": "ada@old.example", "verified": false, "primary": false, "visibility": null}]""")));
        github.stubFor(get(urlPathEqualTo("/api/v3/search/issues")).willReturn(okJson("""
                {"total_count": 0, "incomplete_results": false, "items": []}""")));
    }

    private static void commits(GitRepoBuilder repo, int n, int offset) throws Exception {
        for (int i = 0; i < n; i++) {
            boolean mine = (i + offset) % 3 != 0;
            repo.author(mine ? "Ada" : "Bob", mine ? ADA : "bob@example.com")
                    .at(String.format("2025-%02d-%02dT10:00:00Z", 1 + (i + offset) % 12, 1 + (i + offset) % 28));
            repo.write("src/F" + (i % 5) + ".java", "class F {\n" + "  int v" + (i + offset) + ";\n".repeat(1 + i % 4)
                    + "}\n");
            repo.commit("feat: change " + (i + offset));
        }
    }

    private CommandLineTests.Run command(TestDatabase db, String stdin, String... args) {
        return TokenCommands.run(db, stdin, args[0], args[1], Stream.of(args).skip(2).toArray(String[]::new));
    }

    private static CommandLineTests.Run collect(TestDatabase db, String... args) {
        return CommandLineTests.run(Stream.concat(Stream.concat(Stream.of("collect"), Stream.of(db.cliOptions())),
                Stream.of(args)).toArray(String[]::new));
    }

    private static CommandLineTests.Run discover(TestDatabase db) {
        return CommandLineTests.run(Stream.concat(Stream.concat(Stream.of("discover"), Stream.of(db.cliOptions())),
                Stream.of("--user", "ada")).toArray(String[]::new));
    }

    @DatabaseTest
    void aTokenDiscoversAPrivateRepositoryThatIsThenCollectedWithIt(TestDatabase db, CapturedOutput logs)
            throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve(REPO))) {
            commits(repo, 30, 0);
        }
        stubGitHub("2026-03-01T10:00:00Z");

        CommandLineTests.Run added = command(db, SECRET + "\n", "tokens", "add", "--user", "ada", "--provider",
                "github", "--name", "work", "--base-url", github.baseUrl());
        assertThat(added.exitCode()).as(added.out() + added.err()).isZero();
        assertThat(added.out()).contains("valid for ada");

        CommandLineTests.Run found = discover(db);
        assertThat(found.exitCode()).as(found.out() + found.err()).isZero();
        assertThat(found.out()).contains("work: 1 repositories, 1 new (1 active)")
                .contains("emails added: ada@example.com").doesNotContain("ada@old.example");

        CommandLineTests.Run first = collect(db, "--user", "ada");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("acme/api").contains("20 new commits, 20 in total");

        // nothing pushed, and discovery asked the host after that collection: no fetch at all
        assertThat(discover(db).exitCode()).isZero();
        int before = git.requests();
        CommandLineTests.Run quiet = collect(db, "--user", "ada");
        assertThat(quiet.out()).contains("no push since the last collection, 20 in total");
        assertThat(git.requests()).as("requests to the git server").isEqualTo(before);

        // a push: the host reports it, the next collection fetches and mines the new commits only
        try (GitRepoBuilder repo = GitRepoBuilder.openBare(served.resolve(REPO))) {
            commits(repo, 6, 100);
        }
        github.resetAll();
        stubGitHub("2026-03-02T09:00:00Z");
        assertThat(discover(db).exitCode()).isZero();
        CommandLineTests.Run pushed = collect(db, "--user", "ada");
        assertThat(pushed.out()).contains("4 new commits, 24 in total");

        CommandLineTests.Run runs = CommandLineTests.run(Stream.concat(Stream.concat(Stream.of("runs"),
                Stream.of(db.cliOptions())), Stream.of("--user", "ada")).toArray(String[]::new));
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out().lines().skip(1).toList()).as(runs.out()).hasSize(3)
                .first().asString().contains("command").contains("collected").contains("acme/api");
        assertThat(runs.out()).contains("(no push since the last collection)");

        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long ada = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("ada").id();
        Repository api = registry.repositories(ada).get(0);
        assertThat(new UserAccounts(db.dataSource(), Clock.systemUTC()).verifiedIdentities(ada))
                .as("the host verified it").containsExactly(ADA);
        assertThat(api.visibility()).isEqualTo("private");
        assertThat(api.host().stars()).isEqualTo(4);

        List<String> outputs = List.of(added.out(), added.err(), found.out(), found.err(), first.out(), first.err(),
                quiet.out(), pushed.out(), logs.getAll());
        assertThat(outputs).allSatisfy(o -> assertThat(o).doesNotContain(SECRET));
        assertThat(Files.readString(db.properties().dataDir().resolve("mirrors/127.0.0.1_" + git.port()
                + "/private/acme/api.git/config"))).doesNotContain(SECRET);
    }

    @DatabaseTest
    void aRevokedTokenFailsTheCollectionWithAReasonAndLosesNothing(TestDatabase db, CapturedOutput logs)
            throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve(REPO))) {
            commits(repo, 9, 0);
        }
        stubGitHub("2026-03-01T10:00:00Z");
        assertThat(command(db, SECRET + "\n", "tokens", "add", "--user", "ada", "--provider", "github", "--name",
                "work", "--base-url", github.baseUrl()).exitCode()).isZero();
        assertThat(discover(db).exitCode()).isZero();
        assertThat(collect(db, "--user", "ada").out()).contains("6 new commits, 6 in total");

        // the host revokes it: the API says 401 and the git server refuses it
        git.allow("x-access-token", "something-else");
        github.stubFor(get(urlPathEqualTo("/api/v3/user/repos")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        github.stubFor(get(urlPathEqualTo("/api/v3/user")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        try (GitRepoBuilder repo = GitRepoBuilder.openBare(served.resolve(REPO))) {
            commits(repo, 3, 50);
        }

        CommandLineTests.Run found = discover(db);
        assertThat(found.exitCode()).isEqualTo(1);
        assertThat(found.out()).contains("work: error:").contains("(token invalid)");
        CommandLineTests.Run failed = collect(db, "--user", "ada");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.out()).contains("acme/api").contains("error:");

        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long ada = new UserAccounts(db.dataSource(), Clock.systemUTC()).require("ada").id();
        Repository api = registry.repositories(ada).get(0);
        assertThat(api.status()).isEqualTo(RepositoryStatus.ERROR);
        assertThat(api.errorMessage()).isNotBlank().doesNotContain(SECRET);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM commit_facts WHERE repository_id = :r").param("r", api.id())
                .query(Long.class).single()).as("nothing collected before is lost").isEqualTo(6);

        // a new token for the same account: its repositories and facts stay, the next collection succeeds
        git.allow("x-access-token", "ghp_NEWTOKEN");
        github.resetAll();
        stubGitHub("2026-03-02T10:00:00Z");
        CommandLineTests.Run replaced = command(db, "ghp_NEWTOKEN\n", "tokens", "replace", "--user", "ada",
                "--name", "work");
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        CommandLineTests.Run again = collect(db, "--user", "ada");
        assertThat(again.out()).contains("2 new commits, 8 in total");
        assertThat(List.of(found.out(), failed.out(), failed.err(), again.out(), logs.getAll()))
                .allSatisfy(o -> assertThat(o).doesNotContain(SECRET).doesNotContain("ghp_NEWTOKEN"));
    }

    @DatabaseTest
    void aRepositoryAddedByUrlIsFetchedWithTheUsersTokenForThatServer(TestDatabase db) throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve(REPO))) {
            commits(repo, 9, 0);
        }
        String server = git.url("").replaceAll("/$", "");
        CommandLineTests.Run added = command(db, SECRET + "\n", "tokens", "add", "--user", "ada", "--provider", "git",
                "--name", "forge", "--base-url", server, "--username", "x-access-token");
        assertThat(added.exitCode()).as(added.out() + added.err()).isZero();

        CommandLineTests.Run collected = collect(db, "--user", "ada", "--email", ADA, git.url(REPO));
        assertThat(collected.exitCode()).as(collected.out() + collected.err()).isZero();
        assertThat(collected.out()).contains("6 new commits, 6 in total");
        assertThat(List.of(added.out(), collected.out(), collected.err())).allSatisfy(o ->
                assertThat(o).doesNotContain(SECRET));
    }
}
