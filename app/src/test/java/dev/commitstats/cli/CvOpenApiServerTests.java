package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The CV API in the OpenAPI document ({@code GET /api/docs}) of the real server, on each database, held against what
 * the endpoints really answer: each operation's 200 has a schema that a real answer fits field for field (every field
 * written is documented with its type, every field documented as always written is there, at every depth), and an
 * example that fits it too; a CV's 404 is documented as the problem detail it is. The schemas are documentation-only
 * records beside {@code CvJson}, which writes the JSON; these tests are what keeps the two from drifting apart.
 */
class CvOpenApiServerTests {

    private static final String CV = "/api/v1/cv/{login}";
    private static final String RESUME = "/api/v1/cv/{login}/resume.json";
    private static final String RANKING = "/api/v1/ranking";
    private static final List<String> OPERATIONS = List.of(CV, RESUME, RANKING);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @DatabaseTest
    void everyFieldTheCvEndpointsWriteIsInTheirDocumentedSchemas(TestDatabase db) throws Exception {
        publishAdaInTheRanking(db);
        try (TestServer server = TestServer.start(db)) {
            JsonNode docs = read(server, "/api/docs");
            for (String operation : OPERATIONS) {
                JsonNode content = content(docs, operation, "200", "application/json");
                JsonNode schema = resolve(docs, content.path("schema"));
                JsonNode answer = read(server, operation.replace("{login}", CvHistories.LOGIN));

                assertThat(schema.path("properties").propertyNames()).as(operation + ": the documented fields")
                        .containsExactlyInAnyOrderElementsOf(answer.propertyNames());
                assertFits(docs, answer, schema, operation);
            }
        }
    }

    @DatabaseTest
    void eachCvEndpointsExampleFitsItsSchemaAndHasTheFieldsOfARealAnswer(TestDatabase db) throws Exception {
        publishAdaInTheRanking(db);
        try (TestServer server = TestServer.start(db)) {
            JsonNode docs = read(server, "/api/docs");
            for (String operation : OPERATIONS) {
                JsonNode content = content(docs, operation, "200", "application/json");
                JsonNode example = example(docs, content);
                JsonNode answer = read(server, operation.replace("{login}", CvHistories.LOGIN));

                assertThat(example.isObject()).as(operation + ": the example is a JSON object").isTrue();
                assertThat(example.propertyNames()).as(operation + ": the example's fields")
                        .containsExactlyElementsOf(answer.propertyNames());
                assertFits(docs, example, resolve(docs, content.path("schema")), operation + " example");
            }
        }
    }

    @DatabaseTest
    void aCvThatIsNotPublishedIsDocumentedAndAnsweredAsAProblemDetail(TestDatabase db) throws Exception {
        try (TestServer server = TestServer.start(db)) {
            JsonNode docs = read(server, "/api/docs");
            for (String operation : List.of(CV, RESUME)) {
                JsonNode content = content(docs, operation, "404", "application/problem+json");
                JsonNode schema = resolve(docs, content.path("schema"));
                HttpResponse<String> answer = get(server, operation.replace("{login}", "nobody"));

                assertThat(answer.statusCode()).as(operation).isEqualTo(404);
                assertThat(answer.headers().firstValue("content-type")).as(operation)
                        .hasValue("application/problem+json");
                assertThat(schema.path("required").values()).extracting(JsonNode::asString).as(operation)
                        .contains("status", "title", "detail");
                assertFits(docs, json.readTree(answer.body()), schema, operation + " 404");
                assertFits(docs, example(docs, content), schema, operation + " 404 example");
            }
        }
    }

    /**
     * Ada's published CV from two repositories, one of them named by her choice (so the JSON has a masked and a named
     * repository), with her punch card shown and in the ranking: every optional part of the three answers is there.
     */
    private static void publishAdaInTheRanking(TestDatabase db) throws Exception {
        Path root = Files.createTempDirectory("cv-openapi");
        CvHistories.write(root.resolve("payroll"), 5, 30, 200, 3, List.of(CvHistories.JAVA, CvHistories.SQL), true);
        CvHistories.write(root.resolve("storefront"), 6, 12, 120, 5, List.of(CvHistories.TYPESCRIPT), false);
        UserAccounts accounts = new UserAccounts(db.dataSource(), Clock.systemUTC());
        long ada = accounts.create(CvHistories.LOGIN, "Ada Lovelace", ZoneId.of("Europe/London")).id();
        for (String repo : List.of("payroll", "storefront")) {
            assertThat(CommandLineTestsAccess.run(db, "collect", "--user", CvHistories.LOGIN, "--email",
                    CvHistories.EMAIL, root.resolve(repo).toString()).exitCode()).isZero();
        }
        accounts.setPublished(ada, true);
        long storefront = new RepositoryRegistry(db.dataSource(), Clock.systemUTC()).repositories(ada).stream()
                .filter(r -> r.name().equals("storefront")).mapToLong(Repository::id).findFirst().orElseThrow();
        CommandLineTests.Run settings = TokenCommands.run(db, "", "cv", "settings", "--user", CvHistories.LOGIN,
                "--ranking", "on", "--name-repository", String.valueOf(storefront));
        assertThat(settings.exitCode()).as(settings.err()).isZero();
    }

    /** The media type {@code type} of an operation's answer with {@code status}, which must be documented. */
    private static JsonNode content(JsonNode docs, String operation, String status, String type) {
        JsonNode content = docs.path("paths").path(operation).path("get").path("responses").path(status)
                .path("content");
        assertThat(content.propertyNames()).as(operation + " " + status + ": its media types").containsExactly(type);
        return content.path(type);
    }

    /** The one example of a media type, followed into {@code components/examples}. */
    private static JsonNode example(JsonNode docs, JsonNode content) {
        assertThat(content.path("examples").size()).as("examples").isEqualTo(1);
        JsonNode example = resolve(docs, content.path("examples").values().iterator().next());
        assertThat(example.has("value")).as("the example has a value").isTrue();
        return example.path("value");
    }

    /** A schema or an example, followed through its {@code $ref} ({@code #/components/...}) when it has one. */
    private static JsonNode resolve(JsonNode docs, JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String ref = resolved.path("$ref").asString();
            assertThat(ref).startsWith("#/");
            resolved = docs.at(ref.substring(1));
            assertThat(resolved.isMissingNode()).as(ref + " resolves").isFalse();
        }
        return resolved;
    }

    /**
     * Fails unless {@code value} fits {@code schema}, field by field at every depth: an object has every
     * {@code required} field and only fields its {@code properties} (or {@code additionalProperties}) document; an
     * array's items fit {@code items}; a leaf has the documented type, and its enum, pattern or date format; null only
     * where the type allows it. A schema without a type fails: every field must say what it is.
     */
    private static void assertFits(JsonNode docs, JsonNode value, JsonNode schemaOrRef, String at) {
        JsonNode schema = resolve(docs, schemaOrRef);
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").values().forEach(t -> types.add(t.asString()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asString());
        }
        if (value.isNull()) {
            assertThat(types).as(at + " may be null").contains("null");
            return;
        }
        if (types.contains("object")) {
            assertThat(value.isObject()).as(at + " is an object").isTrue();
            for (JsonNode required : schema.path("required").values()) {
                assertThat(value.has(required.asString())).as(at + " has " + required.asString()).isTrue();
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode fieldSchema = schema.path("properties").has(field.getKey())
                        ? schema.path("properties").path(field.getKey()) : schema.path("additionalProperties");
                assertThat(fieldSchema.isObject()).as(at + "." + field.getKey() + " is documented").isTrue();
                assertFits(docs, field.getValue(), fieldSchema, at + "." + field.getKey());
            }
        } else if (types.contains("array")) {
            assertThat(value.isArray()).as(at + " is an array").isTrue();
            for (int i = 0; i < value.size(); i++) {
                assertFits(docs, value.get(i), schema.path("items"), at + "[" + i + "]");
            }
        } else if (types.contains("integer")) {
            assertThat(value.isIntegralNumber()).as(at + " is an integer").isTrue();
        } else if (types.contains("boolean")) {
            assertThat(value.isBoolean()).as(at + " is a boolean").isTrue();
        } else if (types.contains("string")) {
            assertThat(value.isString()).as(at + " is a string").isTrue();
            assertStringFits(value.asString(), schema, at);
        } else {
            throw new AssertionError(at + " has no documented type: " + schema);
        }
    }

    private static void assertStringFits(String value, JsonNode schema, String at) {
        if (schema.has("enum")) {
            assertThat(schema.path("enum").values()).extracting(JsonNode::asString).as(at).contains(value);
        }
        if (schema.has("pattern")) {
            assertThat(value).as(at).containsPattern(schema.path("pattern").asString());
        }
        switch (schema.has("format") ? schema.path("format").asString() : "") {
            case "date" -> assertThat(LocalDate.parse(value)).as(at).isNotNull();
            case "date-time" -> assertThat(OffsetDateTime.parse(value)).as(at).isNotNull();
            default -> { }
        }
    }

    private JsonNode read(TestServer server, String path) throws Exception {
        HttpResponse<String> answer = get(server, path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> get(TestServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
