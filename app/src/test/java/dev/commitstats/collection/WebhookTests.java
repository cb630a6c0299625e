package dev.commitstats.collection;

import static dev.commitstats.collection.CollectTests.ME;
import static dev.commitstats.collection.CollectTests.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.mirror.SmartHttpGitServer;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push webhooks against the real server on both databases, with payloads shaped as each host documents them: a
 * verified push enqueues a collection of the matching repository, a repeated delivery is ignored, a wrong signature
 * gets 401 and is counted, and garbage of every kind gets 4xx without touching any state, never 500.
 */
class WebhookTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Setup(SmartHttpGitServer git, JobsServer server, long userId, long repositoryId, String url,
            WebhookSecrets.Created hook) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            git.close();
        }

        String hookUrl(String provider) {
            return server.base() + "/webhooks/" + provider + "/" + hook.hookId();
        }

        int runs() {
            return server.bean(CollectionService.class).runs().runs(userId, null, 100).size();
        }

        int deliveries(TestDatabase db) {
            return db.jdbc().sql("SELECT COUNT(*) FROM webhook_deliveries").query(Integer.class).single();
        }
    }

    private Setup setup(TestDatabase db) throws Exception {
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
        JobsServer server = JobsServer.start(db, tmp.resolve("data"), "127.0.0.1:" + git.port());
        WebhookSecrets.Created hook = server.bean(WebhookSecrets.class).rotate(me.id(), server.base());
        return new Setup(git, server, me.id(), id, url, hook);
    }

    private HttpResponse<String> post(String url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GitHub's push payload, trimmed to the fields that matter, with the repository at {@code cloneUrl}. */
    private static byte[] githubPush(String cloneUrl) {
        String html = cloneUrl.substring(0, cloneUrl.length() - 4);
        return ("""
                {"ref":"refs/heads/main","before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246",
                 "after":"59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5","created":false,"deleted":false,"forced":false,
                 "repository":{"id":186853002,"name":"app","full_name":"octo/app","private":false,
                   "html_url":"%s","url":"%s","clone_url":"%s","default_branch":"main"},
                 "pusher":{"name":"octocat","email":"octocat@github.com"},
                 "head_commit":{"id":"59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5","message":"Update README.md"}}
                """).formatted(html, html, cloneUrl).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> github(byte[] body, String secret, String delivery, String event) {
        return Map.of("Content-Type", "application/json", "X-GitHub-Event", event, "X-GitHub-Delivery", delivery,
                "X-Hub-Signature-256", "sha256=" + WebhookProvider.hmacHex(body, secret),
                "User-Agent", "GitHub-Hookshot/044aadd");
    }

    @DatabaseTest
    void aSignedGithubPushEnqueuesTheRepositoryAndARepeatedDeliveryIsIgnored(TestDatabase db) throws Exception {
        try (Setup s = setup(db)) {
            byte[] body = githubPush(s.url);
            String delivery = UUID.randomUUID().toString();

            HttpResponse<String> first = post(s.hookUrl("github"), github(body, s.hook().secret(), delivery, "push"), body);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(first.body()).contains("\"accepted\"").contains(String.valueOf(s.repositoryId()));
            JobsServer.await("the webhook's collection", WAIT, () -> s.runs() == 1);
            assertThat(s.server().bean(CollectionService.class).runs().runs(s.userId(), null, 1).get(0).trigger())
                    .isEqualTo(CollectionTrigger.WEBHOOK);

            HttpResponse<String> again = post(s.hookUrl("github"), github(body, s.hook().secret(), delivery, "push"), body);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("\"duplicate\"");

            HttpResponse<String> ping = post(s.hookUrl("github"),
                    github("{\"zen\":\"Keep it simple.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8),
                            s.hook().secret(), UUID.randomUUID().toString(), "ping"),
                    "{\"zen\":\"Keep it simple.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(ping.statusCode()).isEqualTo(200);
            Thread.sleep(6_000); // a worker poll: the duplicate enqueued nothing
            assertThat(s.runs()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void everyHostsDocumentedSignatureIsVerified(TestDatabase db) throws Exception {
        try (Setup s = setup(db)) {
            String secret = s.hook().secret();
            String web = s.url().substring(0, s.url().length() - 4);
            byte[] gitlab = ("""
                    {"object_kind":"push","event_name":"push","ref":"refs/heads/main","user_username":"jsmith",
                     "project":{"id":15,"name":"app","web_url":"%s","git_http_url":"%s","path_with_namespace":"octo/app"},
                     "repository":{"name":"app","homepage":"%s","git_http_url":"%s"},"total_commits_count":1}
                    """).formatted(web, s.url(), web, s.url()).getBytes(StandardCharsets.UTF_8);
            byte[] gitea = ("""
                    {"ref":"refs/heads/develop","before":"28e1879d029cb852e4844d9c718537df08844e03",
                     "after":"bffeb74224043ba2feb48d137756c8a9331c449a",
                     "repository":{"id":140,"name":"app","full_name":"octo/app","html_url":"%s","clone_url":"%s"},
                     "pusher":{"login":"gitea"}}
                    """).formatted(web, s.url()).getBytes(StandardCharsets.UTF_8);
            byte[] bitbucket = ("""
                    {"push":{"changes":[{"new":{"type":"branch","name":"main"}}]},
                     "repository":{"type":"repository","full_name":"octo/app","name":"app",
                       "links":{"html":{"href":"%s"}},"uuid":"{a1b2}"},"actor":{"display_name":"Me"}}
                    """).formatted(web).getBytes(StandardCharsets.UTF_8);
            byte[] azure = ("""
                    {"subscriptionId":"00000000-0000-0000-0000-000000000000","notificationId":3,
                     "id":"03c164c2-8912-4d5e-8009-3707d5f83734","eventType":"git.push","publisherId":"tfs",
                     "resource":{"refUpdates":[{"name":"refs/heads/main"}],
                       "repository":{"id":"278d5cd2","name":"app","remoteUrl":"%s"}}}
                    """).formatted(s.url()).getBytes(StandardCharsets.UTF_8);

            assertThat(post(s.hookUrl("gitlab"), Map.of("Content-Type", "application/json", "X-Gitlab-Event",
                    "Push Hook", "X-Gitlab-Token", secret, "X-Gitlab-Event-UUID", UUID.randomUUID().toString()),
                    gitlab).statusCode()).isEqualTo(202);
            assertThat(post(s.hookUrl("gitea"), Map.of("Content-Type", "application/json", "X-Gitea-Event", "push",
                    "X-Gitea-Delivery", UUID.randomUUID().toString(), "X-Gitea-Signature",
                    WebhookProvider.hmacHex(gitea, secret)), gitea).statusCode()).isEqualTo(202);
            assertThat(post(s.hookUrl("bitbucket"), Map.of("Content-Type", "application/json", "X-Event-Key",
                    "repo:push", "X-Request-UUID", UUID.randomUUID().toString(), "X-Hub-Signature",
                    "sha256=" + WebhookProvider.hmacHex(bitbucket, secret)), bitbucket).statusCode()).isEqualTo(202);
            String basic = "Basic " + Base64.getEncoder().encodeToString(("commitstats:" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(post(s.hookUrl("azure-devops"), Map.of("Content-Type", "application/json; charset=utf-8",
                    "Authorization", basic), azure).statusCode()).isEqualTo(202);

            // each with a wrong secret: 401, nothing recorded
            int before = s.deliveries(db);
            assertThat(post(s.hookUrl("gitlab"), Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", "nope",
                    "X-Gitlab-Event-UUID", "x"), gitlab).statusCode()).isEqualTo(401);
            assertThat(post(s.hookUrl("gitea"), Map.of("X-Gitea-Event", "push", "X-Gitea-Delivery", "y",
                    "X-Gitea-Signature", WebhookProvider.hmacHex(gitea, "nope")), gitea).statusCode()).isEqualTo(401);
            assertThat(post(s.hookUrl("bitbucket"), Map.of("X-Event-Key", "repo:push", "X-Request-UUID", "z",
                    "X-Hub-Signature", "sha256=" + WebhookProvider.hmacHex(bitbucket, "nope")), bitbucket)
                    .statusCode()).isEqualTo(401);
            assertThat(post(s.hookUrl("azure-devops"), Map.of("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("u:nope".getBytes(StandardCharsets.UTF_8))), azure)
                    .statusCode()).isEqualTo(401);
            assertThat(s.deliveries(db)).isEqualTo(before);
            double unauthorized = s.server().bean(MeterRegistry.class).find("commitstats.webhook.deliveries")
                    .tag("result", "unauthorized").counters().stream().mapToDouble(c -> c.count()).sum();
            assertThat(unauthorized).isEqualTo(4);
        }
    }

    @DatabaseTest
    void forgedMalformedOversizedOrGarbageDeliveriesGet4xxAndChangeNothing(TestDatabase db) throws Exception {
        try (Setup s = setup(db)) {
            String secret = s.hook().secret();
            byte[] good = githubPush(s.url());
            byte[] tampered = githubPush(s.url() + "x");

            // signed for another body, another secret, or another user's hook id
            assertThat(post(s.hookUrl("github"), github(good, secret, "d1", "push"), tampered).statusCode()).isEqualTo(401);
            assertThat(post(s.hookUrl("github"), github(good, "not-the-secret", "d2", "push"), good).statusCode())
                    .isEqualTo(401);
            assertThat(post(s.server().base() + "/webhooks/github/" + "0".repeat(32), github(good, secret, "d3", "push"),
                    good).statusCode()).isEqualTo(401);
            assertThat(post(s.server().base() + "/webhooks/github", github(good, secret, "d4", "push"), good)
                    .statusCode()).isEqualTo(401);
            assertThat(post(s.hookUrl("github"), Map.of("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=zz"),
                    good).statusCode()).isEqualTo(401);
            // signed garbage: not JSON, empty, a JSON array, wrong content type
            for (byte[] body : new byte[][] {"{not json".getBytes(StandardCharsets.UTF_8), new byte[0],
                    "[1,2]".getBytes(StandardCharsets.UTF_8), "payload=%7B%7D".getBytes(StandardCharsets.UTF_8),
                    {(byte) 0xff, (byte) 0xfe, 0, 1}}) {
                var headers = new java.util.HashMap<>(github(body, secret, UUID.randomUUID().toString(), "push"));
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                HttpResponse<String> r = post(s.hookUrl("github"), headers, body);
                assertThat(r.statusCode()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(400);
            }
            // signed, but without a delivery id
            var noId = new java.util.HashMap<>(github(good, secret, "x", "push"));
            noId.remove("X-GitHub-Delivery");
            assertThat(post(s.hookUrl("github"), noId, good).statusCode()).isEqualTo(400);
            // larger than the limit (1 MB): 400 before anything is read further
            byte[] huge = new byte[1024 * 1024 + 10];
            java.util.Arrays.fill(huge, (byte) ' ');
            assertThat(post(s.hookUrl("github"), github(huge, secret, "d5", "push"), huge).statusCode()).isEqualTo(400);
            // unknown provider
            assertThat(post(s.server().base() + "/webhooks/sourceforge/" + s.hook().hookId(), Map.of(), good)
                    .statusCode()).isEqualTo(404);
            // none of it recorded a delivery or ran a collection
            assertThat(s.deliveries(db)).isZero();
            Thread.sleep(6_000);
            assertThat(s.runs()).isZero();
        }
    }

    @DatabaseTest
    void aRotatedSecretIsShownOnceWithEachHostsSetupAndStoredEncrypted(TestDatabase db) throws Exception {
        try (Setup s = setup(db)) {
            WebhookSecrets secrets = s.server().bean(WebhookSecrets.class);
            WebhookSecrets.Created again = secrets.rotate(s.userId(), "https://stats.example.com/");

            assertThat(again.hookId()).as("the URLs stay").isEqualTo(s.hook().hookId());
            assertThat(again.secret()).isNotEqualTo(s.hook().secret()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(again.setup()).extracting(WebhookSecrets.ProviderSetup::provider)
                    .containsExactly("github", "gitlab", "gitea", "bitbucket", "azure-devops");
            assertThat(again.setup().get(0).payloadUrl())
                    .isEqualTo("https://stats.example.com/webhooks/github/" + again.hookId());
            assertThat(again.toString()).doesNotContain(again.secret());
            String stored = db.jdbc().sql("SELECT secret_ciphertext FROM webhook_secrets").query(String.class).single();
            assertThat(stored).doesNotContain(again.secret());
            // the old secret no longer verifies
            byte[] body = githubPush(s.url());
            assertThat(post(s.hookUrl("github"), github(body, s.hook().secret(), "old", "push"), body).statusCode())
                    .isEqualTo(401);
            assertThat(post(s.hookUrl("github"), github(body, again.secret(), "new", "push"), body).statusCode())
                    .isEqualTo(202);
        }
    }
}
