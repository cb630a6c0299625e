package dev.commitstats.cv;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CV API's response examples, added to the OpenAPI document's {@code components/examples} where the controllers'
 * {@code @ExampleObject(ref = ...)} point. Each example is a JSON file beside this class ({@code api-examples/*.json}):
 * a whole CV is too long for an annotation's string, and a file is checked as JSON by the test that compares it with
 * the schema and a real response ({@code CvOpenApiServerTests}). {@code externalValue} would not do: it is only a URL
 * that the document points to, not the example.
 *
 * <p>springdoc builds the document on its first request and keeps it, so the files are read once, never at start-up.
 */
@Component
final class CvApiExamples implements OpenApiCustomizer {

    /** Where the examples are in the document, for {@code @ExampleObject(ref = REF + name)}. */
    static final String REF = "#/components/examples/";
    /** A CV, {@code GET /api/v1/cv/{login}}. */
    static final String CV = "Cv";
    /** Its JSON Resume, {@code GET /api/v1/cv/{login}/resume.json}. */
    static final String RESUME = "CvResume";
    /** The ranking, {@code GET /api/v1/ranking}. */
    static final String RANKING = "CvRanking";
    /** The answer for a user without a published CV. */
    static final String NOT_FOUND = "CvNotFound";

    /** One example: its name in the document, its file in {@code api-examples/} and what it shows. */
    private record ExampleFile(String name, String file, String summary) {
    }

    private static final List<ExampleFile> FILES = List.of(
            new ExampleFile(CV, "cv.json", "A published CV: two languages (and a build file), one public and one "
                    + "masked private repository"),
            new ExampleFile(RESUME, "resume.json", "The same CV as a JSON Resume skills section"),
            new ExampleFile(RANKING, "ranking.json", "A ranking that two published users joined"),
            new ExampleFile(NOT_FOUND, "not-found.json", "No published CV for that login"));

    private final JsonMapper json;

    CvApiExamples(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        for (ExampleFile f : FILES) {
            openApi.getComponents().addExamples(f.name(), new Example().summary(f.summary()).value(read(f.file())));
        }
    }

    /** The file as plain maps and lists, which the document's own (Jackson 2) writer writes as they are. */
    private Object read(String file) {
        try (InputStream in = CvApiExamples.class.getResourceAsStream("api-examples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing API example " + file);
            }
            return json.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
