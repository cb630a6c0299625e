package dev.commitstats.cv;

import dev.commitstats.core.classify.LanguageColors;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embeddable SVG card of a public CV, for a README: the owner's name, their headline numbers (commits, lines
 * written, active days, streaks, span) and their top languages in Linguist's colours, drawn as
 * {@link CvCardOptions} ask. A pure function of the document and the options: the same input gives the same bytes,
 * which is what makes the card's {@code ETag} a hash of them.
 *
 * <p>The card is a standalone image that any page, proxy or README can embed: fixed width and height with a viewBox,
 * the system font stack (no web fonts), no images, scripts, links or external references of any kind, so the only
 * URL in it is the SVG namespace. Every piece of text is XML-escaped, and characters XML cannot carry (control
 * characters, lone surrogates) become U+FFFD, so that a display name such as {@code <script>&"'} stays text and the
 * card always parses. It names no repository: only totals and languages are read from the document (repositories
 * count, when asked, as a number). Numbers are written the same in every locale. Stateless and thread-safe.
 */
final class CvCard {

    /** The card's width; its height follows from what it shows. */
    static final int WIDTH = 495;

    private static final int PADDING = 25;
    private static final int INNER = WIDTH - 2 * PADDING;
    private static final int ROW = 25;
    private static final int VALUE_X = 185;
    private static final int LANGUAGE_ROW = 34;
    private static final int LEGEND_ROW = 22;
    private static final int BAR_HEIGHT = 8;
    private static final int MAX_NAME = 30;
    private static final int MAX_LOGIN = 40;
    private static final String TITLE_SUFFIX = " Commit Stats";
    private static final String OTHER_LANGUAGES = "Other";
    private static final String FONTS = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, "
            + "Arial, sans-serif";
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] SHORT_UNITS = {"k", "M", "B", "T", "P", "E"};

    private CvCard() {
    }

    /** The card of a public CV. */
    static String render(CvDocument cv, CvCardOptions options) {
        String name = cv.person().displayName() == null || cv.person().displayName().isBlank()
                ? cv.person().login() : cv.person().displayName();
        String title = possessive(truncate(name.strip(), MAX_NAME)) + TITLE_SUFFIX;
        List<Stat> stats = stats(cv, options);
        List<Language> languages = options.shows(CvCardOptions.Item.LANGUAGES)
                ? languages(cv.totals(), options.langsCount()) : List.of();

        StringBuilder body = new StringBuilder(4096);
        int y = title(body, title, options); // the top of the next line
        for (Stat stat : stats) {
            body.append("<text class=\"label\" x=\"").append(PADDING).append("\" y=\"").append(y + 16).append("\">")
                    .append(escape(stat.label())).append("</text>")
                    .append("<text class=\"value\" x=\"").append(VALUE_X).append("\" y=\"").append(y + 16)
                    .append("\" data-testid=\"").append(stat.item().parameter()).append("\">")
                    .append(escape(stat.value())).append("</text>\n");
            y += ROW;
        }
        if (!languages.isEmpty()) {
            y += stats.isEmpty() ? 0 : 10;
            body.append("<text class=\"label\" x=\"").append(PADDING).append("\" y=\"").append(y + 16)
                    .append("\">Top languages</text>\n");
            y += ROW;
            y = options.layout() == CvCardOptions.Layout.COMPACT ? compact(body, languages, y)
                    : normal(body, languages, y);
        }
        return svg(options, y + 15, title, summary(title, stats, languages), body);
    }

    /** The card of a login without a public CV (no such user, or not published): small, and still a valid image. */
    static String notFound(String login, CvCardOptions options) {
        String title = "Commit Stats";
        String message = "no public CV for '" + truncate(login, MAX_LOGIN) + "'";
        StringBuilder body = new StringBuilder(256);
        int y = title(body, title, options);
        body.append("<text class=\"label\" x=\"").append(PADDING).append("\" y=\"").append(y + 16)
                .append("\" data-testid=\"not-found\">").append(escape(message)).append("</text>\n");
        return svg(options, y + ROW + 15, title, message, body);
    }

    /** The title line, unless hidden; returns the top of the line after it. */
    private static int title(StringBuilder body, String title, CvCardOptions options) {
        if (options.hideTitle()) {
            return PADDING;
        }
        body.append("<text class=\"title\" x=\"").append(PADDING).append("\" y=\"35\" data-testid=\"title\">")
                .append(escape(title)).append("</text>\n");
        return 55;
    }

    /**
     * The document around the body. The font is a presentation attribute of the root, not a style rule for every
     * {@code text}, so that a card pasted inline into a page does not restyle the page's other drawings.
     */
    private static String svg(CvCardOptions options, int height, String title, String summary, CharSequence body) {
        CvCardOptions.Theme theme = options.theme();
        StringBuilder svg = new StringBuilder(body.length() + 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"").append(FONTS).append("\" role=\"img\" aria-label=\"")
                .append(escape(summary)).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<desc>").append(escape(summary)).append("</desc>\n")
                .append("<style>\n")
                .append(".title { font-size: 18px; font-weight: 600; fill: ").append(theme.title).append("; }\n")
                .append(".label { font-size: 14px; fill: ").append(theme.text).append("; }\n")
                .append(".value { font-size: 14px; font-weight: 600; fill: ").append(theme.text).append("; }\n")
                .append(".lang { font-size: 12px; fill: ").append(theme.text).append("; }\n")
                .append(".share { font-size: 12px; fill: ").append(theme.muted).append("; }\n")
                .append(".track { fill: ").append(theme.track).append("; }\n")
                .append("</style>\n")
                .append("<rect data-testid=\"frame\" x=\"0.5\" y=\"0.5\" rx=\"").append(decimal(options.borderRadius()))
                .append("\" width=\"").append(WIDTH - 1).append("\" height=\"").append(height - 1)
                .append("\" fill=\"").append(theme.background).append("\" stroke=\"").append(theme.border)
                .append("\" stroke-opacity=\"").append(options.hideBorder() ? 0 : 1).append("\"/>\n")
                .append(body)
                .append("</svg>\n");
        return svg.toString();
    }

    // --- the numbers ---

    private record Stat(CvCardOptions.Item item, String label, String value, String spoken) {
    }

    private static List<Stat> stats(CvDocument cv, CvCardOptions options) {
        CvCardOptions.NumberFormat format = options.numberFormat();
        Totals totals = cv.totals();
        List<Stat> stats = new ArrayList<>();
        for (CvCardOptions.Item item : options.items()) {
            switch (item) {
                case COMMITS -> stats.add(count(item, "Commits", totals.commits(), format, "commits"));
                case LINES -> stats.add(count(item, "Lines written", totals.additions(), format, "lines written"));
                case DELETIONS -> stats.add(count(item, "Lines deleted", totals.deletions(), format, "lines deleted"));
                case DAYS -> stats.add(count(item, "Active days", cv.activity().activeDays(), format, "active days"));
                case STREAK -> stats.add(days(item, "Longest streak", cv.activity().longestStreak(), format));
                case CURRENT_STREAK -> stats.add(days(item, "Current streak", cv.activity().currentStreak(), format));
                case REPOSITORIES -> stats.add(count(item, "Repositories", cv.repositories().size(), format,
                        "repositories"));
                case SPAN -> {
                    OffsetDateTime first = totals.firstCommit();
                    OffsetDateTime last = totals.lastCommit();
                    if (first != null && last != null) {
                        String span = span(first, last);
                        stats.add(new Stat(item, "Span", span, "commits from " + span));
                    }
                }
                case LANGUAGES -> {
                    // drawn below the numbers
                }
            }
        }
        return stats;
    }

    private static Stat count(CvCardOptions.Item item, String label, long n, CvCardOptions.NumberFormat format,
            String spoken) {
        return new Stat(item, label, number(n, format), number(n, CvCardOptions.NumberFormat.LONG) + " " + spoken);
    }

    private static Stat days(CvCardOptions.Item item, String label, long n, CvCardOptions.NumberFormat format) {
        String unit = n == 1 ? " day" : " days";
        return new Stat(item, label, number(n, format) + unit,
                label.toLowerCase(Locale.ROOT) + " " + number(n, CvCardOptions.NumberFormat.LONG) + unit);
    }

    /** {@code Mar 2019 – Jun 2024}, or one month; each end in its author's own calendar. */
    static String span(OffsetDateTime first, OffsetDateTime last) {
        String from = MONTHS[first.getMonthValue() - 1] + " " + first.getYear();
        String to = MONTHS[last.getMonthValue() - 1] + " " + last.getYear();
        return from.equals(to) ? from : from + " \u2013 " + to;
    }

    /**
     * A count as the card writes it, the same in every locale: {@code long} groups thousands with commas
     * ({@code 12,345}); {@code short} keeps three digits at most with one decimal ({@code 987}, {@code 12.3k},
     * {@code 1.2M}, {@code 3B}), rounding half up.
     */
    static String number(long n, CvCardOptions.NumberFormat format) {
        if (format == CvCardOptions.NumberFormat.LONG) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        if (n > -1000 && n < 1000) {
            return Long.toString(n);
        }
        BigDecimal magnitude = new BigDecimal(n).abs();
        String sign = n < 0 ? "-" : "";
        for (int i = 0; ; i++) {
            BigDecimal scaled = magnitude.movePointLeft(3 * (i + 1)).setScale(1, RoundingMode.HALF_UP);
            if (scaled.compareTo(BigDecimal.valueOf(1000)) < 0 || i == SHORT_UNITS.length - 1) {
                return sign + scaled.stripTrailingZeros().toPlainString() + SHORT_UNITS[i];
            }
        }
    }

    // --- the languages ---

    /** A language on the card, with its share of all lines written. */
    record Language(String name, long additions, String color, BigDecimal percent) {

        /** {@code 75.1%}; {@code <0.1%} for a share too small to show as a number, as it is not nothing. */
        String share() {
            return percent.signum() == 0 && additions > 0 ? "<0.1%" : percent + "%";
        }
    }

    /**
     * The {@code count} languages with the most lines written, then {@code Other} for the rest: each share is of
     * every line written, so the shares on the card add up to 100% (give or take rounding) however many are named.
     */
    static List<Language> languages(Totals totals, int count) {
        List<Map.Entry<String, LineCount>> written = totals.languages().entrySet().stream()
                .filter(e -> e.getValue().additions() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, LineCount> e) -> e.getValue().additions())
                        .reversed().thenComparing(Map.Entry::getKey))
                .toList();
        long all = written.stream().mapToLong(e -> e.getValue().additions()).sum();
        List<Language> languages = new ArrayList<>();
        long named = 0;
        for (Map.Entry<String, LineCount> e : written.subList(0, Math.min(count, written.size()))) {
            long additions = e.getValue().additions();
            named += additions;
            languages.add(new Language(e.getKey(), additions, LanguageColors.standard().of(e.getKey()),
                    percent(additions, all)));
        }
        if (named < all) {
            languages.add(new Language(OTHER_LANGUAGES, all - named, LanguageColors.FALLBACK,
                    percent(all - named, all)));
        }
        return languages;
    }

    private static BigDecimal percent(long part, long all) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(all), 1,
                RoundingMode.HALF_UP);
    }

    /** One bar split by language, and a legend in two columns. */
    private static int compact(StringBuilder body, List<Language> languages, int y) {
        body.append("<clipPath id=\"languages-bar\"><rect x=\"").append(PADDING).append("\" y=\"").append(y)
                .append("\" width=\"").append(INNER).append("\" height=\"").append(BAR_HEIGHT)
                .append("\" rx=\"4\"/></clipPath>\n<g clip-path=\"url(#languages-bar)\">\n");
        long all = languages.stream().mapToLong(Language::additions).sum();
        long before = 0;
        for (Language language : languages) {
            double x = PADDING + (double) INNER * before / all;
            double width = (double) INNER * language.additions() / all;
            body.append("<rect x=\"").append(decimal(x)).append("\" y=\"").append(y).append("\" width=\"")
                    .append(decimal(width)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"")
                    .append(escape(language.color())).append("\"/>\n");
            before += language.additions();
        }
        body.append("</g>\n");
        y += BAR_HEIGHT + 12;
        for (int i = 0; i < languages.size(); i++) {
            Language language = languages.get(i);
            int x = PADDING + (i % 2) * (INNER / 2);
            int rowY = y + (i / 2) * LEGEND_ROW;
            body.append("<circle cx=\"").append(x + 5).append("\" cy=\"").append(rowY + 10).append("\" r=\"5\" fill=\"")
                    .append(escape(language.color())).append("\"/>")
                    .append("<text class=\"lang\" x=\"").append(x + 15).append("\" y=\"").append(rowY + 14)
                    .append("\" data-testid=\"language\">").append(escape(language.name())).append("</text>")
                    .append("<text class=\"share\" x=\"").append(x + INNER / 2 - 10).append("\" y=\"")
                    .append(rowY + 14).append("\" text-anchor=\"end\" data-testid=\"share\">")
                    .append(escape(language.share())).append("</text>\n");
        }
        return y + (languages.size() + 1) / 2 * LEGEND_ROW;
    }

    /** A row per language: its name and share, and a bar as long as its share. */
    private static int normal(StringBuilder body, List<Language> languages, int y) {
        for (Language language : languages) {
            double width = Math.max(2, INNER * language.percent().doubleValue() / 100);
            body.append("<text class=\"lang\" x=\"").append(PADDING).append("\" y=\"").append(y + 12)
                    .append("\" data-testid=\"language\">").append(escape(language.name())).append("</text>")
                    .append("<text class=\"share\" x=\"").append(WIDTH - PADDING).append("\" y=\"").append(y + 12)
                    .append("\" text-anchor=\"end\" data-testid=\"share\">")
                    .append(escape(language.share())).append("</text>\n")
                    .append("<rect x=\"").append(PADDING).append("\" y=\"").append(y + 18).append("\" width=\"")
                    .append(INNER).append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"4\" class=\"track\"/>")
                    .append("<rect x=\"").append(PADDING).append("\" y=\"").append(y + 18).append("\" width=\"")
                    .append(decimal(width)).append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"4\" fill=\"")
                    .append(escape(language.color())).append("\"/>\n");
            y += LANGUAGE_ROW;
        }
        return y;
    }

    // --- text ---

    /** What a screen reader says: the title, then every item shown, with numbers in full. */
    private static String summary(String title, List<Stat> stats, List<Language> languages) {
        List<String> parts = new ArrayList<>();
        for (Stat stat : stats) {
            parts.add(stat.spoken());
        }
        if (!languages.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (Language language : languages) {
                named.add(language.name() + " " + language.share());
            }
            parts.add("top languages " + String.join(", ", named));
        }
        return parts.isEmpty() ? title : title + ": " + String.join("; ", parts);
    }

    /** {@code Ada's}, and {@code James'} for a name ending in s. */
    private static String possessive(String name) {
        return name.endsWith("s") || name.endsWith("S") ? name + "'" : name + "'s";
    }

    /** At most {@code max} characters (code points, so no pair is split), the last one an ellipsis when cut. */
    static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /**
     * The text as XML character data or attribute value: markup characters escaped, and every character that XML 1.0
     * cannot carry (control characters, lone surrogates, U+FFFE, U+FFFF) replaced by U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    boolean legal = c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
                    out.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }

    /** A coordinate with at most two decimals, the same in every locale. */
    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
