package dev.commitstats.cv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import dev.commitstats.core.classify.LanguageColors;
import dev.commitstats.core.mining.LineCount;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.stats.Activity;
import dev.commitstats.stats.PunchCard;
import dev.commitstats.stats.export.PeriodTable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG card as a pure function: valid standalone SVG for every option, the document's numbers, nothing else. */
class CvCardTests {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /** Java 1,234,567 lines, Go 400,000, Shell 5,000, Documentation 3,000, Dockerfile 1,000, HCL 500, Lua 12. */
    static final Map<String, Long> LINES = languagesInOrder();

    private static Map<String, Long> languagesInOrder() {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("Java", 1_234_567L);
        lines.put("Go", 400_000L);
        lines.put("Shell", 5_000L);
        lines.put("Documentation", 3_000L);
        lines.put("Dockerfile", 1_000L);
        lines.put("HCL", 500L);
        lines.put("Lua", 12L);
        return lines;
    }

    static CvDocument document(String login, String displayName, long commits, Map<String, Long> lines,
            List<CvDocument.CvRepository> repositories) {
        TreeMap<String, LineCount> languages = new TreeMap<>();
        lines.forEach((language, added) -> languages.put(language, new LineCount(added, added / 3, 1)));
        languages.put("Rust", new LineCount(0, 40, 1)); // deletions only: not a language written
        long additions = lines.values().stream().mapToLong(Long::longValue).sum();
        long deletions = languages.values().stream().mapToLong(LineCount::deletions).sum();
        OffsetDateTime first = commits == 0 ? null : OffsetDateTime.parse("2019-03-05T10:00:00+01:00");
        OffsetDateTime last = commits == 0 ? null : OffsetDateTime.parse("2024-06-14T23:30:00-07:00");
        Totals totals = new Totals(commits, additions, deletions, first, last, commits == 0 ? 0 : 321, languages,
                Map.of(), Map.of(), Map.of(), 0, Map.of(), new TreeMap<>());
        return new CvDocument(new CvDocument.Person(login, displayName, ZoneId.of("Europe/Paris"), true),
                Instant.parse("2024-06-15T12:00:00Z"), CvDocument.Audience.PUBLIC, totals,
                new Activity(commits == 0 ? 0 : 321, commits == 0 ? 0 : 12, commits == 0 ? 0 : 1), "week", List.of(),
                List.of(), new PeriodTable(PeriodTable.MONTH, List.of(), List.of()), repositories,
                new PunchCard(Collections.nCopies(168, 0L)), List.of());
    }

    static CvDocument ada() {
        return document("ada", "Ada Lovelace", 1_234, LINES, List.of(new CvDocument.CvRepository(
                CvDocument.MASKED_NAME, null, "git", true, List.of("Java"), null, null, 1_234, 1_644_079, 0)));
    }

    static CvCardOptions options(String query) {
        Map<String, List<String>> parameters = new HashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return CvCardOptions.parse(parameters);
    }

    /** Parses as XML with no DOCTYPE and no external entities allowed, as a careful image consumer would. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** A valid standalone SVG image with nothing that reaches out or runs, whatever the options. */
    static Document assertStandaloneSvg(String svg) throws Exception {
        Document xml = parse(svg);
        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NAMESPACE);
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isNotBlank();
        assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(CvCard.WIDTH));
        assertThat(root.getAttribute("height")).matches("[1-9][0-9]*");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + CvCard.WIDTH + " " + root.getAttribute("height"));
        assertThat(text(xml, "/*[local-name()='svg']/*[local-name()='title']")).isNotBlank();
        assertThat(xml.getDoctype()).isNull();
        String lower = svg.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "href", "<image", "<foreignobject", "@import", "@font-face",
                "<a ", "javascript:", "<!doctype", "<!entity");
        assertThat(lower.replace("xmlns=\"" + SVG_NAMESPACE + "\"", "")).doesNotContain("http", "//");
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(svg);
        while (urls.find()) {
            assertThat(urls.group(1)).as("only references inside the card").startsWith("#");
        }
        return xml;
    }

    static String text(Document xml, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, xml, XPathConstants.STRING);
    }

    static String value(Document xml, String item) throws Exception {
        return text(xml, "//*[@data-testid='" + item + "']");
    }

    static List<String> all(Document xml, String testId) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@data-testid='" + testId + "']", xml, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void everyThemeLayoutNumberFormatAndItemSelectionGivesAValidStandaloneSvg() throws Exception {
        List<String> selections = List.of("", "hide=commits,lines", "hide=languages", "hide=span,streak&show=deletions",
                "show=deletions,current_streak,repositories", "hide=commits,lines,days,streak,span,languages",
                "hide=commits,lines,days,streak,span,languages&hide_title=true", "hide=nonsense,,days&show=what",
                "hide_title=true&hide_border=true&border_radius=0", "langs_count=1", "langs_count=10");
        int cards = 0;
        for (CvCardOptions.Theme theme : CvCardOptions.Theme.values()) {
            for (CvCardOptions.Layout layout : CvCardOptions.Layout.values()) {
                for (CvCardOptions.NumberFormat format : CvCardOptions.NumberFormat.values()) {
                    for (String selection : selections) {
                        String query = "theme=" + theme.parameter() + "&layout=" + layout.parameter()
                                + "&number_format=" + format.parameter() + (selection.isEmpty() ? "" : "&" + selection);
                        CvCardOptions options = options(query);
                        assertThat(options.theme()).isEqualTo(theme);
                        assertThat(options.layout()).isEqualTo(layout);
                        assertThat(options.numberFormat()).isEqualTo(format);
                        for (CvDocument cv : List.of(ada(), document("new", null, 0, Map.of(), List.of()))) {
                            String svg = CvCard.render(cv, options);
                            Document xml = assertStandaloneSvg(svg);
                            assertThat(svg).as(query).contains(theme == CvCardOptions.Theme.TRANSPARENT
                                    ? "fill=\"none\"" : "fill=\"" + theme.background + "\"");
                            for (CvCardOptions.Item item : CvCardOptions.Item.values()) {
                                if (item != CvCardOptions.Item.LANGUAGES && item != CvCardOptions.Item.SPAN) {
                                    assertThat(value(xml, item.parameter())).as(query + " " + item)
                                            .matches(options.shows(item) ? ".+" : "");
                                }
                            }
                            cards++;
                        }
                        assertStandaloneSvg(CvCard.notFound("nobody", options));
                    }
                }
            }
        }
        assertThat(cards).isEqualTo(5 * 2 * 2 * selections.size() * 2);
    }

    @Test
    void theLongNumbersAreTheDocumentsTotals() throws Exception {
        CvDocument cv = ada();
        Document xml = assertStandaloneSvg(CvCard.render(cv,
                options("number_format=long&show=deletions,current_streak,repositories")));
        assertThat(value(xml, "commits")).isEqualTo("1,234");
        assertThat(parseLong(value(xml, "commits"))).isEqualTo(cv.totals().commits());
        assertThat(value(xml, "lines")).isEqualTo("1,644,079");
        assertThat(parseLong(value(xml, "lines"))).isEqualTo(cv.totals().additions());
        assertThat(parseLong(value(xml, "deletions"))).isEqualTo(cv.totals().deletions());
        assertThat(parseLong(value(xml, "days"))).isEqualTo(cv.activity().activeDays());
        assertThat(value(xml, "streak")).isEqualTo("12 days");
        assertThat(value(xml, "current_streak")).isEqualTo("1 day");
        assertThat(value(xml, "repositories")).isEqualTo("1");
        assertThat(value(xml, "span")).isEqualTo("Mar 2019 \u2013 Jun 2024");
    }

    @Test
    void theShortNumbersAreTheDocumentsTotalsRounded() throws Exception {
        CvDocument cv = ada();
        Document xml = assertStandaloneSvg(CvCard.render(cv, options("show=deletions")));
        assertThat(value(xml, "commits")).isEqualTo("1.2k");
        assertThat(value(xml, "lines")).isEqualTo("1.6M");
        assertThat(value(xml, "days")).isEqualTo("321");
        assertThat(value(xml, "streak")).isEqualTo("12 days");
        for (String item : List.of("commits", "lines", "deletions", "days")) {
            long exact = switch (item) {
                case "commits" -> cv.totals().commits();
                case "lines" -> cv.totals().additions();
                case "deletions" -> cv.totals().deletions();
                default -> cv.activity().activeDays();
            };
            assertThat(fromShort(value(xml, item))).as(item).isCloseTo(exact, org.assertj.core.data.Percentage
                    .withPercentage(5));
        }
        assertThat(CvCard.render(cv, options(""))).isEqualTo(CvCard.render(cv, options("number_format=short")));
    }

    @Test
    void numbersAreWrittenTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY, Locale.FRANCE, new Locale("hi", "IN"),
                    Locale.forLanguageTag("ar-EG"))) {
                Locale.setDefault(locale);
                assertThat(CvCard.number(12_345, CvCardOptions.NumberFormat.LONG)).as(locale.toString())
                        .isEqualTo("12,345");
                assertThat(CvCard.number(1_234_567, CvCardOptions.NumberFormat.LONG)).isEqualTo("1,234,567");
                assertThat(CvCard.number(12_345, CvCardOptions.NumberFormat.SHORT)).isEqualTo("12.3k");
                assertThat(CvCard.render(ada(), options("layout=compact&number_format=long"))).contains(">1,234<",
                        ">75.1%<");
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shortNumbersKeepThreeDigitsAndOneDecimal() {
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(0L, "0");
        expected.put(7L, "7");
        expected.put(999L, "999");
        expected.put(1_000L, "1k");
        expected.put(1_049L, "1k");
        expected.put(1_050L, "1.1k");
        expected.put(12_345L, "12.3k");
        expected.put(999_949L, "999.9k");
        expected.put(999_950L, "1M");
        expected.put(1_234_567L, "1.2M");
        expected.put(10_000_000L, "10M");
        expected.put(3_000_000_000L, "3B");
        expected.put(Long.MAX_VALUE, "9.2E");
        expected.put(-12_345L, "-12.3k");
        expected.forEach((n, text) -> assertThat(CvCard.number(n, CvCardOptions.NumberFormat.SHORT)).as("%d", n)
                .isEqualTo(text));
        assertThat(CvCard.number(0, CvCardOptions.NumberFormat.LONG)).isEqualTo("0");
        assertThat(CvCard.number(999, CvCardOptions.NumberFormat.LONG)).isEqualTo("999");
        assertThat(CvCard.number(1_000, CvCardOptions.NumberFormat.LONG)).isEqualTo("1,000");
    }

    @Test
    void aHostileDisplayNameStaysText() throws Exception {
        String hostile = "<script>'x'</script>&\"\u0000\u001b\ud800]]>";
        CvDocument cv = document("eve", hostile, 3, Map.of("Java", 10L), List.of());
        String svg = CvCard.render(cv, options(""));
        Document xml = assertStandaloneSvg(svg);
        String shown = "<script>'x'</script>&\"\ufffd\ufffd\ufffd]]>";
        assertThat(value(xml, "title")).isEqualTo(shown + "'s Commit Stats");
        assertThat(text(xml, "/*/*[local-name()='title']")).isEqualTo(shown + "'s Commit Stats");
        assertThat(xml.getDocumentElement().getAttribute("aria-label")).startsWith(shown + "'s Commit Stats: ");
        assertThat(svg).doesNotContain("<script", "</script", "\u0000");
    }

    @Test
    void aLongNameIsCutWithoutSplittingACharacter() throws Exception {
        String name = "\ud83d\ude00".repeat(40);
        Document xml = assertStandaloneSvg(CvCard.render(document("smile", name, 1, Map.of(), List.of()),
                options("")));
        assertThat(value(xml, "title")).isEqualTo("\ud83d\ude00".repeat(29) + "\u2026's Commit Stats");
        assertThat(CvCard.truncate("James", 30)).isEqualTo("James");
        assertThat(value(assertStandaloneSvg(CvCard.render(document("james", "James", 1, Map.of(), List.of()),
                options(""))), "title")).isEqualTo("James' Commit Stats");
        assertThat(value(assertStandaloneSvg(CvCard.render(document("ada", " ", 1, Map.of(), List.of()),
                options(""))), "title")).as("no display name: the login").isEqualTo("ada's Commit Stats");
    }

    @Test
    void theCardNamesNoRepository() throws Exception {
        CvDocument owners = document("ada", "Ada", 10, LINES, List.of(
                new CvDocument.CvRepository("secret-payroll", "acme-corp", "git", false, List.of("Java"), null, null,
                        6, 100, 1),
                new CvDocument.CvRepository("public-lib", "ada-oss", "git", false, List.of("Go"), null, null, 4, 50,
                        1)));
        for (String query : List.of("", "show=repositories,deletions,current_streak&layout=compact",
                "show=repositories&langs_count=10")) {
            String svg = CvCard.render(owners, options(query));
            assertStandaloneSvg(svg);
            assertThat(svg).doesNotContain("secret-payroll", "acme-corp", "public-lib", "ada-oss");
        }
        assertThat(value(parse(CvCard.render(owners, options("show=repositories"))), "repositories")).isEqualTo("2");
    }

    @Test
    void theTopLanguagesAreNamedWithTheirShareOfEveryLineAndLinguistsColours() throws Exception {
        for (String layout : List.of("normal", "compact")) {
            String svg = CvCard.render(ada(), options("layout=" + layout + "&langs_count=3"));
            Document xml = assertStandaloneSvg(svg);
            assertThat(all(xml, "language")).containsExactly("Java", "Go", "Shell", "Other");
            // 1,644,079 lines: Java 1,234,567, Go 400,000, Shell 5,000, the rest 4,512
            assertThat(all(xml, "share")).containsExactly("75.1%", "24.3%", "0.3%", "0.3%");
            assertThat(svg).contains("fill=\"" + LanguageColors.standard().of("Java") + "\"",
                    "fill=\"" + LanguageColors.standard().of("Go") + "\"", "fill=\"" + LanguageColors.FALLBACK + "\"");
        }
        Document every = parse(CvCard.render(ada(), options("langs_count=10")));
        assertThat(all(every, "language")).as("no Other when all are named; no language without lines written")
                .containsExactly("Java", "Go", "Shell", "Documentation", "Dockerfile", "HCL", "Lua");
        assertThat(all(every, "share")).as("a share too small for one decimal is not nothing")
                .containsExactly("75.1%", "24.3%", "0.3%", "0.2%", "0.1%", "<0.1%", "<0.1%");
        assertThat(all(parse(CvCard.render(ada(), options(""))), "language")).hasSize(6)
                .endsWith("Other");
        assertThat(all(parse(CvCard.render(ada(), options("hide=languages"))), "language")).isEmpty();
        assertThat(CvCard.render(document("new", null, 0, Map.of(), List.of()), options(""))).as("nothing written")
                .doesNotContain("Top languages");
    }

    @Test
    void hideRemovesAndShowAddsItemsAndUnknownItemsAreIgnored() throws Exception {
        CvDocument cv = ada();
        Document all = parse(CvCard.render(cv, options("")));
        assertThat(value(all, "commits")).isNotEmpty();
        assertThat(value(all, "deletions")).as("not shown by default").isEmpty();
        assertThat(value(parse(CvCard.render(cv, options("hide=commits,span"))), "commits")).isEmpty();
        assertThat(value(parse(CvCard.render(cv, options("hide=span&hide=commits"))), "commits")).isEmpty();
        assertThat(value(parse(CvCard.render(cv, options("show=deletions"))), "deletions")).isNotEmpty();
        assertThat(value(parse(CvCard.render(cv, options("show=deletions&hide=deletions"))), "deletions"))
                .as("hide wins").isEmpty();
        assertThat(CvCard.render(cv, options("hide=commits,bogus,,%20&show=nothing"))).as("unknown items ignored")
                .isEqualTo(CvCard.render(cv, options("hide=commits")));
        assertThat(CvCard.render(cv, options("hide= Commits , SPAN "))).isEqualTo(CvCard.render(cv,
                options("hide=commits,span")));
    }

    @Test
    void theTitleAndBorderCanBeLeftOut() throws Exception {
        Document with = parse(CvCard.render(ada(), options("")));
        Document without = parse(CvCard.render(ada(), options("hide_title=true&hide_border=true&border_radius=12")));
        assertThat(value(with, "title")).isEqualTo("Ada Lovelace's Commit Stats");
        assertThat(value(without, "title")).isEmpty();
        assertThat(Integer.parseInt(without.getDocumentElement().getAttribute("height")))
                .isEqualTo(Integer.parseInt(with.getDocumentElement().getAttribute("height")) - 30);
        Element frame = (Element) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@data-testid='frame']", without, XPathConstants.NODE);
        assertThat(frame.getAttribute("stroke-opacity")).isEqualTo("0");
        assertThat(frame.getAttribute("rx")).isEqualTo("12");
    }

    @Test
    void theSameDocumentAndOptionsGiveTheSameBytes() {
        assertThat(CvCard.render(ada(), options("theme=dark&layout=compact")))
                .isEqualTo(CvCard.render(ada(), options("layout=compact&theme=dark")));
        assertThat(CvCard.render(ada(), options("theme=dark"))).isNotEqualTo(CvCard.render(ada(), options("")));
    }

    @Test
    void theNotFoundCardNamesTheLoginEscaped() throws Exception {
        String svg = CvCard.notFound("<b>&\"'x", options("theme=dark"));
        Document xml = assertStandaloneSvg(svg);
        assertThat(value(xml, "not-found")).isEqualTo("no public CV for '<b>&\"'x'");
        assertThat(svg).contains("fill=\"" + CvCardOptions.Theme.DARK.background + "\"").doesNotContain("<b>");
        assertThat(value(parse(CvCard.notFound("x".repeat(200), options(""))), "not-found"))
                .isEqualTo("no public CV for '" + "x".repeat(39) + "\u2026'");
        assertThat(value(parse(CvCard.notFound("ada", options("hide_title=true"))), "title")).isEmpty();
    }

    private static long parseLong(String grouped) {
        assertThat(grouped).matches("\\d{1,3}(,\\d{3})*");
        return Long.parseLong(grouped.replace(",", ""));
    }

    private static double fromShort(String text) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d)?)([kMB]?)").matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "k" -> n * 1e3;
            case "M" -> n * 1e6;
            case "B" -> n * 1e9;
            default -> n;
        };
    }
}
