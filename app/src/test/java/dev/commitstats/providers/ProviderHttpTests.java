package dev.commitstats.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.commitstats.config.OutboundPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ProviderHttp against real HTTP servers: WireMock, and a bare socket where a TLS connection must not start. */
class ProviderHttpTests {

    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer s3cr3t");

    private final WireMockServer origin = started();
    private final WireMockServer elsewhere = started();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        origin.stop();
        elsewhere.stop();
    }

    @Test
    void aRedirectToAnotherHostDropsTheAuthorization() throws Exception {
        // localhost and 127.0.0.1 are different hosts to a browser and to ProviderHttp alike
        origin.stubFor(get(urlEqualTo("/archive")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/download")));
        elsewhere.stubFor(get(urlEqualTo("/download")).willReturn(ok("bytes")));

        ProviderHttp.Response r = http(OutboundPolicy.allowing(
                List.of("localhost:" + origin.port(), "127.0.0.1:" + elsewhere.port())))
                .get(URI.create("http://localhost:" + origin.port() + "/archive"), AUTH);

        assertThat(r.body()).isEqualTo("bytes");
        origin.verify(getRequestedFor(urlEqualTo("/archive")).withHeader("Authorization", equalTo("Bearer s3cr3t")));
        elsewhere.verify(getRequestedFor(urlEqualTo("/download")).withHeader("Authorization", absent()));
    }

    @Test
    void aRedirectOnTheSameHostKeepsTheAuthorization() throws Exception {
        origin.stubFor(get(urlEqualTo("/repos/old")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/repos/new")));
        origin.stubFor(get(urlEqualTo("/repos/new")).willReturn(ok("{}")));

        http(OutboundPolicy.allowing("localhost:" + origin.port()))
                .get(URI.create("http://localhost:" + origin.port() + "/repos/old"), AUTH);

        origin.verify(getRequestedFor(urlEqualTo("/repos/new")).withHeader("Authorization", equalTo("Bearer s3cr3t")));
    }

    @Test
    void aServerErrorIsRetriedTwiceThenUnavailable() {
        origin.stubFor(get(urlEqualTo("/user")).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway")));

        assertThatThrownBy(() -> http(OutboundPolicy.allowing("localhost:" + origin.port()))
                .get(URI.create("http://localhost:" + origin.port() + "/user"), AUTH))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("localhost answered 502 for /user");
                });
        origin.verify(3, getRequestedFor(urlEqualTo("/user")));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void plainHttpToAHostNotAllowListedIsRefusedWithoutARequest() {
        origin.stubFor(get(anyUrl()).willReturn(ok()));

        assertThatThrownBy(() -> http(OutboundPolicy.strict())
                .get(URI.create("http://localhost:" + origin.port() + "/user"), AUTH))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED);
                    assertThat(e.getMessage()).startsWith("plain http is refused for localhost");
                });
        origin.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void httpsToLoopbackIsRefusedOnTheConnectedAddressBeforeTls() throws Exception {
        // "localhost" is a name, not a literal address, so only the check of the connected socket can refuse it
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                    s.getInputStream().read();  // a TLS ClientHello would arrive here; none must
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.start();

            assertThatThrownBy(() -> http(OutboundPolicy.strict())
                    .get(URI.create("https://localhost:" + server.getLocalPort() + "/user"), AUTH))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED);
                        assertThat(e.getMessage()).contains("refused to connect to localhost:" + server.getLocalPort())
                                .contains(server.getInetAddress().getHostAddress())
                                .contains("loopback");
                    });
            assertThat(waits).isEmpty();
            acceptor.join(5000);
            assertThat(accepted).hasValue(1);  // it got as far as connecting: the refusal is the address check's
        }
    }

    @Test
    void httpsToALiteralLoopbackAddressIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> http(OutboundPolicy.strict()).get(URI.create("https://127.0.0.1:9/user"), AUTH))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("127.0.0.1 is a loopback");
                });
    }

    private ProviderHttp http(OutboundPolicy policy) {
        return new ProviderHttp(policy, Clock.fixed(Instant.parse("2026-03-02T13:05:00Z"), ZoneOffset.UTC),
                Duration.ofSeconds(60), waits::add, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
