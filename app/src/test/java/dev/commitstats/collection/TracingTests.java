package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tracing in the real server (JobRunr on both databases, a smart-HTTP git server, a stand-in OTLP collector): switched
 * on, a signed GitHub push is one trace from the webhook's HTTP span to the collect job's span (run later by a worker,
 * its parent carried in the job) to the CV rebuild, with no secret or email in any attribute, and the spans reach the
 * configured endpoint; by default, nothing is sampled, carried or exported.
 */
class TracingTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A stand-in OTLP/HTTP collector: keeps the body of each POST to /v1/traces and answers 200 (an empty message). */
    private static final class Collector implements AutoCloseable {
        final HttpServer server;
        final List<byte[]> exports = new CopyOnWriteArrayList<>();

        Collector() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                exchange.getRequestBody().transferTo(body);
                if (exchange.getRequestMethod().equals("POST") && String.valueOf(
                        exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-protobuf")) {
                    exports.add(body.toByteArray());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
        }

        boolean received(byte[] traceId) {
            return exports.stream().anyMatch(b -> indexOf(b, traceId) >= 0);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private record Setup(SmartHttpGitServer git, JobsServer server, long userId, long repositoryId, String url,
            WebhookSecrets.Created hook) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            git.close();
        }

        int runs() {
            return server.bean(CollectionService.class).runs().runs(userId, null, 100).size();
        }
    }

    private Setup setup(TestDatabase db, InMemorySpanExporter spans, String... extra) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        SmartHttpGitServer git = new SmartHttpGitServer(served, Files.createDirectories(tmp.resolve("tomcat")));
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(served.resolve("octo/app.git"))) {
            history(repo, 9, 0);
        }
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        User me = accounts.findOrCreate("me");
        accounts.addIdentities(me.id(), Set.of(ME));
        String url = git.url("octo/app.git");
        long id = new RepositoryRegistry(db.dataSource(), Clock.systemUTC())
                .registerRepository(me.id(), NewRepository.of(url, SourceKind.GIT, "app"));
        ApplicationContextInitializer<ConfigurableApplicationContext> withSpans =
                ctx -> ctx.getBeanFactory().registerSingleton("inMemorySpanExporter", spans);
        JobsServer server = JobsServer.start(db, tmp.resolve("data"), "127.0.0.1:" + git.port(), List.of(withSpans),
                extra);
        WebhookSecrets.Created hook = server.bean(WebhookSecrets.class).rotate(me.id(), server.base());
        return new Setup(git, server, me.id(), id, url, hook);
    }

    /** A GitHub push of the repository at {@code cloneUrl}, with the pusher's email as GitHub sends it. */
    private HttpResponse<String> githubPush(Setup s) throws Exception {
        String html = s.url().substring(0, s.url().length() - 4);
        byte[] body = ("""
                {"ref":"refs/heads/main","after":"59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5",
                 "repository":{"id":186853002,"name":"app","full_name":"octo/app","private":false,
                   "html_url":"%s","clone_url":"%s","default_branch":"main"},
                 "pusher":{"name":"octocat","email":"octocat@github.com"}}
                """).formatted(html, s.url()).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.server().base() + "/webhooks/github/"
                        + s.hook().hookId()))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + WebhookProvider.hmacHex(body, s.hook().secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The traceparent argument of the collect jobs that succeeded. */
    private static List<String> carriedTraceparents(JobsServer server) {
        List<Job> done = server.bean(StorageProvider.class).getJobList(StateName.SUCCEEDED,
                new AmountRequest("updatedAt:ASC", 100));
        return done.stream().filter(j -> j.getJobDetails().getMethodName().equals("collect"))
                .map(j -> (String) j.getJobDetails().getJobParameterValues()[2]).toList();
    }

    private static List<SpanData> named(InMemorySpanExporter spans, String name) {
        return spans.getFinishedSpanItems().stream().filter(d -> d.getName().equals(name)).toList();
    }

    @DatabaseTest
    void switchedOnAWebhookDeliveryIsOneTraceFromItsRequestToTheJobToTheCvRebuild(TestDatabase db) throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (Collector collector = new Collector();
                Setup s = setup(db, spans, "--commitstats.tracing.endpoint=" + collector.endpoint())) {
            HttpResponse<String> delivered = githubPush(s);
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);

            JobsServer.await("the collect and CV rebuild spans", WAIT, () -> !named(spans, "commitstats.collect")
                    .isEmpty() && !named(spans, "commitstats.cv.rebuild").isEmpty());

            List<SpanData> all = spans.getFinishedSpanItems();
            SpanData collect = named(spans, "commitstats.collect").get(0);
            SpanData rebuild = named(spans, "commitstats.cv.rebuild").get(0);
            // the job's parent is the span current when the delivery enqueued it (Spring Security's, in the request)
            List<SpanData> ancestors = ancestors(all, collect);
            assertThat(ancestors).as("the collect span's ancestors in %s", all).isNotEmpty();
            SpanData webhook = ancestors.get(ancestors.size() - 1);

            assertThat(webhook.getName()).isEqualTo("http post /webhooks/{provider}/{hookId}");
            assertThat(webhook.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(webhook.getParentSpanContext().isValid()).isFalse();
            assertThat(webhook.getTraceId()).isEqualTo(collect.getTraceId()).isEqualTo(rebuild.getTraceId());
            assertThat(rebuild.getParentSpanId()).isEqualTo(collect.getSpanId());
            assertThat(collect.getKind()).isEqualTo(SpanKind.CONSUMER);
            Map<String, Object> attributes = attributes(collect);
            long mined = s.server().bean(CollectionService.class).runs().runs(s.userId(), null, 1).get(0)
                    .newCommits();
            assertThat(mined).isPositive();
            assertThat(attributes).containsEntry("commitstats.trigger", "webhook")
                    .containsEntry("commitstats.result", "collected").containsEntry("commitstats.commits.new", mined)
                    .containsEntry("commitstats.repository.id", s.repositoryId());
            assertThat(attributes(rebuild)).containsEntry("commitstats.cvs", "1")
                    .containsEntry("commitstats.user.id", Long.toString(s.userId()));
            assertThat(carriedTraceparents(s.server())).singleElement().asString()
                    .startsWith("00-" + collect.getTraceId() + "-" + collect.getParentSpanId() + "-");

            // no secret and no email (nor URL credentials) in any attribute of any span
            for (SpanData span : spans.getFinishedSpanItems()) {
                Stream.concat(attributes(span).values().stream(),
                        span.getEvents().stream().flatMap(e -> e.getAttributes().asMap().values().stream()))
                        .map(String::valueOf).forEach(value -> assertThat(value).as(span.getName())
                                .doesNotContain(s.hook().secret()).doesNotContain("@"));
            }

            // and the same spans went to the configured endpoint (OTLP over HTTP, protobuf)
            byte[] traceId = HexFormat.of().parseHex(collect.getTraceId());
            JobsServer.await("the export to the collector", WAIT, () -> collector.received(traceId));
        }
    }

    @DatabaseTest
    void byDefaultNothingIsSampledCarriedOrExported(TestDatabase db) throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (Setup s = setup(db, spans)) {
            assertThat(githubPush(s).statusCode()).isEqualTo(202);
            JobsServer.await("the webhook's collection", WAIT, () -> s.runs() == 1);
            // requests enough that Boot's own default (10% of traces) would have sampled some
            for (int i = 0; i < 50; i++) {
                http.send(HttpRequest.newBuilder(URI.create(s.server().base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            JobsServer.await("the collect job's success", WAIT, () -> carriedTraceparents(s.server()).size() == 1);

            assertThat(carriedTraceparents(s.server())).containsExactly(CollectionTracing.NO_TRACE);
            Thread.sleep(6_000); // longer than a batching processor's delay (5 s)
            assertThat(spans.getFinishedSpanItems()).isEmpty();
        }
    }

    /** The span's parent, its parent's parent, ... as far as they were exported, nearest first. */
    private static List<SpanData> ancestors(List<SpanData> all, SpanData span) {
        List<SpanData> out = new java.util.ArrayList<>();
        for (SpanData at = span; at.getParentSpanContext().isValid(); ) {
            String parent = at.getParentSpanId();
            at = all.stream().filter(d -> d.getSpanId().equals(parent)).findFirst().orElse(null);
            if (at == null) {
                break;
            }
            out.add(at);
        }
        return out;
    }

    private static Map<String, Object> attributes(SpanData span) {
        Map<String, Object> out = new java.util.HashMap<>();
        span.getAttributes().forEach((k, v) -> out.put(k.getKey(), v));
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
