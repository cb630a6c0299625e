package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code commitstats repos list | activate | deactivate | remove | annotate} as the owner types them, on both databases. */
class ReposCommandTests {

    @DatabaseTest
    void theOwnerListsAndSwitchesRepositoriesAndWholeOwnerGroups(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long api = registry.registerRepository(ada,
                new NewRepository("https://github.com/acme/api.git", SourceKind.GIT, "api", "acme", true, false));
        long web = registry.registerRepository(ada,
                new NewRepository("https://github.com/acme/web.git", SourceKind.GIT, "web", "acme", true, false));

        CommandLineTests.Run list = TokenCommands.run(db, "", "repos", "list", "--user", "ada");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("acme/api").contains("acme/web").contains("pending");

        CommandLineTests.Run off = TokenCommands.run(db, "", "repos", "deactivate", "--user", "ada", "--id",
                String.valueOf(api));
        assertThat(off.out()).isEqualTo("acme/api deactivated\n");
        CommandLineTests.Run group = TokenCommands.run(db, "", "repos", "deactivate", "--user", "ada", "--group",
                "acme");
        assertThat(group.out()).isEqualTo("owner group acme deactivated: 2 repositories\n");
        JsonNode json = JsonMapper.builder().build().readTree(TokenCommands.run(db, "", "repos", "list", "--user",
                "ada", "--format", "json").out());
        assertThat(json).allSatisfy(r -> assertThat(r.get("active").asBoolean()).isFalse());

        CommandLineTests.Run unknown = TokenCommands.run(db, "", "repos", "activate", "--user", "ada", "--id",
                web + "," + (web + 1000));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no repository " + (web + 1000));
        assertThat(registry.repository(web).orElseThrow().active()).as("all or nothing").isFalse();
        CommandLineTests.Run noGroup = TokenCommands.run(db, "", "repos", "activate", "--user", "ada", "--group", "x");
        assertThat(noGroup.exitCode()).isEqualTo(1);
        assertThat(noGroup.err()).contains("no repository in owner group 'x'");

        CommandLineTests.Run removed = TokenCommands.run(db, "", "repos", "remove", "--user", "ada", "--id",
                String.valueOf(api));
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("api deleted, with 0 commits collected from it\n");
        assertThat(registry.repository(api)).isEmpty();
        CommandLineTests.Run again = TokenCommands.run(db, "", "repos", "remove", "--user", "ada", "--id",
                String.valueOf(api));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("no repository " + api);
    }

    @DatabaseTest
    void theOwnerSkipsPathsAndCommitsOfARepository(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        long bob = accounts.create("bob", null, ZoneOffset.UTC).id();
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        long api = registry.registerRepository(ada,
                new NewRepository("https://github.com/acme/api.git", SourceKind.GIT, "api", "acme", true, false));
        long bobs = registry.registerRepository(bob,
                new NewRepository("https://github.com/bob/x.git", SourceKind.GIT, "x", "bob", true, false));
        String sha = "0123456789abcdef0123456789abcdef01234567";

        CommandLineTests.Run none = TokenCommands.run(db, "", "repos", "annotations", "--user", "ada", String.valueOf(api));
        assertThat(none.out()).isEqualTo("nothing skipped in repository " + api + "\n");

        CommandLineTests.Run skip = TokenCommands.run(db, "", "repos", "annotate", "--user", "ada", String.valueOf(api),
                "--skip-path", "vendor/", "--skip-path", "*.min.js", "--skip-commit", sha);
        assertThat(skip.exitCode()).as(skip.err()).isZero();
        assertThat(skip.out()).isEqualTo("""
                skipped path     *.min.js
                skipped path     vendor/
                skipped commit   %s
                the next collection of repository %d counts its commits again with these paths skipped: collect --user ada
                """.formatted(sha, api));

        JsonNode shown = JsonMapper.builder().build().readTree(TokenCommands.run(db, "", "repos", "annotations",
                "--user", "ada", String.valueOf(api), "--format", "json").out());
        assertThat(shown.get("skippedPaths").toString()).isEqualTo("[\"*.min.js\",\"vendor/\"]");
        assertThat(shown.get("skippedCommits").get(0).asString()).isEqualTo(sha);

        JsonNode unskip = JsonMapper.builder().build().readTree(TokenCommands.run(db, "", "repos", "annotate",
                "--user", "ada", String.valueOf(api), "--unskip-commit", sha, "--format", "json").out());
        assertThat(unskip.get("unskippedCommits").get(0).asString()).isEqualTo(sha);
        assertThat(unskip.get("collectionNeeded").asBoolean()).isTrue();
        assertThat(unskip.get("annotations").get("skippedCommits")).isEmpty();

        CommandLineTests.Run invalid = TokenCommands.run(db, "", "repos", "annotate", "--user", "ada",
                String.valueOf(api), "--skip-path", "../outside");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("invalid path pattern '../outside': '..' is not allowed");
        CommandLineTests.Run others = TokenCommands.run(db, "", "repos", "annotations", "--user", "ada",
                String.valueOf(bobs));
        assertThat(others.exitCode()).isEqualTo(1);
        assertThat(others.err()).contains("no repository " + bobs);
        CommandLineTests.Run nothing = TokenCommands.run(db, "", "repos", "annotate", "--user", "ada",
                String.valueOf(api));
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("name at least one of --skip-path");
    }
}
