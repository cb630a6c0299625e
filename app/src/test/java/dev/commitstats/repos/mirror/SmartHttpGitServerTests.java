package dev.commitstats.repos.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commitstats.core.testing.GitRepoBuilder;

/** The test server answers credentials the way real git hosts do, so the tests that use it prove something. */
class SmartHttpGitServerTests {

    @TempDir
    Path tmp;

    private SmartHttpGitServer server;

    @BeforeEach
    void start() throws Exception {
        Path served = tmp.resolve("served");
        server = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat"))).allow("x-access-token", "tok-1");
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve("private/a.git"))) {
            repo.write("a.txt", "1\n").commit("one");
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void missingCredentialsGetA401WithABasicChallenge() throws Exception {
        HttpURLConnection c = advertisement(null);
        assertThat(c.getResponseCode()).isEqualTo(401);
        assertThat(c.getHeaderField("WWW-Authenticate")).startsWith("Basic ");
    }

    @Test
    void aWrongTokenGetsA401WithABasicChallenge() throws Exception {
        HttpURLConnection c = advertisement("x-access-token:tok-2");
        assertThat(c.getResponseCode()).isEqualTo(401);
        assertThat(c.getHeaderField("WWW-Authenticate")).startsWith("Basic ");
    }

    @Test
    void theTokenAsPasswordGetsTheRefAdvertisement() throws Exception {
        HttpURLConnection c = advertisement("x-access-token:tok-1");
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getContentType()).isEqualTo("application/x-git-upload-pack-advertisement");
    }

    private HttpURLConnection advertisement(@Nullable String userAndToken) throws Exception {
        URI uri = URI.create(server.url("private/a.git/info/refs?service=git-upload-pack"));
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        if (userAndToken != null) {
            c.setRequestProperty("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userAndToken.getBytes(StandardCharsets.UTF_8)));
        }
        return c;
    }
}
