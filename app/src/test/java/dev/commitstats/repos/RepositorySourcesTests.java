package dev.commitstats.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class RepositorySourcesTests {

    @TempDir
    Path tmp;

    private record Setup(RepositorySources sources, RepositoryRegistry registry, long user) {
    }

    private static Setup setup(TestDatabase db) {
        Clock clock = Clock.systemUTC();
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), clock);
        long user = new UserAccounts(db.dataSource(), clock).create("ada", null, ZoneOffset.UTC).id();
        return new Setup(new RepositorySources(registry, new RepositoryMirrors(db.dataDir(), OutboundPolicy.strict())), registry, user);
    }

    @DatabaseTest
    void aUrlIsStoredWithoutCredentialsWithItsOwnerGroup(TestDatabase db) throws Exception {
        Setup s = setup(db);
        var r = s.sources().register(s.user(), "https://ada:s3cret@git.example.com/team/app.git");
        assertThat(r.created()).isTrue();
        assertThat(r.repository().cloneUrl()).isEqualTo("https://git.example.com/team/app.git").doesNotContain("s3cret");
        assertThat(r.repository().kind()).isEqualTo(SourceKind.GIT);
        assertThat(r.repository().name()).isEqualTo("app");
        assertThat(r.repository().ownerGroup()).isEqualTo("team");
        assertThat(r.repository().active()).isTrue();
        assertThat(r.repository().extra()).isTrue();
        assertThat(r.repository().status()).isEqualTo(RepositoryStatus.PENDING);
    }

    @DatabaseTest
    void namingTheSameRepositoryAgainFindsItAndMakesItCountAgain(TestDatabase db) throws Exception {
        Setup s = setup(db);
        Path folder = Files.createDirectories(tmp.resolve("work/app"));
        var first = s.sources().register(s.user(), folder.toString());
        assertThat(first.repository().kind()).isEqualTo(SourceKind.LOCAL);
        assertThat(first.repository().ownerGroup()).isNull();
        assertThat(first.repository().cloneUrl()).isEqualTo(folder.toAbsolutePath().normalize().toString());

        // the same folder written differently is the same repository
        var again = s.sources().register(s.user(), tmp.resolve("work/../work/app").toString());
        assertThat(again.created()).isFalse();
        assertThat(again.reactivated()).isFalse();
        assertThat(again.repository().id()).isEqualTo(first.repository().id());

        s.registry().setActive(first.repository().id(), false);
        var back = s.sources().register(s.user(), folder.toString());
        assertThat(back.reactivated()).isTrue();
        assertThat(back.repository().active()).isTrue();
        assertThat(s.registry().repositories(s.user())).hasSize(1);
    }

    @DatabaseTest
    void anUnusableSourceIsRefusedWithAReason(TestDatabase db) {
        Setup s = setup(db);
        assertThatThrownBy(() -> s.sources().register(s.user(), "ftp://git.example.com/x.git"))
                .isInstanceOf(MirrorException.class).hasMessageContaining("unsupported URL scheme");
        assertThat(s.registry().repositories(s.user())).isEmpty();
    }
}
