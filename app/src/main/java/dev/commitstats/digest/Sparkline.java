package dev.commitstats.digest;

import java.util.List;
import java.util.Locale;

/**
 * A small bar chart as inline SVG, drawn on the server from numbers only, so that it shows in an e-mail (no script, no
 * external image) and on a page whose policy allows no inline script. The last bar (the digest's own week or day) is
 * drawn in the accent colour. The label is escaped; everything else is numbers.
 */
final class Sparkline {

    private static final int BAR = 10;
    private static final int GAP = 3;
    private static final int HEIGHT = 32;

    private Sparkline() {
    }

    /**
     * @param values    the bars, oldest first
     * @param label     what the chart shows, for screen readers and as its tooltip
     * @param highlight the index of the bar drawn in the accent colour, or -1
     */
    static String bars(List<Long> values, String label, int highlight) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        int width = values.size() * (BAR + GAP) - GAP;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width, HEIGHT, width, HEIGHT, escape(label), escape(label)));
        for (int i = 0; i < values.size(); i++) {
            long v = values.get(i);
            int h = v == 0 ? 1 : Math.max(2, (int) Math.round((double) v * HEIGHT / max));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"1\" "
                    + "fill=\"%s\"/>", i * (BAR + GAP), HEIGHT - h, BAR, h, i == highlight ? "#2f81f7" : "#9aa4b2"));
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
