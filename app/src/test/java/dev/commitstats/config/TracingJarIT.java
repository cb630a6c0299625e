package dev.commitstats.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar in AOT mode, as the launcher starts {@code serve}: its bean definitions were fixed at build time,
 * when no tracing endpoint was set, yet {@code COMMITSTATS_TRACING_ENDPOINT} given at start switches tracing on (the
 * reason {@link TracingConfiguration} decides at run time): a request's spans reach the collector. Runs after
 * {@code package} (failsafe).
 */
class TracingJarIT {

    private static final Pattern RUNNING = Pattern.compile("Commit Stats is running at (http://\\S+/)");

    @TempDir
    Path tmp;

    @Test
    void theEndpointGivenAtStartSwitchesTracingOnInTheAotServer() throws Exception {
        AtomicInteger exports = new AtomicInteger();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length > 0 && "POST".equals(exchange.getRequestMethod())) {
                exports.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "commitstats.jar");
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar", jar.toString(), "serve", "--port", "0",
                "--data-dir", tmp.resolve("data").toString()).redirectErrorStream(true);
        pb.environment().put("COMMITSTATS_TRACING_ENDPOINT",
                "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
        Process p = pb.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        String[] base = new String[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) {
                        synchronized (base) {
                            base[0] = m.group(1);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String url;
            while (true) {
                synchronized (base) {
                    url = base[0];
                }
                if (url != null || !p.isAlive() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(url).as("serve's URL; output:\n%s", String.join("\n", output)).isNotNull();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"UP\"");

            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (exports.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(exports.get()).as("exports received; output:\n%s", String.join("\n", output)).isPositive();
            assertThat(String.join("\n", output)).contains("tracing is on");
        } finally {
            p.toHandle().destroy();
            p.waitFor(60, TimeUnit.SECONDS);
            collector.stop(0);
        }
    }
}
