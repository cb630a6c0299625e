package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.packages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmDetectionTest {

    static final String PACKAGE_JSON = """
            {
              "name": "web",
              "version": "1.0.0",
              "private": true,
              "scripts": { "build": "vite build", "test": "vitest" },
              "workspaces": ["packages/*"],
              "dependencies": {
                "react": "^18.3.1",
                "react-dom": "^18.3.1",
                "@tanstack/react-query": "5.40.0"
              },
              "devDependencies": {
                "typescript": "~5.4.5",
                "vite": "^5.2.0",
                "@types/react": "^18.3.3"
              },
              "peerDependencies": { "react": ">=18" },
              "optionalDependencies": { "fsevents": "2.3.3" },
              "bundledDependencies": ["not-counted"],
              "engines": { "node": ">=20" },
              "overrides": { "semver": "7.6.2" },
              "config": { "dependencies": { "nested-not-counted": "1" } },
              "escaped\\u0020key": 1.5e-3,
              "flags": [true, false, null, -0, 12.5E+2]
            }
            """;

    @Test
    void addedManifestReportsAllDependencies() {
        assertThat(packages("npm", "package.json", null, PACKAGE_JSON)).containsExactly(
                "react", "react-dom", "@tanstack/react-query", "typescript", "vite", "@types/react", "fsevents");
    }

    @Test
    void editAddingOneDependencyReportsOnlyIt() {
        String edited = PACKAGE_JSON.replace("\"vite\": \"^5.2.0\",", "\"vite\": \"^5.2.0\",\n    \"eslint\": \"^9.4.0\",");
        assertThat(packages("npm", "web/package.json", PACKAGE_JSON, edited)).containsExactly("eslint");
    }

    @Test
    void versionBumpReportsNothing() {
        String bumped = PACKAGE_JSON.replace("^18.3.1", "^18.3.2").replace("5.40.0", "5.41.0");
        assertThat(packages("npm", "package.json", PACKAGE_JSON, bumped)).isEmpty();
    }

    @Test
    void removedDependencyReportsNothing() {
        String removed = PACKAGE_JSON.replace("\"react-dom\": \"^18.3.1\",\n", "");
        assertThat(removed).isNotEqualTo(PACKAGE_JSON);
        assertThat(packages("npm", "package.json", PACKAGE_JSON, removed)).isEmpty();
    }

    @Test
    void movingBetweenSectionsIsNotNew() {
        String moved = """
                {"dependencies": {"react": "1", "react-dom": "1", "@tanstack/react-query": "1", "typescript": "1",
                  "vite": "1", "@types/react": "1", "fsevents": "1"}}
                """;
        assertThat(packages("npm", "package.json", PACKAGE_JSON, moved)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "{", "[]", "\"x\"", "{\"dependencies\": {\"a\": \"1\",}}", "{\"dependencies\": {\"a\": \"1\"}} x",
            "{dependencies: {}}", "{\"a\": 01}", "{\"a\": tru}", "{\"a\": \"\\x\"}", "{\"a\": \"\t\"}",
            "// comment\n{}", "{\"dependencies\": {\"a\" \"1\"}}"})
    void malformedJsonReportsNothing(String json) {
        assertThat(packages("npm", "package.json", null, json)).isEmpty();
        assertThat(packages("npm", "package.json", json, PACKAGE_JSON))
                .isEqualTo(json.isEmpty() ? packages("npm", "package.json", null, PACKAGE_JSON) : java.util.List.of());
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(1_000_000) + "]".repeat(1_000_000) + ", \"dependencies\": {\"x\": \"1\"}}";
        assertThat(packages("npm", "package.json", null, deep)).isEmpty();
        String ok = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + ", \"dependencies\": {\"x\": \"1\"}}";
        assertThat(packages("npm", "package.json", null, ok)).containsExactly("x");
    }

    @Test
    void byteOrderMarkIsTolerated() {
        assertThat(packages("npm", "package.json", null, "\uFEFF{\"dependencies\":{\"lodash\":\"4\"}}"))
                .containsExactly("lodash");
    }
}
