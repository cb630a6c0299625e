package dev.commitstats.cv;

import dev.commitstats.core.detect.DetectionKind;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.stats.export.PeriodRow;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;

/**
 * A CV as the {@code skills} section of a <a href="https://jsonresume.org/schema">JSON Resume</a>, for résumé tools
 * that read that format: one skill per language written (most lines first), whose {@code level} states the measured
 * facts ("13,910 lines written, 2021–2026") instead of a self-assessed grade; one skill for the infrastructure tools
 * introduced; one per package ecosystem with the packages introduced. Only what the public CV shows: no repository.
 */
final class CvResume {

    /** The version of the JSON Resume schema the document follows. */
    static final String SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

    /** Languages with fewer lines written are left out: a résumé lists skills, not every file touched. */
    static final long MIN_LINES = 100;

    /** Packages listed per ecosystem at most. */
    static final int PACKAGES = 15;

    private static final Map<DetectionKind, String> TOOLS = Map.of(
            DetectionKind.DOCKERFILE, "Docker",
            DetectionKind.HELM_CHART, "Helm",
            DetectionKind.TERRAFORM_MODULE, "Terraform",
            DetectionKind.CI_PIPELINE, "CI pipelines");

    private CvResume() {
    }

    /** The document: {@code $schema}, {@code skills}, {@code meta}. */
    static Map<String, Object> of(CvDocument cv, String canonicalUrl) {
        List<Map<String, Object>> skills = new ArrayList<>();
        cv.totals().languages().entrySet().stream()
                .filter(e -> e.getValue().additions() >= MIN_LINES)
                .sorted((a, b) -> Long.compare(b.getValue().additions(), a.getValue().additions()))
                .forEach(e -> skills.add(skill(e.getKey(), level(e.getKey(), e.getValue(), cv), List.of(e.getKey()))));
        List<String> tools = new ArrayList<>();
        for (DetectionKind kind : DetectionKind.values()) {
            if (kind != DetectionKind.PACKAGE && cv.totals().tools().getOrDefault(kind, 0L) > 0) {
                tools.add(TOOLS.get(kind));
            }
        }
        if (!tools.isEmpty()) {
            skills.add(skill("Infrastructure", "introduced in commits", tools));
        }
        for (Map.Entry<String, SortedSet<String>> e : cv.totals().packages().entrySet()) {
            List<String> names = e.getValue().stream().limit(PACKAGES).toList();
            if (!names.isEmpty()) {
                skills.add(skill(ecosystem(e.getKey()) + " packages", e.getValue().size() + " introduced", names));
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("canonical", canonicalUrl);
        meta.put("lastModified", cv.generatedAt().toString());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("skills", skills);
        doc.put("meta", meta);
        return doc;
    }

    private static Map<String, Object> skill(String name, String level, List<String> keywords) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("level", level);
        m.put("keywords", keywords);
        return m;
    }

    /** "13,910 lines written, 2021–2026": the years are those of the months with lines written in the language. */
    private static String level(String language, LineCount lines, CvDocument cv) {
        DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String span = span(language, cv);
        return grouped.format(lines.additions()) + " lines written" + (span.isEmpty() ? "" : ", " + span);
    }

    private static String span(String language, CvDocument cv) {
        int column = cv.months().metrics().indexOf("additions_" + language);
        if (column < 0) {
            return "";
        }
        String first = null;
        String last = null;
        for (PeriodRow row : cv.months().rows()) {
            if (row.value(column) > 0) {
                String year = row.key().substring(0, 4); // month keys are 2024_03
                first = first == null ? year : first;
                last = year;
            }
        }
        return first == null ? "" : first.equals(last) ? first : first + "–" + last;
    }

    private static String ecosystem(String name) {
        return switch (name) {
            case "maven" -> "Maven";
            case "npm" -> "npm";
            case "pypi" -> "PyPI";
            case "go" -> "Go";
            case "cargo" -> "Cargo";
            default -> name;
        };
    }
}
