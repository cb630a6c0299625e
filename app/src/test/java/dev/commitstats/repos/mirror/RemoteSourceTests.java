package dev.commitstats.repos.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.commitstats.config.OutboundPolicy;

class RemoteSourceTests {

    private static final Path ROOT = Path.of("/data/mirrors");
    private final RepositoryMirrors mirrors = new RepositoryMirrors(Path.of("/data"), OutboundPolicy.strict());

    @Test
    void urlsMapToHostAndPath() throws Exception {
        assertThat(mirrors.mirrorFolder("https://github.com/alice/tool.git")).isEqualTo(ROOT.resolve("github.com/alice/tool.git"));
        assertThat(mirrors.mirrorFolder("https://github.com/alice/tool")).isEqualTo(ROOT.resolve("github.com/alice/tool.git"));
        assertThat(mirrors.mirrorFolder("https://gitlab.example.org:8443/group/sub/app.git"))
                .isEqualTo(ROOT.resolve("gitlab.example.org_8443/group/sub/app.git"));
        assertThat(mirrors.mirrorFolder("git://git.example.org/alice/tool.git")).isEqualTo(ROOT.resolve("git.example.org/alice/tool.git"));
        assertThat(mirrors.mirrorFolder("https://GitHub.com/alice/tool.git")).isEqualTo(ROOT.resolve("github.com/alice/tool.git"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/../../../etc/passwd.git",
            "https://evil.example/alice/../../../../etc",
            "https://evil.example/%2e%2e/%2e%2e/x.git",
            "https://evil.example/a/..%2f..%2f/x.git",
            "git://evil.example/../../x.git",
            "http://evil.example/~/../../x.git",
            "https://evil.example/.git",
            "https://evil.example/a/.hidden/.git",
            "https://evil.example/a\\..\\..\\b.git",
            "file:///../../etc/passwd",
            "https://evil.example/a/b c/\u0000x.git",
    })
    void noUrlEscapesTheMirrorsFolder(String url) throws Exception {
        Path folder;
        try {
            folder = mirrors.mirrorFolder(url);
        } catch (MirrorException rejected) {
            return;  // refusing is as safe as mapping
        }
        assertThat(folder.normalize()).startsWithRaw(ROOT).isNotEqualTo(ROOT);
        assertThat(ROOT.relativize(folder).getNameCount()).isGreaterThanOrEqualTo(2);
        for (Path segment : ROOT.relativize(folder)) {
            assertThat(segment.toString()).doesNotStartWith(".").matches("[A-Za-z0-9_][A-Za-z0-9._-]*");
        }
        assertThat(folder.getFileName().toString()).endsWith(".git");
        assertThat(folder.getParent().normalize()).isNotEqualTo(ROOT.resolve(".incoming"));
    }

    @Test
    void cleanedNamesGetAHashSoDifferentUrlsNeverShareAMirror() throws Exception {
        Path a = mirrors.mirrorFolder("https://host.example/a b/x.git");
        Path b = mirrors.mirrorFolder("https://host.example/a_b/x.git");
        assertThat(a).isNotEqualTo(b);
        assertThat(mirrors.mirrorFolder("https://host.example/a b/x.git")).as("stable").isEqualTo(a);
    }

    @Test
    void describesAndNamesTheProvider() {
        assertThat(mirrors.describe("https://github.com/alice/tool.git")).isEqualTo("alice/tool");
        assertThat(mirrors.describe("https://gitlab.com/group/sub/app")).isEqualTo("group/sub/app");
        assertThat(mirrors.describe("https://dev.azure.com/org/project/_git/repo")).isEqualTo("org/project/repo");
        assertThat(mirrors.provider("https://github.com/alice/tool.git")).isEqualTo("github.com");
        assertThat(mirrors.provider("https://gitlab.com/alice/tool.git")).isEqualTo("gitlab.com");
        assertThat(mirrors.provider("file:///srv/git/a.git")).isEqualTo("local");
    }

    @Test
    void userInfoNeverReachesTheStoredUrlOrAMessage() throws Exception {
        RemoteSource s = RemoteSource.parse("https://alice:tok3n@github.com/alice/tool.git");
        assertThat(s.url()).isEqualTo("https://github.com/alice/tool.git");
        assertThat(s.userInfo()).isEqualTo(new Credentials("alice", "tok3n"));
        assertThat(s.userInfo().toString()).doesNotContain("tok3n");
        assertThat(RemoteSource.redact("failed https://alice:tok3n@github.com/x")).isEqualTo("failed https://***@github.com/x");
        assertThatThrownBy(() -> RemoteSource.parse("gopher://alice:tok3n@host/x"))
                .hasMessageNotContaining("tok3n").hasMessageContaining("unsupported URL scheme");
    }

    @Test
    void credentialsInAnHttpsUrlStillWork() throws Exception {
        RemoteSource s = RemoteSource.parse("https://user:secret@host.example/o/r.git");
        assertThat(s.url()).isEqualTo("https://host.example/o/r.git");
        assertThat(s.scheme()).isEqualTo("https");
        assertThat(s.userInfo()).isEqualTo(new Credentials("user", "secret"));
        assertThat(mirrors.mirrorFolder("https://user:secret@host.example/o/r.git")).isEqualTo(ROOT.resolve("host.example/o/r.git"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "git@github.com:owner/repo.git             | : git@github.com:owner/repo.git -> https://github.com/owner/repo.git",
            "git@host:o/r.git                          | : git@host:o/r.git -> https://host/o/r.git",
            "ssh://git@host/o/r.git                    | : ssh://***@host/o/r.git -> https://host/o/r.git",
            "SSH://git@GitHub.com/owner/repo           | : SSH://***@GitHub.com/owner/repo -> https://github.com/owner/repo",
            "git+ssh://git@host.example/o/r.git        | : git+ssh://***@host.example/o/r.git -> https://host.example/o/r.git",
            "ssh://git@gitlab.example.org:2222/g/s/a.git | : ssh://***@gitlab.example.org:2222/g/s/a.git -> https://gitlab.example.org/g/s/a.git",
            "alice:s3cret@host.example:o/r.git         | : ***@host.example:o/r.git -> https://host.example/o/r.git",
            "ssh://alice:s3cret@host.example/o/r.git   | : ssh://***@host.example/o/r.git -> https://host.example/o/r.git",
            "git@host.example:/srv/git/r.git           | ' instead of git@host.example:/srv/git/r.git'",
            "git@host.example:~alice/r.git             | ' instead of git@host.example:~alice/r.git'",
            "ssh://host.example/~alice/r.git           | ' instead of ssh://host.example/~alice/r.git'",
            "git@host.example:o/../r.git               | ' instead of git@host.example:o/../r.git'",
            "my-folder:repo                            | ' instead of my-folder:repo'",
    })
    void sshAddressesAreRefusedNamingTheHttpsUrlToUseInstead(String source, String tail) {
        assertThat(RemoteSource.looksLikeUrl(source)).as("an address, not a missing local folder").isTrue();
        assertThatThrownBy(() -> RemoteSource.parse(source)).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.reason()).isEqualTo(MirrorException.Reason.UNSUPPORTED);
            assertThat(e.getMessage()).isEqualTo("SSH URLs are not supported: use the repository's https:// URL "
                    + "(with a personal access token for a private repository)" + tail);
        });
    }

    @Test
    void sshAddressesAreNamedByWhatWasTyped() {
        assertThat(mirrors.describe("git@github.com:alice/tool.git")).isEqualTo("git@github.com:alice/tool.git");
        assertThat(mirrors.describe("ssh://git@github.com/alice/tool.git")).isEqualTo("ssh://***@github.com/alice/tool.git");
        assertThat(mirrors.provider("git@github.com:alice/tool.git")).isEqualTo("unknown");
    }

    @Test
    void redactRemovesPasswordsFromScpLikeAddressesAndPasswordsContainingAnAt() {
        assertThat(RemoteSource.redact("x alice:pw@host.example:o/r.git")).isEqualTo("x ***@host.example:o/r.git");
        assertThat(RemoteSource.redact("git@host.example:o/r.git")).isEqualTo("git@host.example:o/r.git");
        assertThat(RemoteSource.redact("https://alice:p@ss@host/x and me@example.com")).isEqualTo("https://***@host/x and me@example.com");
    }
}
