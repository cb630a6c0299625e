package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/**
 * The packaged jar as the launcher runs it: {@code serve} in a JVM of its own, with the bean definitions Spring
 * generated at build time ({@code -Dspring.aot.enabled=true}), which the in-process {@link ServerEndToEndTests} do not
 * use. Runs after {@code package} (failsafe).
 */
class ServerJarIT {

    private static final Pattern RUNNING = Pattern.compile("Commit Stats is running at (http://\\S+/)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @DatabaseTest
    void theAotServerStartsServesAndStopsOnSigterm(TestDatabase db) throws Exception {
        Server server = Server.start(db);
        try {
            String base = server.awaitUrl();

            HttpResponse<String> health = get(base + "actuator/health");
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");
            assertThat(get(base).body()).contains("<title>Commit Stats").contains("href=\"/api/docs/ui\"");
            assertThat(get(base + "api/docs").body()).contains("\"openapi\"").contains("/api/info");
            assertThat(get(base + "api/docs/ui").body()).contains("Swagger UI");
            assertThat(get(base + "api/info").body()).contains("\"database\":\"" + db.vendor().folder() + "\"");
            assertThat(get(base + "no-such-page").statusCode()).isEqualTo(404);

            // a second server on the same data dir stops at once with a readable reason
            Server second = Server.start(db);
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process.exitValue()).isEqualTo(1);
            assertThat(second.output()).contains("locked");
        } finally {
            // SIGTERM, as a service manager would; Process.destroy() would also close our end of its output
            server.process.toHandle().destroy();
            assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.output()).as("exit code %d", server.process.exitValue())
                .contains("Commit Stats stopped.").doesNotContain("Exception");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code serve} process whose output is read on a thread of its own. */
    private record Server(Process process, BlockingQueue<String> lines, List<String> seen, Thread[] reader) {

        static Server start(TestDatabase db) throws IOException {
            Path jar = Path.of(System.getProperty("basedir", "."), "target", "commitstats.jar");
            assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar", jar.toString(), "serve", "--port", "0"));
            cmd.addAll(List.of(db.cliOptions()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Server s = new Server(p, new LinkedBlockingQueue<>(), java.util.Collections.synchronizedList(new ArrayList<>()),
                    new Thread[1]);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        s.seen.add(line);
                        s.lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            s.reader[0] = reader;
            return s;
        }

        String awaitUrl() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                } else if (!process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("serve did not print its URL; output:\n" + output());
        }

        /** Everything the process printed; once it has ended, up to its last line. */
        String output() throws InterruptedException {
            if (!process.isAlive()) {
                reader[0].join(10_000);
            }
            synchronized (seen) {
                return String.join("\n", seen);
            }
        }
    }
}
