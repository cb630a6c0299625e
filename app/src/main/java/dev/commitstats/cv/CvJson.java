package dev.commitstats.cv;

import dev.commitstats.stats.PunchCard;

import dev.commitstats.stats.KeyMetric;
import dev.commitstats.stats.Period;
import dev.commitstats.stats.TotalsDocument;
import dev.commitstats.stats.Trend;
import dev.commitstats.stats.export.PeriodRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link CvDocument} as JSON fields, in a fixed order: {@code user}, {@code generated_at}, the totals with exactly
 * the fields of {@code commitstats stats --format json}, {@code activity}, {@code series}, {@code repositories},
 * {@code punch_card} (seven rows, Monday first, of 24 hours) and {@code key_metrics}. The export writes it; the JSON
 * API answers with it.
 */
public final class CvJson {

    private CvJson() {
    }

    /** The document as ordered maps and lists, ready for any JSON mapper. */
    public static Map<String, Object> fields(CvDocument cv) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("login", cv.person().login());
        u.put("display_name", cv.person().displayName());
        u.put("time_zone", cv.person().timeZone().getId());
        u.put("published", cv.person().published());
        doc.put("user", u);
        doc.put("generated_at", cv.generatedAt().toString());
        doc.putAll(TotalsDocument.fields(cv.totals(), false));

        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("active_days", cv.activity().activeDays());
        activity.put("longest_streak", cv.activity().longestStreak());
        activity.put("current_streak", cv.activity().currentStreak());
        doc.put("activity", activity);

        doc.put("series", Map.of(cv.seriesLength(), periods(cv.series(), "period")));
        doc.put("repositories", cv.repositories().stream().map(r -> repository(r, false)).toList());

        // seven rows, Monday first, of 24 hours each, in each commit's own local time; left out when the owner hid it
        PunchCard card = cv.punchCard();
        if (card != null) {
            List<List<Long>> punch = new ArrayList<>(7);
            for (int day = 0; day < 7; day++) {
                punch.add(card.cells().subList(day * 24, day * 24 + 24));
            }
            doc.put("punch_card", punch);
        }

        List<Map<String, Object>> metrics = new ArrayList<>();
        for (KeyMetric k : cv.keyMetrics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", k.metric());
            m.put("total", k.total());
            m.put("last_52w", trend(k.last52w()));
            m.put("last_13w", trend(k.last13w()));
            m.put("last_1w", trend(k.last1w()));
            metrics.add(m);
        }
        doc.put("key_metrics", metrics);
        return doc;
    }

    /**
     * The document as the JSON API answers: {@link #fields} with each repository described ({@code masked},
     * {@code languages}, {@code first_day}, {@code last_day}), and the series every view draws from: {@code days}
     * (each day with commits) and {@code months} (per month: commits, lines, lines per language, commit types,
     * detections).
     */
    public static Map<String, Object> apiFields(CvDocument cv) {
        Map<String, Object> doc = fields(cv);
        doc.put("repositories", cv.repositories().stream().map(r -> repository(r, true)).toList());
        doc.put("days", periods(cv.days(), "day"));
        Map<String, Object> months = new LinkedHashMap<>();
        months.put("columns", cv.months().metrics());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PeriodRow row : cv.months().rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", row.key());
            List<Long> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.value(i));
            }
            m.put("values", values);
            rows.add(m);
        }
        months.put("rows", rows);
        doc.put("months", months);
        return doc;
    }

    /**
     * The mapper that stores a whole {@link CvDocument} in a snapshot and reads it back equal: times keep their
     * offsets.
     */
    static JsonMapper mapper() {
        return JsonMapper.builder().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
    }

    /** Periods as objects of commits and lines, the period's key under {@code keyName}. */
    private static List<Map<String, Object>> periods(List<Period> periods, String keyName) {
        List<Map<String, Object>> out = new ArrayList<>(periods.size());
        for (Period p : periods) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(keyName, p.key());
            m.put("commits", p.commits());
            m.put("additions", p.additions());
            m.put("deletions", p.deletions());
            out.add(m);
        }
        return out;
    }

    /** A repository; {@code described} adds what the API says of it: masked, languages, first and last day. */
    private static Map<String, Object> repository(CvDocument.CvRepository r, boolean described) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("owner", r.owner());
        m.put("provider", r.provider());
        if (described) {
            m.put("masked", r.masked());
            if (r.hosting() != null) {
                m.put("open_source", r.hosting().openSource());
                m.put("contribution", r.hosting().contribution());
                m.put("stars", r.hosting().stars());
            }
            m.put("languages", r.languages());
            m.put("first_day", r.firstDay() == null ? null : r.firstDay().toString());
            m.put("last_day", r.lastDay() == null ? null : r.lastDay().toString());
        }
        m.put("commits", r.commits());
        m.put("additions", r.additions());
        m.put("deletions", r.deletions());
        if (described) {
            // the owner's commits in it per calendar year of their local days, as the year in review counts them
            Map<String, Long> years = new LinkedHashMap<>();
            r.years().forEach((year, commits) -> years.put(String.valueOf(year), commits));
            m.put("years", years);
        }
        return m;
    }

    private static Map<String, Object> trend(Trend t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", t.current());
        m.put("previous", t.previous());
        m.put("change", t.change());
        return m;
    }
}
