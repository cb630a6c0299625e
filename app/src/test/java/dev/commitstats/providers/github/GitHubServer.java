package dev.commitstats.providers.github;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in Enterprise Server for one test: WireMock on a dynamic port of localhost (so the API is {@code
 * http://localhost:PORT/api/v3}), a {@link GitHubProvider} whose {@link ProviderHttp} allows that port, reads a fixed
 * clock and records its waits instead of sleeping, and an account with a recognisable token. The same stand-in can play
 * github.com's API ({@link #dotcom}), for what only github.com does.
 */
final class GitHubServer implements AutoCloseable {

    static final String TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    /** 2026-03-02 13:05:00 UTC. */
    static final Instant NOW = Instant.parse("2026-03-02T13:05:00Z");

    final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    final List<Duration> waits = new ArrayList<>();
    final GitHubProvider provider;
    final ProviderAccount account;
    /** A provider that takes the stand-in for github.com's API, and an account on https://github.com. */
    final GitHubProvider dotcom;
    final ProviderAccount dotcomAccount;

    GitHubServer() {
        wireMock.start();
        ProviderHttp http = new ProviderHttp(OutboundPolicy.allowing("localhost:" + wireMock.port()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), waits::add, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        provider = new GitHubProvider(http);
        account = new ProviderAccount(ProviderKind.GITHUB, URI.create(base()), null, TOKEN);
        dotcom = new GitHubProvider(http, URI.create(api()));
        dotcomAccount = new ProviderAccount(ProviderKind.GITHUB, URI.create("https://github.com"), null, TOKEN);
    }

    /** The web base URL, {@code http://localhost:PORT}. */
    String base() {
        return "http://localhost:" + wireMock.port();
    }

    /** The API root, {@code http://localhost:PORT/api/v3}. */
    String api() {
        return base() + "/api/v3";
    }

    /** A payload from {@code src/test/resources/providers/github/}, with {@code {api}} replaced by {@link #api()}. */
    String payload(String name) {
        try (InputStream in = GitHubServer.class.getResourceAsStream("/providers/github/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{api}", api());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
