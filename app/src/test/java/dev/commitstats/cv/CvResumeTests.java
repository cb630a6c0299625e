package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.Activity;
import dev.commitstats.stats.PunchCard;
import dev.commitstats.stats.export.PeriodRow;
import dev.commitstats.stats.export.PeriodTable;
import org.junit.jupiter.api.Test;

class CvResumeTests {

    private static CvDocument document() {
        TreeMap<String, LineCount> languages = new TreeMap<>(Map.of(
                "Java", new LineCount(13_910, 5_000, 40), "Go", new LineCount(2_317, 100, 9),
                "Shell", new LineCount(99, 3, 2)));
        TreeMap<String, java.util.SortedSet<String>> packages = new TreeMap<>(Map.of(
                "maven", new TreeSet<>(List.of("org.slf4j:slf4j-api", "com.fasterxml.jackson.core:jackson-databind")),
                "npm", new TreeSet<>(List.of("react"))));
        Totals totals = new Totals(42, 16_326, 5_103, OffsetDateTime.parse("2021-03-01T10:00:00+01:00"),
                OffsetDateTime.parse("2026-11-20T10:00:00+01:00"), 30, languages, Map.of(), Map.of(), Map.of(), 0,
                Map.of(DetectionKind.DOCKERFILE, 2L, DetectionKind.TERRAFORM_MODULE, 1L), packages);
        PeriodTable months = new PeriodTable(PeriodTable.MONTH,
                List.of("commits", "additions", "deletions", "additions_Java", "additions_Go", "additions_Shell"),
                List.of(new PeriodRow("2021_03", new long[] {10, 9_000, 0, 9_000, 0, 0}),
                        new PeriodRow("2024_06", new long[] {20, 5_227, 0, 4_910, 2_317, 0}),
                        new PeriodRow("2026_11", new long[] {12, 99, 0, 0, 0, 99})));
        return new CvDocument(new CvDocument.Person("ada", null, ZoneId.of("UTC"), true),
                Instant.parse("2026-11-30T00:00:00Z"), CvDocument.Audience.PUBLIC, totals, new Activity(30, 3, 0),
                "week", List.of(), List.of(), months, List.of(), new PunchCard(Collections.nCopies(168, 0L)),
                List.of());
    }

    @Test
    void languagesBecomeSkillsWithTheirLinesAndYears() {
        Map<String, Object> resume = CvResume.of(document(), "https://cv.example/cv/ada");
        assertThat(resume).containsEntry("$schema", CvResume.SCHEMA);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> skills = (List<Map<String, Object>>) resume.get("skills");
        assertThat(skills).extracting(s -> s.get("name"))
                .containsExactly("Java", "Go", "Infrastructure", "Maven packages", "npm packages");
        assertThat(skills.get(0)).containsEntry("level", "13,910 lines written, 2021–2024")
                .containsEntry("keywords", List.of("Java"));
        assertThat(skills.get(1)).containsEntry("level", "2,317 lines written, 2024");
        assertThat(skills.get(2)).containsEntry("keywords", List.of("Docker", "Terraform"));
        assertThat(skills.get(3)).containsEntry("level", "2 introduced")
                .containsEntry("keywords", List.of("com.fasterxml.jackson.core:jackson-databind", "org.slf4j:slf4j-api"));
        assertThat(resume.get("meta")).isEqualTo(Map.of("canonical", "https://cv.example/cv/ada",
                "lastModified", "2026-11-30T00:00:00Z"));
    }
}
