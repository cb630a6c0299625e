package dev.commitstats.repos.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import dev.commitstats.cli.CommandLineTestsAccess;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

/** {@code commitstats collect} with an SSH address: one clear line for that repository, the others still collected. */
class SshUrlCollectTests {

    @TempDir
    Path tmp;

    @DatabaseTest
    void collectRefusesAnSshUrlWithTheHttpsUrlToUseAndExitsOne(TestDatabase db) throws Exception {
        Path good = tmp.resolve("good");
        try (GitRepoBuilder repo = GitRepoBuilder.init(good)) {
            repo.author("Me", "me@example.com").write("a.txt", "1\n").commit("feat: one");
        }

        var r = CommandLineTestsAccess.run(db, "collect", "--user", "me", "--email", "me@example.com",
                "ssh://git@host/o/r.git", good.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("ssh://***@host/o/r.git").contains("error: SSH URLs are not supported: use the "
                + "repository's https:// URL (with a personal access token for a private repository): "
                + "ssh://***@host/o/r.git -> https://host/o/r.git\n");
        assertThat(r.out()).contains("1 new commits, 1 in total");
        assertThat(r.err()).contains("1 of 2 repositories failed");
        assertThat(db.dataDir().resolve(RepositoryMirrors.MIRRORS)).doesNotExist();
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), Clock.systemUTC());
        assertThat(registry.repositories(new UserAccounts(db.dataSource(), Clock.systemUTC()).require("me").id()))
                .as("the SSH address is not registered").extracting(Repository::cloneUrl)
                .containsExactly(good.toAbsolutePath().normalize().toString());
    }
}
