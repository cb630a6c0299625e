package dev.commitstats.cv;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a request asks of the SVG card ({@code GET /cv/{login}/card.svg?theme=dark&hide=span&...}), read from its
 * query parameters in one place. The parameters follow github-readme-stats' habits; a card is an image embedded where
 * nobody sees an error page, so a value that cannot be used never fails the request: an unknown name falls back to
 * the default, a number out of range is clamped, an unknown item is ignored, an unknown parameter is ignored. The
 * README lists every parameter.
 *
 * @param theme        the colours
 * @param items        the items on the card, in the card's order
 * @param layout       how the languages are drawn
 * @param langsCount   how many languages are named, 1 to 10
 * @param numberFormat how numbers are written
 * @param hideTitle    whether the title line is left out
 * @param hideBorder   whether the frame is left out
 * @param borderRadius the frame's corner radius, 0 to {@link #MAX_BORDER_RADIUS}
 */
record CvCardOptions(Theme theme, Set<Item> items, Layout layout, int langsCount, NumberFormat numberFormat,
        boolean hideTitle, boolean hideBorder, double borderRadius) {

    static final int DEFAULT_LANGS_COUNT = 5;
    static final int MAX_LANGS_COUNT = 10;
    static final double DEFAULT_BORDER_RADIUS = 4.5;
    static final double MAX_BORDER_RADIUS = 30;

    CvCardOptions {
        items = Collections.unmodifiableSet(items.isEmpty() ? EnumSet.noneOf(Item.class) : EnumSet.copyOf(items));
    }

    /** The card as it looks without parameters. */
    static CvCardOptions defaults() {
        return parse(Map.of());
    }

    /**
     * The options of a query: each parameter name with its values, in order ({@code hide} and {@code show} may be
     * repeated and their lists are joined; of any other parameter the first value counts).
     */
    static CvCardOptions parse(Map<String, List<String>> query) {
        Set<Item> items = EnumSet.noneOf(Item.class);
        for (Item item : Item.values()) {
            if (item.shownByDefault()) {
                items.add(item);
            }
        }
        items.addAll(Item.list(query.get("show")));
        items.removeAll(Item.list(query.get("hide"))); // hide wins, as in github-readme-stats
        return new CvCardOptions(
                Theme.of(first(query, "theme")),
                items,
                named(Layout.values(), first(query, "layout"), Layout.NORMAL),
                (int) clamp(integer(first(query, "langs_count"), DEFAULT_LANGS_COUNT), 1, MAX_LANGS_COUNT),
                named(NumberFormat.values(), first(query, "number_format"), NumberFormat.SHORT),
                flag(first(query, "hide_title")),
                flag(first(query, "hide_border")),
                clamp(decimal(first(query, "border_radius"), DEFAULT_BORDER_RADIUS), 0, MAX_BORDER_RADIUS));
    }

    /** A constant named in a query by its parameter value. */
    interface Named {
        String parameter();
    }

    /** Whether the card shows this item. */
    boolean shows(Item item) {
        return items.contains(item);
    }

    /** An item of the card, named in {@code hide=} and {@code show=} lists by {@link #parameter()}. */
    enum Item implements Named {
        COMMITS("commits", true),
        /** Honest additions: lines written in a language, not vendored, generated, moved or bulk. */
        LINES("lines", true),
        DELETIONS("deletions", false),
        DAYS("days", true),
        STREAK("streak", true),
        CURRENT_STREAK("current_streak", false),
        /** How many repositories are counted; a number only, never a name. */
        REPOSITORIES("repositories", false),
        SPAN("span", true),
        LANGUAGES("languages", true);

        private final String parameter;
        private final boolean shownByDefault;

        Item(String parameter, boolean shownByDefault) {
            this.parameter = parameter;
            this.shownByDefault = shownByDefault;
        }

        @Override
        public String parameter() {
            return parameter;
        }

        boolean shownByDefault() {
            return shownByDefault;
        }

        /** The known items of comma-separated lists; unknown names and empty entries are ignored. */
        static Set<Item> list(@Nullable List<String> values) {
            Set<Item> items = EnumSet.noneOf(Item.class);
            if (values != null) {
                for (String value : values) {
                    for (String name : value.split(",", -1)) {
                        Item item = named(values(), name, null);
                        if (item != null) {
                            items.add(item);
                        }
                    }
                }
            }
            return items;
        }
    }

    /**
     * The card's colours; {@code default} is another name for {@code light}, as in github-readme-stats. The dark
     * ones are GitHub's own dark and dark-dimmed palettes, so that a card sits well in a GitHub README.
     */
    enum Theme implements Named {
        LIGHT("light", "#fffefe", "#e4e2e2", "#2f80ed", "#434d58", "#6a737d", "#e1e4e8"),
        DARK("dark", "#0d1117", "#30363d", "#58a6ff", "#c9d1d9", "#8b949e", "#21262d"),
        /** No background: mid-tone text that reads on light and dark pages alike. */
        TRANSPARENT("transparent", "none", "#8b949e", "#3b82f6", "#6e7781", "#8b949e", "#afb8c1"),
        DIMMED("dimmed", "#22272e", "#444c56", "#539bf5", "#adbac7", "#768390", "#2d333b"),
        HIGH_CONTRAST("high_contrast", "#ffffff", "#20252c", "#0349b4", "#0e1116", "#0e1116", "#acb6c0");

        private final String parameter;
        final String background;
        final String border;
        final String title;
        final String text;
        final String muted;
        final String track;

        Theme(String parameter, String background, String border, String title, String text, String muted,
                String track) {
            this.parameter = parameter;
            this.background = background;
            this.border = border;
            this.title = title;
            this.text = text;
            this.muted = muted;
            this.track = track;
        }

        @Override
        public String parameter() {
            return parameter;
        }

        /** The theme of this name; {@code default}, an unknown name or none is {@link #LIGHT}. */
        static Theme of(@Nullable String name) {
            return named(values(), name, LIGHT);
        }
    }

    /** How the languages are drawn: {@code normal} a list with a bar each, {@code compact} one bar and a legend. */
    enum Layout implements Named {
        NORMAL("normal"),
        COMPACT("compact");

        private final String parameter;

        Layout(String parameter) {
            this.parameter = parameter;
        }

        @Override
        public String parameter() {
            return parameter;
        }
    }

    /**
     * How numbers are written, the same in every locale: {@code short} as 987, 12.3k, 1.2M, 3.4B; {@code long} as
     * 12,345.
     */
    enum NumberFormat implements Named {
        SHORT("short"),
        LONG("long");

        private final String parameter;

        NumberFormat(String parameter) {
            this.parameter = parameter;
        }

        @Override
        public String parameter() {
            return parameter;
        }
    }

    private static @Nullable String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The constant whose parameter name is {@code name} (case and surrounding blanks ignored), else the fallback. */
    private static <E extends Enum<E> & Named> @Nullable E named(E[] constants, @Nullable String name,
            @Nullable E fallback) {
        if (name == null) {
            return fallback;
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            if (constant.parameter().equals(wanted)) {
                return constant;
            }
        }
        return fallback;
    }

    /** {@code true} (any case) turns a switch on; anything else, or nothing, leaves it off. */
    private static boolean flag(@Nullable String value) {
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    private static long integer(@Nullable String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double decimal(@Nullable String value, double fallback) {
        if (value == null || !value.strip().matches("[+-]?\\d{1,9}(\\.\\d{0,9})?")) {
            return fallback; // no NaN, Infinity, hex or exponent forms
        }
        return Double.parseDouble(value.strip());
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
