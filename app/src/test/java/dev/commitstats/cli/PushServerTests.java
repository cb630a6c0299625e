package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.core.testing.GitRepoBuilder;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code commitstats push} against a running server, on both databases: what a first push stores, that a second sends
 * nothing, that an interrupted push and a rerun equal one clean push, that the CV after a push equals the CV after a
 * collection of the same repository, that malformed and fuzzed batches get 400 (never 500) and store nothing, keys and
 * scopes, and that a dry run shows no path or message.
 */
class PushServerTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "quokkamarker";
    private static final List<String> CV_FIELDS = List.of("commits", "additions", "deletions", "languages", "types",
            "types_inferred", "excluded", "detected", "first_commit", "last_commit", "active_days");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private String key(TestDatabase db, String login, EnumSet<Caller.Scope> scopes) throws IOException {
        long userId = db.jdbc().sql("SELECT id FROM users WHERE login = :l").param("l", login).query(Long.class)
                .single();
        return new ApiKeys(db.dataSource(), Clock.systemUTC()).create(userId, "test", scopes).value();
    }

    private Path keyFile(String key) throws IOException {
        Path f = Files.createTempFile(tmp, "key", ".txt");
        Files.writeString(f, key + "\n");
        return f;
    }

    private static CommandLineTests.Run push(String server, Path keyFile, String... more) {
        List<String> args = new ArrayList<>(List.of("push", "--server", server, "--api-key-file", keyFile.toString()));
        args.addAll(List.of(more));
        return CommandLineTests.run(args.toArray(String[]::new));
    }

    private HttpResponse<String> post(String base, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String base, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static long facts(TestDatabase db) {
        return db.jdbc().sql("SELECT COUNT(*) FROM commit_facts").query(Long.class).single();
    }

    private Path history(String name, long seed) throws IOException {
        Path repo = tmp.resolve(name);
        CvHistories.write(repo, seed, 30, 200, 3, List.of(CvHistories.JAVA, CvHistories.SQL, CvHistories.DOCS), true);
        return repo;
    }

    private void assertSameCv(JsonNode a, JsonNode b) {
        assertThat(a.get("commits").asLong()).isPositive();
        assertThat(a.get("languages")).hasSizeGreaterThan(1);
        for (String field : CV_FIELDS) {
            assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
        }
    }

    @DatabaseTest
    void aPushStoresTheFactsASecondSendsNothingAndTheCvEqualsACollectedOne(TestDatabase db) throws Exception {
        Path repo = history("payroll", 11);
        SignInServerTests.account(db, "ada", false);
        // another user who collects the same repository on the server with the same email
        assertThat(CommandLineTestsAccess.run(db, "collect", "--user", "eve", "--email", CvHistories.EMAIL,
                repo.toString()).exitCode()).isZero();
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        accounts.setPublished(accounts.require("ada").id(), true);
        accounts.setPublished(accounts.require("eve").id(), true);
        long collected = facts(db);
        try (TestServer server = TestServer.start(db)) {
            Path key = keyFile(key(db, "ada", EnumSet.of(Caller.Scope.PUSH)));
            CommandLineTests.Run first = push(server.base(), key, "--email", CvHistories.EMAIL, repo.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("payroll: " + collected + " commits sent (" + collected + " new), "
                    + collected + " stored on the server");
            assertThat(facts(db)).isEqualTo(2 * collected);

            CommandLineTests.Run second = push(server.base(), key, "--email", CvHistories.EMAIL, repo.toString());
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("payroll: 0 commits sent (0 new), " + collected + " stored");
            assertThat(facts(db)).isEqualTo(2 * collected);

            assertSameCv(get(server.base(), "/api/v1/cv/ada", null), get(server.base(), "/api/v1/cv/eve", null));

            String all = key(db, "ada", EnumSet.allOf(Caller.Scope.class));
            JsonNode repos = get(server.base(), "/api/v1/repositories", all);
            assertThat(repos).hasSize(1);
            JsonNode pushed = repos.get(0);
            assertThat(pushed.get("kind").asString()).isEqualTo("pushed");
            assertThat(pushed.get("cloneUrl").asString()).isEqualTo("push:payroll");
            assertThat(pushed.get("status").asString()).isEqualTo("up_to_date");
            assertThat(pushed.get("lastPushAt").isNull()).isFalse();
            // the server never collects it
            HttpResponse<String> refresh = post(server.base(), "/api/v1/refresh", all, "");
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(202);
            assertThat(JSON.readTree(refresh.body()).get("enqueued")).isEmpty();
        }
    }

    @DatabaseTest
    void anInterruptedPushThenARerunEqualsOneCleanPush(TestDatabase db) throws Exception {
        Path repo = history("ledger", 23);
        SignInServerTests.account(db, "ada", false);
        SignInServerTests.account(db, "bob", false);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        accounts.setPublished(accounts.require("ada").id(), true);
        accounts.setPublished(accounts.require("bob").id(), true);
        try (TestServer server = TestServer.start(db)) {
            Path adaKey = keyFile(key(db, "ada", EnumSet.of(Caller.Scope.PUSH)));
            Path bobKey = keyFile(key(db, "bob", EnumSet.of(Caller.Scope.PUSH)));
            try (DroppingProxy proxy = DroppingProxy.start(server.base(), 1)) {
                CommandLineTests.Run cut = push(proxy.base(), adaKey, "--batch-size", "7", "--email",
                        CvHistories.EMAIL, repo.toString());
                assertThat(cut.exitCode()).isEqualTo(1);
                assertThat(cut.err()).contains("ledger: ").contains("7 commits were stored").contains("push again");
            }
            assertThat(facts(db)).isEqualTo(7);
            CommandLineTests.Run rest = push(server.base(), adaKey, "--batch-size", "7", "--email",
                    CvHistories.EMAIL, repo.toString());
            assertThat(rest.exitCode()).as(rest.err()).isZero();
            long total = facts(db);
            assertThat(rest.out()).contains("ledger: " + (total - 7) + " commits sent (" + (total - 7) + " new), "
                    + total + " stored");

            CommandLineTests.Run clean = push(server.base(), bobKey, "--email", CvHistories.EMAIL, repo.toString());
            assertThat(clean.exitCode()).as(clean.err()).isZero();
            assertThat(facts(db)).isEqualTo(2 * total);
            assertSameCv(get(server.base(), "/api/v1/cv/ada", null), get(server.base(), "/api/v1/cv/bob", null));
        }
    }

    @DatabaseTest
    void malformedAndFuzzedBatchesGet400NeverA500AndStoreNothing(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            String key = key(db, "ada", EnumSet.of(Caller.Scope.PUSH));
            ObjectNode valid = batch("fuzz", 3);
            assertThat(post(server.base(), "/api/v1/facts", null, valid.toString()).statusCode()).isEqualTo(401);

            record Case(String body, String detail) {
            }
            List<Case> cases = new ArrayList<>();
            ObjectNode c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(2).get("languages").get("Java")).put("additions", -1);
            cases.add(new Case(c.toString(), "facts[2].languages.Java.additions: must be >= 0"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(1)).put("message", "fix: secret");
            cases.add(new Case(c.toString(), "facts[1].message: unknown field"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(0)).put("sha", "XYZ");
            cases.add(new Case(c.toString(), "facts[0].sha: must be 40 lowercase hex digits"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(2)).put("authorTime", "2999-01-01T00:00:00Z");
            cases.add(new Case(c.toString(), "facts[2].authorTime: must be between 1970-01-01 and tomorrow"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(2)).put("authorOffsetMinutes", 19 * 60);
            cases.add(new Case(c.toString(), "facts[2].authorOffsetMinutes: must be <= 1080"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(1).get("languages")).set("Klingon", count(1, 1, 1));
            cases.add(new Case(c.toString(), "facts[1].languages: unknown language 'Klingon'"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(1)).put("type", "party");
            cases.add(new Case(c.toString(), "facts[1].type: unknown commit type 'party'"));
            c = valid.deepCopy();
            ((ObjectNode) c.get("facts").get(0).get("excluded")).set("stolen", count(1, 0, 1));
            cases.add(new Case(c.toString(), "facts[0].excluded: unknown bucket 'stolen'"));
            c = valid.deepCopy();
            ((ArrayNode) c.get("facts").get(0).get("detections")).addObject().put("kind", "dockerfile")
                    .put("name", "deploy/Dockerfile");
            cases.add(new Case(c.toString(), "facts[0].detections[1].name: only a package has one"));
            c = valid.deepCopy();
            ((ArrayNode) c.get("facts")).add(c.get("facts").get(0).deepCopy());
            cases.add(new Case(c.toString(), "facts[3].sha: the same commit as facts[0]"));
            c = valid.deepCopy();
            c.put("repository", "../etc/passwd");
            cases.add(new Case(c.toString(), "repository: '../etc/passwd' is not a label"));
            c = batch("big", 1001);
            cases.add(new Case(c.toString(), "facts: at most 1000 facts per request"));
            cases.add(new Case("{\"repository\": \"x\", \"facts\": [", "body: not valid JSON"));
            cases.add(new Case("[]", "body: must be an object"));
            cases.add(new Case("", "body: empty"));
            cases.add(new Case("{\"repository\": \"x\", \"repository\": \"y\", \"rulesVersion\": 4, \"facts\": []}",
                    "body: not valid JSON"));
            for (Case k : cases) {
                HttpResponse<String> r = post(server.base(), "/api/v1/facts", key, k.body());
                assertThat(r.statusCode()).as(k.detail() + ": " + r.body()).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).get("detail").asString()).as(r.body()).contains(k.detail());
            }
            assertThat(facts(db)).isZero();
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM repositories").query(Long.class).single()).isZero();

            // random mutations of a valid batch: whatever arrives, a 400 stores nothing and nothing is a 500
            Random random = new Random(20261201L);
            int refused = 0;
            for (int i = 0; i < 300; i++) {
                long before = facts(db);
                String body = mutate(batch("fuzz", 2 + random.nextInt(3)), random);
                HttpResponse<String> r = post(server.base(), "/api/v1/facts", key, body);
                assertThat(r.statusCode()).as(body + " -> " + r.body()).isIn(200, 400);
                if (r.statusCode() == 400) {
                    refused++;
                    assertThat(facts(db)).as(body).isEqualTo(before);
                    assertThat(JSON.readTree(r.body()).get("detail").asString()).isNotBlank();
                }
            }
            assertThat(refused).isGreaterThan(200);
            HttpResponse<String> ok = post(server.base(), "/api/v1/facts", key, valid.toString());
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).get("received").asInt()).isEqualTo(3);
            HttpResponse<String> known = post(server.base(), "/api/v1/facts/known", key, "{\"repository\": \"fuzz\"}");
            assertThat(JSON.readTree(known.body()).get("shas")).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @DatabaseTest
    void aWrongKeyAndAKeyWithoutThePushScopeAreRefusedWithWhatToDo(TestDatabase db) throws Exception {
        Path repo = history("tiny", 5);
        SignInServerTests.account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            CommandLineTests.Run wrong = push(server.base(), keyFile("cs_" + "A".repeat(43)), "--email",
                    CvHistories.EMAIL, repo.toString());
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err()).contains("the server refused the API key: create one with `commitstats api-keys "
                    + "create --scopes push`");
            String reader = key(db, "ada", EnumSet.of(Caller.Scope.READ));
            CommandLineTests.Run read = push(server.base(), keyFile(reader), "--email", CvHistories.EMAIL,
                    repo.toString());
            assertThat(read.exitCode()).isEqualTo(1);
            assertThat(read.err()).contains("'push' scope");
            assertThat(post(server.base(), "/api/v1/facts", reader, batch("tiny", 1).toString()).statusCode())
                    .isEqualTo(403);
            assertThat(read.err() + read.out() + wrong.err()).doesNotContain(reader);
            assertThat(facts(db)).isZero();
        }
    }

    @Test
    void aDryRunPrintsTheRequestsWithNoPathOrMessage() throws Exception {
        Path repo = tmp.resolve(MARKER + "-repo");
        try (GitRepoBuilder git = GitRepoBuilder.init(repo)) {
            git.author("Ada", "ada@example.com").at("2024-03-05T09:12:00+01:00");
            git.write("src/" + MARKER + "/Main.java", "class Main {}\n");
            git.write("Dockerfile", "FROM scratch\n");
            git.commit("feat: " + MARKER + " first");
            git.at("2024-03-06T10:00:00+01:00").write("src/" + MARKER + "/Main.java", "class Main { int x; }\n");
            git.write("package.json", "{\"dependencies\": {\"left-pad\": \"1.0.0\"}}\n");
            git.commit("Fix the " + MARKER + " parser");
        }
        CommandLineTests.Run r = CommandLineTests.run("push", "--server", "https://stats.example.invalid", "--dry-run",
                "--email", "ada@example.com", "--label", "demo", repo.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode batches = JSON.readTree(r.out());
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("repository").asString()).isEqualTo("demo");
        assertThat(batches.get(0).get("facts")).hasSize(2);
        assertThat(batches.get(0).get("facts").get(1).get("type").asString()).isEqualTo("fix");
        assertThat(r.out()).contains("left-pad").contains("dockerfile").doesNotContain(MARKER)
                .doesNotContain("Main.java").doesNotContain("package.json").doesNotContain("src/");
        assertThat(r.err()).contains("no API key");
    }

    @Test
    void aServerThatIsDownUnknownOrNotTlsIsNamed() throws Exception {
        Path repo = history("tiny", 5);
        Path key = keyFile("cs_" + "B".repeat(43));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CommandLineTests.Run down = push("http://127.0.0.1:" + closed, key, repo.toString());
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).contains("cannot reach the server at http://127.0.0.1:" + closed)
                .contains("connection refused");
        CommandLineTests.Run unknown = push("https://no-such-host.invalid", key, repo.toString());
        assertThat(unknown.err()).contains("unknown host no-such-host.invalid");
        // a server that speaks plain HTTP on the port the client expects TLS on
        try (ServerSocket plain = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.getInputStream().read(new byte[512]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the client hung up first
                }
            });
            answer.start();
            CommandLineTests.Run tls = push("https://localhost:" + plain.getLocalPort(), key, repo.toString());
            assertThat(tls.exitCode()).isEqualTo(1);
            assertThat(tls.err()).contains("TLS problem with https://localhost:" + plain.getLocalPort());
            answer.join(5000);
        }
        CommandLineTests.Run http = push("http://stats.example.com", key, repo.toString());
        assertThat(http.err()).contains("use https://");
        assertThat(down.err() + unknown.err() + http.err()).doesNotContain("BBBBBBBB");
    }

    // ------------------------------------------------------------------------------------------------ payloads

    private static ObjectNode count(long additions, long deletions, long files) {
        ObjectNode n = JSON.createObjectNode();
        n.put("additions", additions).put("deletions", deletions).put("files", files);
        return n;
    }

    private static ObjectNode batch(String label, int commits) {
        ObjectNode b = JSON.createObjectNode();
        b.put("repository", label).put("rulesVersion", 4);
        ArrayNode facts = b.putArray("facts");
        for (int i = 0; i < commits; i++) {
            ObjectNode f = facts.addObject();
            f.put("sha", String.format("%040x", (long) label.hashCode() * 1000 + i).replace('-', 'a'));
            f.put("authorEmail", "ada@example.com");
            f.put("authorTime", "2024-03-0" + (1 + i % 9) + "T08:12:00Z");
            f.put("authorOffsetMinutes", 60);
            f.put("committerTime", "2024-03-0" + (1 + i % 9) + "T08:15:00Z");
            f.put("parentCount", 1);
            f.put("type", "feat");
            f.put("typeInferred", false);
            f.put("breaking", false);
            f.putObject("languages").set("Java", count(10 + i, 2, 1));
            f.putObject("excluded").set("generated", count(100, 0, 1));
            f.putArray("detections").addObject().put("kind", "package").put("ecosystem", "maven")
                    .put("name", "org.example:lib" + i);
        }
        return b;
    }

    private static final Object[] ODD_VALUES = {-1, Long.MAX_VALUE, "9999999999999999999999", 1.5, "", "x", true,
        null, "Java", "2024-02-30T00:00:00Z", "1969-12-31T23:59:59Z", "feat", "other", 1_000_000_001L,
        new String(new char[] {'\u0000', '\u202e'}), "a".repeat(400)};

    /** Replaces, removes or adds one field somewhere in the batch, or breaks the JSON itself. */
    private static String mutate(ObjectNode b, Random random) {
        if (random.nextInt(20) == 0) {
            String text = b.toString();
            return text.substring(0, random.nextInt(text.length()));
        }
        List<ObjectNode> objects = new ArrayList<>();
        collect(b, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>(target.propertyNames());
        String name = names.isEmpty() ? "extra" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> target.remove(name);
            case 1 -> target.put("unexpected" + random.nextInt(3), 1);
            default -> {
                Object v = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
                if (v == null) {
                    target.putNull(name);
                } else if (v instanceof Integer n) {
                    target.put(name, n);
                } else if (v instanceof Long n) {
                    target.put(name, n);
                } else if (v instanceof Double n) {
                    target.put(name, n);
                } else if (v instanceof Boolean n) {
                    target.put(name, n);
                } else {
                    target.put(name, (String) v);
                }
            }
        }
        return b.toString();
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode o) {
            into.add(o);
        }
        for (JsonNode child : node) {
            collect(child, into);
        }
    }

    /**
     * Forwards requests to the server until {@code allowed} batches of facts went through, then drops every
     * connection without an answer: a server that went away in the middle of a push.
     */
    private record DroppingProxy(HttpServer http, String base) implements AutoCloseable {

        static DroppingProxy start(String target, int allowed) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger batches = new AtomicInteger();
            HttpClient client = HttpClient.newHttpClient();
            server.createContext("/", ex -> {
                try (InputStream in = ex.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    String path = ex.getRequestURI().getPath();
                    if (path.equals("/api/v1/facts") && batches.incrementAndGet() > allowed) {
                        ex.close(); // no answer
                        return;
                    }
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(target + path))
                            .header("Authorization", ex.getRequestHeaders().getFirst("Authorization"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(r.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ex.close();
                }
            });
            server.start();
            return new DroppingProxy(server, "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
